"""Word lists of the actor stage read from their data files (resources/actors/locative_words.tsv,
dual_referents.tsv), normalized on load."""

from __future__ import annotations

from marsad import resources
from marsad.actors.stage import dual_referents, is_dual_referent, locative_words
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
    assert sum(r["case"] == "nom" for r in rows) == sum(r["case"] == "obl" for r in rows)
    assert is_dual_referent(Token(0, 8, "الوزيران", "وزيران"))
    assert not is_dual_referent(Token(0, 5, "الوزير", "وزير"))
