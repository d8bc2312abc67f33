"""News outlets as the object of an act, and outlet names that hold a time word (issue #4, task D)."""

from datetime import date

import pytest
from token_sites import at as _at
from token_sites import mention as _m
from token_sites import toks as _toks

from marsad.coding.lexicon import Pattern, TriggerMatch
from marsad.coding.outlets import object_outlets

WHEN = date(2016, 3, 1)


def _trigger(tokens, word: str, cameo: str, preps: frozenset[str] = frozenset()) -> TriggerMatch:
    i = _at(tokens, word)
    return TriggerMatch(i, i + 1, Pattern((frozenset({word}),), cameo, frozenset(), preps, "test"))


def test_outlet_after_the_subject_and_an_owned_noun_is_the_object():
    toks = _toks("أغلقت السلطات المصرية مكتب قناة الجزيرة في القاهرة")
    egypt = _m("EGY", _at(toks, "السلطات"), _at(toks, "المصرية") + 1, "GOV", "demonym")
    outlet = _m("QAT", _at(toks, "قناة"), _at(toks, "الجزيرة") + 1, "MED", "media")
    tm = _trigger(toks, "أغلقت", "1721")
    assert object_outlets(toks, tm, [outlet], [egypt], len(toks)) == [outlet]
    # a cooperative act takes no outlet
    assert object_outlets(toks, _trigger(toks, "أغلقت", "040"), [outlet], [egypt], len(toks)) == []


@pytest.mark.parametrize("text, trigger, first", [
    ("انتقد الوزير قائلا لوكالة رويترز إن", "انتقد", "لوكالة"),  # لـ: whom it was said to
    ("انتقد الوزير الاتفاق في مقابلة مع صحيفة الغارديان", "انتقد", "صحيفة"),  # other words between
    ("ندد الوزير بالهجوم بعد نشر صحيفة الغارديان تقريرا", "ندد", "صحيفة"),  # the outlet publishes
    ("انتقد الوزير لوكالة رويترز الاتفاق", "انتقد", "لوكالة"),  # لـ right after the subject
])
def test_reporting_outlets_are_not_objects(text, trigger, first):
    toks = _toks(text)
    name = "وكالة رويترز" if "رويترز" in text else "صحيفة الغارديان"  # the span leaves out a clitic لـ
    outlet = _m("GBR", _at(toks, first), _at(toks, first) + 2, "MED", "media", name)
    minister = _m("", _at(toks, "الوزير"), _at(toks, "الوزير") + 1, "GOV", "agent")
    assert object_outlets(toks, _trigger(toks, trigger, "111"), [outlet], [minister], len(toks)) == []


def test_outlet_right_after_its_critic_is_the_object():
    toks = _toks("انتقد الوزير صحيفة الغارديان")
    outlet = _m("GBR", _at(toks, "صحيفة"), _at(toks, "صحيفة") + 2, "MED", "media")
    minister = _m("", _at(toks, "الوزير"), _at(toks, "الوزير") + 1, "GOV", "agent")
    assert object_outlets(toks, _trigger(toks, "انتقد", "111"), [outlet], [minister], len(toks)) == [outlet]


def _mentions(stage, make_doc, text: str) -> list[tuple[str, str]]:
    return [(m.code, m.kind) for m in stage(make_doc(text, date=WHEN)).actors]


@pytest.mark.parametrize("text, expected", [
    ("استخدمت روسيا اليوم حق النقض.", ("RUS", "state")),
    ("التقى الرئيس المصري اليوم نظيره.", ("EGY", "demonym")),
    ("وذكرت قناة روسيا اليوم أن.", ("RUS", "media")),
    ('وذكرت "روسيا اليوم" أن.', ("RUS", "media")),
])
def test_outlet_name_with_a_time_word_needs_a_media_noun_or_quotes(stage, make_doc, text, expected):
    assert expected in _mentions(stage, make_doc, text)


@pytest.mark.parametrize("text, org, organ", [
    ("دعا مجلس الأمن الدولي الحكومة اليمنية إلى ضبط النفس.", "IGO:UN", "YEM"),
    ("حث حلف الناتو القوات الروسية على الانسحاب.", "IGO:NATO", "RUS"),
    ("أدان تنظيم داعش الإرهابي الحكومة العراقية.", "NSA:ISIS", "IRQ"),
])
def test_organ_after_an_organisation_is_another_actor(stage, make_doc, text, org, organ):
    codes = [c for c, _ in _mentions(stage, make_doc, text)]
    assert org in codes and organ in codes


def test_adjective_after_an_organisation_stays_in_it(stage, make_doc):
    assert _mentions(stage, make_doc, "إلى بعثة مراقبي الأمم المتحدة العسكريين في الهند.")[0] == ("IGO:UN", "igo")
