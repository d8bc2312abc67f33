"""Whom an appeal or demand calls on when it is no actor (marsad.coding.addressee, issue #4): the
international community leaves the appeal without a target, a member singled out after it is the
target, and an actor addressee or another root is left to the clause heuristics."""

import pytest
from token_sites import at, mention, toks

from marsad.coding.addressee import addressee_targets
from marsad.coding.lexicon import Pattern, TriggerMatch


def _tm(tokens, word: str, cameo: str = "020", end_word: str | None = None, gap: tuple[int, int] | None = None):
    i = at(tokens, word)
    end = at(tokens, end_word) + 1 if end_word else i + 1
    pat = Pattern(words=(frozenset({tokens[i].key}),), cameo=cameo, flags=frozenset(), preps=frozenset(), source="test")
    return TriggerMatch(i, end, pat, gaps=(gap,) if gap else ())


@pytest.mark.parametrize("text, subject", [
    ("ودعت الخارجية السعودية المجتمع الدولي إلى وقف الانتهاكات الإسرائيلية", "السعودية"),
    ("وطالب الرئيس الفلسطيني مؤسسات المجتمع الدولي بالضغط على الحكومة الإسرائيلية", "الفلسطيني"),
    ("وناشد الرئيس اللبناني الأسرة الدولية مساعدة لبنان", "اللبناني"),
    ("داعيا في الوقت نفسه دول العالم إلى التدخل في سوريا", None),
])
def test_unnamed_addressee_leaves_no_target(text, subject):
    t = toks(text)
    src = [mention("X", at(t, subject), at(t, subject) + 1)] if subject else []
    later = [mention("ISR", len(t) - 1, len(t))]
    assert addressee_targets(_tm(t, t[0].norm), t, src + later, src, len(t)) == []


def test_member_singled_out_is_the_target():
    t = toks("ودعا الأمين العام المجتمع الدولي ، وخاصة مجلس الأمن ، إلى تحمل مسؤولياته")
    council = mention("IGO:UN", at(t, "مجلس"), at(t, "الأمن") + 1)
    assert addressee_targets(_tm(t, "ودعا"), t, [council], [], len(t)) == [council]


def test_addressee_in_the_gap_of_a_pattern():
    # طلب العراق من المجتمع الدولي دعم جهوده: the pattern طلب … دعم has the addressee in its gap
    t = toks("وطلب العراق من المجتمع الدولي دعم جهوده ضد تنظيم داعش")
    iraq, isis = mention("IRQ", 1, 2), mention("NSA:ISIS", at(t, "تنظيم"), len(t))
    tm = _tm(t, "وطلب", end_word="دعم", gap=(1, at(t, "دعم")))
    assert addressee_targets(tm, t, [iraq, isis], [iraq], len(t)) == []


@pytest.mark.parametrize("text, cameo", [
    ("ودعا وزير الخارجية التركي الحكومة السورية إلى وقف القصف", "020"),  # an actor is called on
    ("ودعا مدير قناة العالم الموظفين إلى الهدوء", "020"),  # قناة العالم: a channel
    ("وانتقد الوزير المجتمع الدولي لصمته", "111"),  # not an appeal or a demand
    ("ودعا الوزير إلى وقف القتال حتى يتدخل المجتمع الدولي", "020"),  # after what it calls for
])
def test_other_addressees_are_left_to_the_heuristics(text, cameo):
    t = toks(text)
    ments = [mention("SYR", at(t, "السورية"), at(t, "السورية") + 1)] if "السورية" in text else []
    assert addressee_targets(_tm(t, t[0].norm, cameo), t, ments, [], len(t)) is None
