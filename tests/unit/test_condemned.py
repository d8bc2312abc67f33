"""marsad.coding.condemned.condemned_attack: the actors before an attack noun that a word of condemning,
describing or grief governs are no doers of it."""

from __future__ import annotations

import pytest

import marsad
from marsad.coding import lexicon
from marsad.coding.condemned import condemned_attack


def _attack(sentence: str):
    doc = marsad.code(sentence, date="2015-08-10")
    lex = lexicon.TriggerLexicon()
    found = lexicon.find_triggers(lex, doc.tokens, 0, len(doc.tokens), lex.readings(doc.tokens))
    tm = next(m for m in found if m.pattern.cameo[:2] in ("18", "19"))
    return condemned_attack(doc.tokens, tm, doc.actors, 0)


@pytest.mark.parametrize("sentence", [
    "وأدانت الإمارات التفجير الإرهابي في أبها.",
    "ووصف د. الجفري حادث التفجير بأنه عمل إجرامي جبان.",  # د. : an abbreviated title
    "وأعرب الوزير عن بالغ حزنه وأسفه للحادث الأليم والتفجير الغاشم بمسجد قوة الطوارئ.",
    "وأعرب وزير الخارجية الأردني عن أسفه للهجوم الإرهابي على المسجد.",
])
def test_condemned_attack_governed(sentence: str) -> None:
    assert _attack(sentence)


@pytest.mark.parametrize("sentence", [
    "وشن الجيش هجوما على مواقع المسلحين.",
    "وقال الوزير إن التفجير وقع أمس.",
])
def test_condemned_attack_not_governed(sentence: str) -> None:
    assert not _attack(sentence)
