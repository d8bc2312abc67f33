"""Coming months, plans and event dates (marsad.coding.modality_months, modality, event_dates), on
sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.coding.cues import is_background, modality, planned
from marsad.document import ActorMention, Event, Span
from marsad.text.prepare import document_from_text
from marsad.when_where.calendars import infer_month_year, infer_year
from marsad.when_where.dates import find_times_stage
from marsad.when_where.event_dates import assign_dates

JULY_31 = date(2015, 7, 31)
JULY_23 = date(2015, 7, 23)


def _ids(cases: list) -> list[str]:
    return [f"{k:02d}" for k in range(len(cases))]


# a month later than the publication month, no year: coming (not background) or last year's
BACKGROUND_CASES = [
    # the next month is the coming one
    ("قرر الرئيس تمديد حالة الطوارئ لمدة شهرين بداية من الثالث من أغسطس.", "تمديد", JULY_31, False),
    ("ويلتقي الفريقان في 12 أغسطس في لندن.", "ويلتقي", JULY_23, False),
    # ... unless منذ or الماضي / العام الماضي says otherwise, or the trigger may be a past verb
    ("وطالبت الحكومة الأمم المتحدة في سبتمبر بإرسال مراقبين.", "وطالبت", date(2015, 8, 10), True),
    ("وتقود واشنطن منذ أغسطس تحالفا دوليا ضد التنظيم.", "تحالفا", JULY_23, True),
    ("واعتقلت الشرطة المتهم في أغسطس العام الماضي.", "واعتقلت", JULY_23, True),
    ("واعتقلت الشرطة المتهم في أغسطس الماضي.", "واعتقلت", JULY_23, True),
    # a later month is coming with a future cue before it in its clause (or the clause before)
    ("وقال الوزير إن الملك سيزور واشنطن ويلتقي الرئيس في سبتمبر.", "ويلتقي", JULY_23, False),
    ("وقالت الجامعة إنها ستعرض المخطوطة في أكتوبر.", "المخطوطة", JULY_23, False),
    ("ويزور الرئيس الجزائر في يناير.", "ويزور", date(2015, 12, 20), False),
    # else it is last year's
    ("واستهدفت غارة أمريكية المعسكر في سبتمبر.", "واستهدفت", JULY_23, True),
    ("وشهدت المدينة معارك عنيفة في أكتوبر.", "معارك", JULY_23, True),
    # a future cue for another act does not make a recalled month coming
    ("ومن المتوقع أن يصل المحافظ إلى المدينة للمرة الأولى منذ سيطرة المسلحين عليها في مارس.", "سيطرة",
     date(2015, 8, 6), True),
    ("وقال إن صحفية كانت خطفت في فبراير أطلق سراحها وستعود إلى بلادها.", "خطفت", date(2015, 8, 7), True),
    # decades
    ("ومارست العائلة الخطف في الثمانينيات.", "الخطف", JULY_23, True),
    ("ووقع الاتفاق بين البلدين في التسعينات.", "الاتفاق", None, True),
]


@pytest.mark.parametrize(("text", "trigger", "when", "expected"), BACKGROUND_CASES, ids=_ids(BACKGROUND_CASES))
def test_coming_month_is_not_background(cues, cue_site, text: str, trigger: str, when: date | None, expected: bool) -> None:
    doc, s, i = cue_site(text, trigger, when)
    assert is_background(cues, doc, s, i) is expected


MODALITY_CASES = [
    # a coming month after a present verb or a definite noun (beyond the six words of a time adverb)
    ("وينطلق المهرجان الدولي للمسرح في الثالث من أغسطس.", "وينطلق", JULY_31, "future"),
    ("ويلتقي وزيرا الخارجية في جنيف في الثاني عشر من أغسطس.", "ويلتقي", JULY_23, "future"),
    ("ويبحث الاجتماع المقبل للجنة الأزمة المقرر عقده في العاصمة في سبتمبر المقبل.", "ويبحث", JULY_23, "future"),
    # not after a past verb (the act is done), nor from a start cue alone (the curfew is imposed now)
    ("ووقعت الحكومة اتفاقا مع الشركة يدخل حيز التنفيذ في سبتمبر المقبل.", "ووقعت", JULY_23, "asserted"),
    ("وفرضت السلطات حظر التجول بداية من الثالث من أغسطس.", "وفرضت", JULY_31, "asserted"),
    # a bound (حتى) is a current state; an old month is no future
    ("ويستمر المعسكر حتى السادس من أغسطس.", "ويستمر", JULY_23, "asserted"),
    ("واعتقلت الشرطة المتهم في أغسطس العام الماضي.", "واعتقلت", JULY_23, "asserted"),
    ("واستهدفت غارة أمريكية المعسكر في سبتمبر.", "واستهدفت", JULY_23, "asserted"),
    # no publication date: no month is taken for coming
    ("ويلتقي الفريقان في 12 أغسطس في لندن.", "ويلتقي", None, "asserted"),
    # first-person future سأ (not سأل)
    ("وقال الوزير: سأزور القاهرة قريبا.", "سأزور", None, "future"),
    ("وقال الوزير: سأقوم بزيارة القاهرة.", "بزيارة", None, "future"),
    ("وسألت الصحفية الوزير عن الزيارة.", "وسألت", None, "asserted"),
    # present forms of استطاع: a capability; the past: an act
    ("تستطيع السلطات العسكرية اعتقال المشتبه به لستة أشهر.", "اعتقال", None, "hypothetical"),
    ("استطاعت القوات السيطرة على المدينة.", "السيطرة", None, "asserted"),
]


@pytest.mark.parametrize(("text", "trigger", "when", "expected"), MODALITY_CASES, ids=_ids(MODALITY_CASES))
def test_modality_of_coming_dates(cues, cue_site, text: str, trigger: str, when: date | None, expected: str) -> None:
    doc, s, i = cue_site(text, trigger, when)
    assert modality(cues, doc, s, i) == expected


PLANNED_CASES = [
    ("من المتوقع أن يطالب النواب الحكومة بالاستقالة.", "يطالب", True),
    ("ويعتزم النائب العام طلب العقوبة القصوى.", "طلب", True),
    ("سيطالب النواب الحكومة بالاستقالة.", "سيطالب", False),
    ("سوف يطالب النواب الحكومة بالاستقالة.", "يطالب", False),
    ("ويطالب النواب الحكومة غدا بالاستقالة.", "ويطالب", False),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), PLANNED_CASES, ids=_ids(PLANNED_CASES))
def test_planned(cues, cue_site, text: str, trigger: str, expected: bool) -> None:
    doc, s, i = cue_site(text, trigger, None)
    assert modality(cues, doc, s, i) == "future"
    assert planned(cues, doc, s, i) is expected


# --- dates -------------------------------------------------------------------------------------

def test_next_month_resolves_to_this_year() -> None:
    assert infer_year(date(2015, 7, 24), 8, 12) == date(2015, 8, 12)
    assert infer_year(date(2015, 8, 6), 8, 20) == date(2015, 8, 20)  # later the same month
    assert infer_year(date(2015, 8, 11), 9, 27) == date(2015, 9, 27)
    assert infer_year(date(2015, 7, 24), 10, 1) == date(2014, 10, 1)  # two months on: last year's
    assert infer_month_year(date(2015, 7, 24), 8) == date(2015, 8, 1)
    assert infer_month_year(date(2015, 12, 20), 1) == date(2016, 1, 1)
    assert infer_month_year(date(2015, 7, 24), 9) == date(2014, 9, 1)


def _event(doc, trigger: str, *, background: bool = False) -> Event:
    start = doc.text.index(trigger)
    sent = next(i for i, s in enumerate(doc.sentences) if s.start <= start < s.end)
    s = doc.sentences[sent]
    return Event(ActorMention(Span(0, 1, doc.text[0]), "USA"), None, "036", Span(start, start + len(trigger), trigger),
                 Span(s.start, s.end, doc.text[s.start:s.end]), background=background, sentence=sent)


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # a coming date is the plan's or a deadline, not the event's: the lead date is taken
    ("أعلنت الحكومة أمس خطة جديدة للإصلاح الاقتصادي في البلاد.\nوقال الوزير إن الملك سيزور واشنطن في 12 أغسطس.",
     "سيزور", date(2015, 7, 22)),
    # a later month read as last year's, for an event not flagged background: no date
    ("وقال الوزير إن الملك سيزور واشنطن ويلتقي الرئيس في سبتمبر.", "سيزور", None),
    # a past date stays
    ("والتقى الوزيران في 20 يوليو في جنيف.", "والتقى", date(2015, 7, 20)),
])
def test_event_dates_skip_coming_dates(text: str, trigger: str, expected: date | None) -> None:
    doc = document_from_text(text, date=JULY_23)
    find_times_stage(doc)
    doc.events = [_event(doc, trigger)]
    assign_dates(doc)
    assert doc.events[0].date == expected
