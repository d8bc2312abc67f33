"""Arguments of cooperation triggers (issue #4, task C): the giver named by من after a verb of
receiving, the recipient in the gap of a verb of giving whose subject stands before it
(marsad.coding.arguments) and the state of the town aid reaches (marsad.coding.implicit)."""

from __future__ import annotations

import pytest
from token_sites import mention
from token_sites import word_tokens as _tokens

from marsad.coding.arguments import find_args
from marsad.coding.destinations import aid_destination
from marsad.coding.lexicon import GAP, Pattern, TriggerMatch
from marsad.document import ActorMention
from marsad.when_where.gazetteer import Gazetteer


def _m(code: str, i: int, j: int, kind: str = "state") -> ActorMention:
    return mention(code, i, j, kind=kind)


def _pattern(cameo: str, flags: tuple[str, ...] = (), preps: tuple[str, ...] = (), gap: bool = False) -> Pattern:
    words = (frozenset({"x"}), GAP, frozenset({"y"})) if gap else (frozenset({"x"}),)
    return Pattern(words=words, cameo=cameo, flags=frozenset(flags), preps=frozenset(preps), source="test")


@pytest.mark.parametrize(("cameo", "giver"), [("073", ["IGO:UN"]), ("0841", ["PSE"]), ("173", [])])
def test_giver_after_min_of_a_verb_of_receiving(cameo, giver):
    # تلقت الحكومة اليمنية مساعدات من الأمم المتحدة: the recipient is the subject, the giver after من
    # (aid, released captives); a passive of another root keeps من قبل / على يد as its only agent
    toks = _tokens(["تلقت", "الحكومه", "اليمنيه", "مساعدات", "من", "الامم", "المتحده"])
    ments = [_m("YEM", 1, 3), _m(giver[0] if giver else "PSE", 5, 7)]
    args = find_args(TriggerMatch(0, 4, _pattern(cameo, ("passive",), gap=True), ((1, 3),)), toks, ments, 0, len(toks))
    assert [m.code for m in args.sources] == giver
    assert [m.code for m in args.targets] == ["YEM"]
    assert args.source_how == ("giver" if giver else "none")


def test_gap_after_a_giving_verb_holds_the_recipient():
    # الولايات المتحدة سلمت مصر ثماني طائرات: the subject stands before the verb, the state in the
    # gap is the first object (the recipient), not a second subject
    toks = _tokens(["الولايات", "المتحده", "سلمت", "مصر", "ثماني", "طائرات"])
    ments = [_m("USA", 0, 2), _m("EGY", 3, 4)]
    args = find_args(TriggerMatch(2, 6, _pattern("072", gap=True), ((3, 5),)), toks, ments, 0, len(toks))
    assert [m.code for m in args.sources] == ["USA"]
    assert [m.code for m in args.targets] == ["EGY"]


@pytest.mark.parametrize(
    ("text", "start", "end", "noun", "expected"),
    [
        ("وصلت اليوم الطائرة الإغاثية السعودية إلى مطار عدن الدولي.", 0, 4, False, "YEM"),
        ("وصلت إلى مطار عدن أمس طائرة إغاثية سعودية.", 5, 7, True, "YEM"),  # the verb and its goal first
        ("وزع مركز الملك سلمان مساعدات غذائية في الرياض.", 0, 6, False, None),  # the giver's own state
    ],
)
def test_aid_destination(make_doc, text, start, end, noun, expected):
    doc = make_doc(text)
    flags = ("noun",) if noun else ()
    tm = TriggerMatch(start, end, _pattern("073", flags, gap=True))
    dest = aid_destination(doc, tm, 0, len(doc.tokens), Gazetteer(), [_m("SAU", 0, 1)])
    assert (dest.code if dest else None) == expected
    assert dest is None or dest.implied
