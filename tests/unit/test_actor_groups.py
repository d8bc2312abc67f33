"""Unnamed groups of people as actors (issue #3/#4): group nouns in any number and gender with a
nisba are one mention (actors/agents.tsv), a definite role noun after a state's name is a new phrase
(actors.stage._definite_after_name), and a pattern that ends on a group noun has the group mention
running past it as its object (coding.clause_frame.tail_object)."""

from datetime import date

import pytest

from marsad.coding.clause_frame import tail_object
from marsad.coding.lexicon import Pattern, TriggerMatch
from marsad.document import ActorMention, Span, Token

WHEN = date(2015, 7, 27)


def _mentions(stage, make_doc, text: str) -> list[tuple[str, str | None, str]]:
    doc = stage(make_doc(text, date=WHEN))
    return [(m.code, m.agent, m.span.text) for m in doc.actors]


@pytest.mark.parametrize("text, code, agent", [
    ("أفرجت السلطات عن السجينة العراقية.", "IRQ", "CVL"),
    ("اعتقلت الشرطة أسيرة فلسطينية محررة.", "PSE", "CVL"),
    ("أفرجت إسرائيل عن أسيرين فلسطينيين.", "PSE", "CVL"),
    ("اعتقلت السلطات الصيادين المصريين.", "EGY", "CVL"),
    ("رحلت السلطات الرعايا الإثيوبيين.", "ETH", "CVL"),
    ("ونددت الجالية البحرينية بالتصريحات.", "BHR", "CVL"),
    ("قدمت المملكة مساعدات للاجئين السوريين.", "SYR", "REF"),
])
def test_group_noun_with_nisba_is_one_mention(stage, make_doc, text, code, agent):
    assert any(c == code and a == agent for c, a, _ in _mentions(stage, make_doc, text))


def test_definite_group_noun_after_a_state_name_is_a_new_phrase(stage, make_doc):
    found = _mentions(stage, make_doc, "رحلت الكويت العمال الأجانب.")
    assert ("KWT", "GOV", "الكويت") in found
    assert any(t == "العمال" and a == "CVL" for _, a, t in found)


def test_prisoners_club_is_an_organisation(stage, make_doc):
    assert ("PSE", "NGO", "نادي الأسير الفلسطيني") in _mentions(stage, make_doc, "وقال نادي الأسير الفلسطيني إن")


def _tokens(words: list[str]) -> list[Token]:
    out, pos = [], 0
    for w in words:
        out.append(Token(pos, pos + len(w), w, w, prefix=""))
        pos += len(w) + 1
    return out


def _tm(cameo: str, start: int, end: int) -> TriggerMatch:
    pat = Pattern(words=(frozenset({"x"}),), cameo=cameo, flags=frozenset(), preps=frozenset(), source="test")
    return TriggerMatch(start, end, pat)


def _group(i: int, j: int, agent: str = "CVL") -> ActorMention:
    return ActorMention(span=Span(i, j, ""), code="USA", agent=agent, kind="demonym", token_start=i, token_end=j)


def test_group_at_the_end_of_a_pattern_is_its_object():
    toks = _tokens(["تحتجز", "ايران", "رهاين", "امريكيين"])
    assert tail_object(_tm("181", 0, 3), toks, _group(2, 4))


def test_group_at_the_end_of_a_protest_pattern_is_not_made_its_object():
    toks = _tokens(["تظاهر", "الاف", "المحتجين", "الامريكيين"])
    assert not tail_object(_tm("141", 0, 3), toks, _group(2, 4))


def test_other_mentions_at_the_end_of_a_pattern_are_not_made_its_object():
    toks = _tokens(["استقبل", "الرييس", "الوزير", "الامريكي"])
    assert not tail_object(_tm("043", 0, 3), toks, _group(2, 4, agent="GOV"))


def test_lone_group_noun_ending_a_pattern_after_ala_is_its_object():
    # اعتدت الشرطة على المصلين: the pattern ends on the group noun, coded from context
    toks = _tokens(["اعتدت", "الشرطة", "علي", "المصلين"])
    assert tail_object(_tm("180", 0, 4), toks, _group(3, 4))
    assert not tail_object(_tm("180", 0, 4), toks, _group(3, 4, agent="GOV"))
