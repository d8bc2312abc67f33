"""Word lists of the actor stage read from their data files (resources/actors/locative_words.tsv,
dual_referents.tsv), normalized on load."""

from __future__ import annotations

from marsad import resources
from marsad.actors.stage import (
    dual_referents,
    is_dual_referent,
    is_nominative_dual,
    locative_words,
    person_duals,
)
from marsad.document import Token


def test_locative_words_are_read_normalized_with_known_kinds():
    words = locative_words()
    assert {"في", "قرب", "شمال", "مدينه", "انحاء", "اقليم", "قباله", "ميناء"} <= words  # مدينة، أنحاء، إقليم، قبالة
    assert "وزير" not in words
    kinds = {r["kind"] for r in resources.read_tsv(resources.path("locative_words"))}
    assert kinds == {"prep", "direction", "area"}


def test_dual_referents_are_read_normalized_in_both_cases():
    words = dual_referents()
    assert {"وزيران", "جانبين", "رييسان", "مسوولين", "قايدان"} <= words  # رئيسان، مسؤولين، قائدان
    rows = list(resources.read_tsv(resources.path("dual_referents")))
    assert sum(r["kind"] == "nom" for r in rows) == sum(r["kind"] == "obl" for r in rows)
    assert {r["of"] for r in rows} == {"person", "any"}
    assert is_dual_referent(Token(0, 8, "الوزيران", "وزيران"))
    assert not is_dual_referent(Token(0, 5, "الوزير", "وزير"))
    assert is_nominative_dual(Token(0, 8, "الجانبان", "جانبان"))
    assert not is_nominative_dual(Token(0, 8, "الجانبين", "جانبين"))
    assert {"رييسان", "وزيرين"} <= person_duals() and "جانبان" not in person_duals()
