"""Time expressions: finding, resolving, datelines and event dates."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.document import ActorMention, Article, Event, Span
from marsad.pipeline import FunctionStage, Pipeline
from marsad.text.prepare import document_from_text, prepare
from marsad.when_where import calendars as cal
from marsad.when_where import date_lexicon as lex
from marsad.when_where.dates import TimesStage, detect_publication_date, find_times, find_times_stage
from marsad.when_where.event_dates import DatesStage, assign_dates, lead_time

MON = date(2019, 3, 25)  # a Monday: the example of the annotation guideline
D = date.fromisoformat


def only(text: str, pub: date | None = MON):
    """The single time expression of ``text``."""
    found = find_times(text, pub)
    assert len(found) == 1, [(t.span.text, t.date) for t in found]
    return found[0]


# --- weekdays -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected, span", [
    ("السبت", "2019-03-23", "السبت"),
    ("يوم السبت", "2019-03-23", "يوم السبت"),
    ("صباح السبت", "2019-03-23", "صباح السبت"),
    ("مساء الثلاثاء", "2019-03-19", "مساء الثلاثاء"),
    ("ليلة الجمعة", "2019-03-22", "ليلة الجمعة"),
    ("فجر الأحد", "2019-03-24", "فجر الأحد"),
    ("ظهر يوم الخميس", "2019-03-21", "ظهر يوم الخميس"),
    ("الاثنين", "2019-03-25", "الاثنين"),  # same weekday as the publication date
    ("الإثنين", "2019-03-25", "الإثنين"),
    ("اليوم الاثنين", "2019-03-25", "اليوم الاثنين"),
    ("اليوم (الاثنين)", "2019-03-25", "اليوم (الاثنين)"),
    ("أمس الأحد", "2019-03-24", "أمس الأحد"),
    ("غدا الثلاثاء", "2019-03-26", "غدا الثلاثاء"),
    ("الأحد المقبل", "2019-03-31", "الأحد المقبل"),
    ("الجمعة القادمة", "2019-03-29", "الجمعة القادمة"),
    ("الاثنين الماضي", "2019-03-18", "الاثنين الماضي"),
    ("يوم الجمعة الماضي", "2019-03-22", "يوم الجمعة الماضي"),
    ("والسبت", "2019-03-23", "السبت"),
])
def test_weekday_resolves_to_most_recent(text, expected, span):
    t = only(f"قال المسؤول إن القوات انسحبت {text} من المدينة", MON)
    assert (t.date, t.precision, t.span.text) == (D(expected), "day", span)
    assert t.kind == "weekday"


def test_weekday_on_the_publication_weekday_is_that_day():
    sunday = date(2025, 8, 17)
    assert only("وصل الوفد الأحد", sunday).date == sunday


def test_weekday_across_year_boundary():
    assert only("وقع الهجوم يوم الجمعة", date(2025, 1, 1)).date == date(2024, 12, 27)


def test_today_with_weekday_absorbs_a_late_publication_date():
    # SaudiNewsNet records the crawl date, a day after the article.
    assert only("أعلن الرئيس اليوم (الاثنين)", date(2015, 7, 21)).date == date(2015, 7, 20)


@pytest.mark.parametrize("text", ["لا أحد يعرف", "الأحد عشر لاعبا", "الاثنين معا", "وأحد المسلحين"])
def test_weekday_words_that_are_not_days(text):
    assert find_times(text, MON) == []


# --- relative days, periods and durations -------------------------------------------------

@pytest.mark.parametrize("text, pub, expected", [
    ("أمس", "2025-01-01", "2024-12-31"),
    ("الأمس", "2025-03-01", "2025-02-28"),
    ("بالأمس", "2024-03-01", "2024-02-29"),
    ("البارحة", "2019-03-25", "2019-03-24"),
    ("أول أمس", "2025-01-01", "2024-12-30"),
    ("أول من أمس", "2019-03-25", "2019-03-23"),
    ("أمس الأول", "2019-03-25", "2019-03-23"),
    ("اليوم", "2019-03-25", "2019-03-25"),
    ("صباح اليوم", "2019-03-25", "2019-03-25"),
    ("مساء أمس", "2019-03-25", "2019-03-24"),
    ("يوم أمس", "2019-03-25", "2019-03-24"),
    ("الليلة", "2019-03-25", "2019-03-25"),
    ("الليلة الماضية", "2019-03-25", "2019-03-24"),
    ("الليلة قبل الماضية", "2019-03-25", "2019-03-23"),
    ("غدا", "2024-12-31", "2025-01-01"),
    ("غداً", "2019-03-25", "2019-03-26"),
    ("بعد غد", "2019-03-25", "2019-03-27"),
])
def test_relative_days(text, pub, expected):
    t = only(f"وقال المتحدث {text} إن المفاوضات مستمرة", D(pub))
    assert (t.date, t.precision, t.kind) == (D(expected), "day", "relative")
    assert text.endswith(t.span.text.split()[-1])


@pytest.mark.parametrize("text, pub, expected, precision", [
    ("الشهر الماضي", "2025-01-15", "2024-12-01", "month"),
    ("الشهر الجاري", "2025-01-15", "2025-01-01", "month"),
    ("هذا الشهر", "2025-01-15", "2025-01-01", "month"),
    ("الشهر المقبل", "2024-12-15", "2025-01-01", "month"),
    ("العام الماضي", "2025-01-01", "2024-01-01", "year"),
    ("السنة الماضية", "2025-06-01", "2024-01-01", "year"),
    ("هذا العام", "2025-06-01", "2025-01-01", "year"),
    ("العام الجاري", "2025-06-01", "2025-01-01", "year"),
    ("العام المقبل", "2025-06-01", "2026-01-01", "year"),
    ("الأسبوع الماضي", "2019-03-25", "2019-03-01", "month"),
    ("الأسبوع الماضي", "2019-03-05", "2019-01-01", "year"),  # the week straddles two months
    ("الأسبوع المقبل", "2019-03-12", "2019-03-01", "month"),
    ("هذا الأسبوع", "2019-03-12", "2019-03-01", "month"),
    ("مطلع الشهر الجاري", "2019-03-25", "2019-03-01", "month"),
])
def test_relative_periods(text, pub, expected, precision):
    t = only(f"وقع الاتفاق {text} في العاصمة", D(pub))
    assert (t.date, t.precision) == (D(expected), precision)


@pytest.mark.parametrize("text, pub, expected, precision", [
    ("قبل يومين", "2025-03-01", "2025-02-27", "day"),
    ("منذ يومين", "2025-01-01", "2024-12-30", "day"),
    ("قبل يوم", "2025-03-01", "2025-02-28", "day"),
    ("قبل ثلاثة أيام", "2019-03-25", "2019-03-22", "day"),
    ("قبل 3 أيام", "2019-03-25", "2019-03-22", "day"),
    ("قبل ٣ أيام", "2019-03-25", "2019-03-22", "day"),
    ("منذ عشرة أيام", "2019-03-25", "2019-03-15", "day"),
    ("قبل 48 ساعة", "2019-03-25", "2019-03-23", "day"),
    ("قبل ساعات", "2019-03-25", None, None),  # vague plural
    ("قبل أسبوع", "2019-03-25", "2019-03-01", "month"),
    ("قبل أسبوعين", "2019-03-25", "2019-03-01", "month"),
    ("قبل شهر", "2025-01-15", "2024-12-01", "month"),
    ("قبل شهرين", "2025-01-15", "2024-11-01", "month"),
    ("منذ ستة أشهر", "2025-01-15", "2024-07-01", "month"),
    ("قبل عام", "2025-01-15", "2024-01-01", "year"),
    ("منذ عامين", "2025-01-15", "2023-01-01", "year"),
    ("قبل سنتين", "2025-01-15", "2023-01-01", "year"),
    ("منذ 15 عاما", "2025-01-15", "2010-01-01", "year"),
    ("منذ خمس سنوات", "2025-01-15", "2020-01-01", "year"),
    ("بعد يومين", "2019-03-25", "2019-03-27", "day"),
])
def test_durations(text, pub, expected, precision):
    found = find_times(f"وصل الوفد {text} إلى المدينة", D(pub))
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1
        assert (found[0].date, found[0].precision, found[0].span.text) == (D(expected), precision, text)


@pytest.mark.parametrize("text", [
    "بعد يومين من الهجوم", "قبل ثلاثة أيام من الانتخابات", "منذ سنوات", "يزداد الوضع سوءا يوما بعد يوم",
    "قبل أيام",
])
def test_durations_not_resolved(text):
    assert find_times(text, MON) == []


@pytest.mark.parametrize("text", [
    "ذكرت قناة روسيا اليوم", "احتفالات اليوم الوطني", "في اليوم الأول من المؤتمر", "في ذلك اليوم",
    "ثلاث مرات في اليوم", "اليوم العالمي للمرأة", "في اليوم التالي", "في تلك الليلة كنت",
    "الليلة التي عشتها", "ومن ثم غدا تسويق الفكرة",
])
def test_today_that_is_not_a_date(text):
    assert find_times(text, MON) == []


# --- explicit dates -------------------------------------------------------------------------

@pytest.mark.parametrize("text, pub, expected, precision, span", [
    ("12 أغسطس 2025", "2025-08-13", "2025-08-12", "day", None),
    ("١٢ أغسطس ٢٠٢٥", "2025-08-13", "2025-08-12", "day", None),
    ("12 اغسطس 2025", None, "2025-08-12", "day", None),
    ("12 آب/أغسطس 2025", None, "2025-08-12", "day", None),
    ("12 آب (أغسطس) 2025", None, "2025-08-12", "day", None),
    ("3 تشرين الأول/أكتوبر 2015", None, "2015-10-03", "day", None),
    ("25 كانون الثاني 2011", None, "2011-01-25", "day", None),
    ("5 آذار 2019", None, "2019-03-05", "day", None),
    ("1 نيسان 2019", None, "2019-04-01", "day", None),
    ("9 أيار 2019", None, "2019-05-09", "day", None),
    ("17 حزيران 2019", None, "2019-06-17", "day", None),
    ("14 تموز 2019", None, "2019-07-14", "day", None),
    ("2 آب 2019", None, "2019-08-02", "day", None),
    ("30 أيلول 2019", None, "2019-09-30", "day", None),
    ("11 تشرين الثاني 2019", None, "2019-11-11", "day", None),
    ("31 كانون الأول 2019", None, "2019-12-31", "day", None),
    ("29 شباط 2020", None, "2020-02-29", "day", None),
    ("8 جانفي 2020", None, "2020-01-08", "day", None),
    ("8 فيفري 2020", None, "2020-02-08", "day", None),
    ("8 أفريل 2020", None, "2020-04-08", "day", None),
    ("8 ماي 2020", None, "2020-05-08", "day", None),
    ("8 جوان 2020", None, "2020-06-08", "day", None),
    ("5 جويلية 2020", None, "2020-07-05", "day", None),
    ("20 أوت 2020", None, "2020-08-20", "day", None),
    ("20 غشت 2020", None, "2020-08-20", "day", None),
    ("4 إبريل 2020", None, "2020-04-04", "day", None),
    ("4 ابريل 2020", None, "2020-04-04", "day", None),
    ("4 يونيه 2020", None, "2020-06-04", "day", None),
    ("4 يوليه 2020", None, "2020-07-04", "day", None),
    ("4 نوفمبر، 2020", None, "2020-11-04", "day", None),
    ("الأول من مارس 2020", None, "2020-03-01", "day", None),
    ("15 من شهر مايو 2021", None, "2021-05-15", "day", None),
    ("12/8/2025", None, "2025-08-12", "day", None),
    ("12-08-2025", None, "2025-08-12", "day", None),
    ("2025-08-12", None, "2025-08-12", "day", None),
    ("2021/08/15", None, "2021-08-15", "day", None),
    ("١٣-٠٩-٢٠٢٥", None, "2025-09-13", "day", None),
    ("مارس 2019", None, "2019-03-01", "month", None),
    ("آذار/مارس 2019", None, "2019-03-01", "month", None),
    ("شهر مايو من العام 2017", None, "2017-05-01", "month", None),
    ("عام 2015", None, "2015-01-01", "year", None),
    ("العام 2014م", None, "2014-01-01", "year", None),
    ("في عام 1999", None, "1999-01-01", "year", "عام 1999"),
    ("منذ 2011", None, "2011-01-01", "year", "2011"),
    ("في 5 مارس", "2019-03-25", "2019-03-05", "day", "5 مارس"),
    ("من 3 إلى 5 مايو 2019", None, "2019-05-03", "day", "من 3 إلى 5 مايو 2019"),
    ("بين 3 و5 مايو 2019", None, "2019-05-03", "day", "بين 3 و5 مايو 2019"),
    ("3-5 مايو 2019", None, "2019-05-03", "day", None),
])
def test_explicit_dates(text, pub, expected, precision, span):
    t = only(f"وقع الحادث {text} وفق البيان", D(pub) if pub else None)
    assert (t.date, t.precision, t.kind) == (D(expected), precision, "explicit")
    assert t.span.text == (span or text)


@pytest.mark.parametrize("text, pub, expected, precision", [
    ("مارس الماضي", "2019-03-25", "2018-03-01", "month"),  # "last March" in March: a year ago
    ("مارس الماضي", "2019-05-02", "2019-03-01", "month"),
    ("ديسمبر الماضي", "2025-01-10", "2024-12-01", "month"),
    ("يناير المقبل", "2024-12-10", "2025-01-01", "month"),
    ("يوليو الجاري", "2024-07-10", "2024-07-01", "month"),
    ("أبريل (نيسان) الماضي", "2015-07-21", "2015-04-01", "month"),
    ("شهر حزيران/يونيو الماضي", "2015-07-21", "2015-06-01", "month"),
    ("في مايو", "2019-03-25", "2018-05-01", "month"),
    ("خلال شهر فبراير", "2019-03-25", "2019-02-01", "month"),
    ("مايو من العام الماضي", "2019-03-25", "2018-05-01", "month"),
    ("5 مارس", "2019-03-25", "2019-03-05", "day"),
    ("28 ديسمبر", "2025-01-03", "2024-12-28", "day"),  # nearest occurrence, last year
    ("2 يناير", "2024-12-30", "2025-01-02", "day"),  # a few days ahead is allowed
    ("15 أكتوبر", "2025-08-13", "2024-10-15", "day"),  # never months into the future
    ("5 مارس الماضي", "2019-03-25", "2019-03-05", "day"),
    ("5 أبريل المقبل", "2019-03-25", "2019-04-05", "day"),
    ("5 مارس من العام الماضي", "2019-03-25", "2018-03-05", "day"),
    ("الثلاثاء 12 أغسطس", "2025-08-13", "2025-08-12", "day"),
])
def test_year_inference(text, pub, expected, precision):
    t = only(f"وقع الحادث {text} وفق البيان", D(pub))
    assert (t.date, t.precision) == (D(expected), precision)


def test_weekday_merges_into_following_date():
    t = only("جرى اتصال هاتفي مساء الثلاثاء ١٢ أغسطس ٢٠٢٥ بين الوزيرين", D("2025-08-13"))
    assert t.span.text == "مساء الثلاثاء ١٢ أغسطس ٢٠٢٥"
    assert (t.date, t.kind) == (D("2025-08-12"), "explicit")


@pytest.mark.parametrize("text", [
    "قال رجب طيب أردوغان", "مارس الضغط على الحكومة", "أكثر من 2000 شخص", "قتل 1500 مدني",
    "تيريزا ماي", "رقم 123 مارس", "الأب والابن", "مارس",
])
def test_explicit_false_friends(text):
    assert find_times(text, MON) == []


def test_day_month_without_year_needs_pub_date():
    assert find_times("وصل في 5 مارس", None) == []
    assert find_times("وصل أمس", None) == []
    assert only("وصل في 5 مارس 2019", None).date == date(2019, 3, 5)


def test_invalid_dates_are_dropped():
    assert [t.precision for t in find_times("31 فبراير 2019 و 31/4/2019", None)] == ["month"]


# --- Hijri ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, umm_al_qura", [
    ("1 رمضان 1446 هـ", "2025-03-01"),
    ("1 رمضان 1445هـ", "2024-03-11"),
    ("1 رمضان 1440 هجري", "2019-05-06"),
    ("1 شوال 1444 هـ", "2023-04-21"),
    ("10 ذو الحجة 1445 هـ", "2024-06-16"),
    ("10 ذي الحجة 1435هـ", "2014-10-04"),
    ("1 محرم 1446 هـ", "2024-07-07"),
    ("15 جمادى الآخرة 1446 هـ", "2024-12-16"),
    ("١٥ ربيع الأول ١٤٤٦ هـ", "2024-09-18"),
])
def test_hijri_within_one_day_of_umm_al_qura(text, umm_al_qura):
    t = only(f"صدر القرار في {text} الموافق", None)
    assert abs((t.date - D(umm_al_qura)).days) <= 1
    assert t.precision == "day" and t.span.text == text


def test_hijri_without_year_takes_nearest():
    assert only("حتى 15 رمضان", D("2025-03-20")).date == cal.hijri_to_gregorian(1446, 9, 15)


def test_hijri_ambiguous_month_needs_year():
    assert find_times("قتل 3 صفر", MON) == []
    assert only("في 3 صفر 1446 هـ", None).date == cal.hijri_to_gregorian(1446, 2, 3)


def test_hijri_year_is_not_a_gregorian_year():
    assert find_times("عام 1446 هـ", MON) == []


def test_tabular_calendar_arithmetic():
    assert cal.hijri_to_gregorian(1446, 9, 1) == date(2025, 3, 1)
    assert cal.hijri_to_gregorian(1446, 2, 30) is None  # even months have 29 days
    for year in range(1400, 1460):
        length = sum(cal.hijri_month_length(year, m) for m in range(1, 13))
        assert length in (354, 355)
        nxt = cal.hijri_to_gregorian(year + 1, 1, 1)
        assert (nxt - cal.hijri_to_gregorian(year, 1, 1)).days == length
        assert cal.hijri_year_of(nxt) == year + 1


# --- spans ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, written", [
    ("سيصل الوفد غداً إلى القاهرة", "غداً"),
    ("وصل الوفد أمسِ إلى القاهرة", "أمسِ"),
    ("صدر في ١٥ رمضانَ ١٤٤٦ هـ بالرياض", "١٥ رمضانَ ١٤٤٦ هـ"),
    ("وقع يومَ السبتِ الماضي", "يومَ السبتِ الماضي"),
    ("الأحــد", "الأحــد"),
    ("في العامِ الماضي", "العامِ الماضي"),
    ("\u200fالسبت\u200f", "السبت"),
])
def test_raw_span_round_trip(text, written):
    (t,) = find_times(text, MON)
    assert text[t.span.start:t.span.end] == t.span.text
    assert t.span.text == written


def test_spans_round_trip_on_a_long_text():
    text = ("أعلنت الحكومةُ، يومَ الأحد، أنها ستعقد اجتماعاً غداً. وكانت قد وقّعت في ٣ أكتوبر ٢٠١٥ "
            "اتفاقاً، ثم التقى الوزيران منذ يومين، وفي آب/أغسطس الماضي زار الرئيس موسكو.")
    found = find_times(text, MON)
    assert [t.span.text for t in found] == ["يومَ الأحد", "غداً", "٣ أكتوبر ٢٠١٥", "منذ يومين",
                                            "آب/أغسطس الماضي"]
    for t in found:
        assert text[t.span.start:t.span.end] == t.span.text
    assert [t.span.start for t in found] == sorted(t.span.start for t in found)


# --- datelines ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected, span", [
    ("أيمن الصفدي\n\nالسبت، 13-09-2025 08:24 م\n\nأجرى الوزير اتصالا", "2025-09-13", "13-09-2025"),
    ("القاهرة - 12 أغسطس 2025 (أ ش أ) - استقبل الرئيس", "2025-08-12", "12 أغسطس 2025"),
    ("نشر في 2021/08/15\nقال الوزير", "2021-08-15", "2021/08/15"),
    ("غروسي: الحرب لم تنته\n\n2025-09-03 21:14\n\nكشف المدير", "2025-09-03", "2025-09-03"),
    ("هافانا 23 يونيو 2016 / وقعت الحكومة", "2016-06-23", "23 يونيو 2016"),
    ("لافروف يصل\nالإثنين - 17 فبراير 2025 - 04:51 م\nقال الوزير", "2025-02-17", "17 فبراير 2025"),
    ("ميركل: لا ملاذ\n\n٣ أكتوبر ٢٠١٥\n\nقالت المستشارة", "2015-10-03", "٣ أكتوبر ٢٠١٥"),
])
def test_detect_publication_date(text, expected, span):
    found, sp = detect_publication_date(text)
    assert found == D(expected)
    assert sp is not None and sp.text == span and text[sp.start:sp.end] == span


@pytest.mark.parametrize("text", [
    "أجرى الوزير اتصالا هاتفيا مساء الثلاثاء ١٢ أغسطس ٢٠٢٥ بين الجانبين",  # a date in the lead sentence
    "نيويورك في 9 سبتمبر/ وام / أدان الأمين العام",  # no year
    "قال الوزير إن الاتفاق " + "سيوقع قريبا " * 20 + "\n12 أغسطس 2025",  # too far from the top
    "لا تاريخ هنا",
])
def test_no_publication_date(text):
    assert detect_publication_date(text) == (None, None)


def test_stage_uses_dateline_when_article_has_no_date():
    doc = document_from_text("القاهرة - 12 أغسطس 2025 (أ ش أ) - قصفت الطائرات أمس مواقع")
    find_times_stage(doc)
    assert [(t.kind, t.date) for t in doc.times] == [("dateline", D("2025-08-12")), ("relative", D("2025-08-11"))]


def test_stage_prefers_article_date_and_uses_prepared_offsets():
    doc = document_from_text("قصفت الطائراتُ أمسِ مواقعَ", date=MON)
    find_times_stage(doc)
    assert [(t.span.text, t.date) for t in doc.times] == [("أمسِ", D("2019-03-24"))]


# --- event dates ------------------------------------------------------------------------------

def make_event(doc, trigger: str, *, background=False, modality="asserted", occurrence=0) -> Event:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(trigger, start + 1)
    trig = Span(start, start + len(trigger), trigger)
    sent = next(i for i, s in enumerate(doc.sentences) if s.start <= start < s.end)
    s = doc.sentences[sent]
    evidence = Span(s.start, s.end, doc.text[s.start:s.end])
    actor = ActorMention(Span(0, 1, doc.text[0]), "USA")
    return Event(actor, None, "190", trig, evidence, background=background, modality=modality, sentence=sent)


def dated(text: str, triggers: list[str], pub: date | None = MON, **kw) -> list[tuple]:
    doc = document_from_text(text, date=pub)
    doc.events = [make_event(doc, t, **kw) for t in triggers]
    assign_dates(doc)
    return [(e.date.isoformat() if e.date else None, e.date_precision) for e in doc.events]


def test_event_takes_time_of_its_sentence():
    text = "قصفت الطائرات أمس مواقع في المدينة. وزار الوزير العاصمة يوم السبت."
    assert dated(text, ["قصفت", "وزار"]) == [("2019-03-24", "day"), ("2019-03-23", "day")]


def test_event_takes_closest_time_in_sentence():
    text = "قال الوزير اليوم إن الطائرات قصفت يوم السبت مواقع للمسلحين"
    assert dated(text, ["قصفت"]) == [("2019-03-23", "day")]
    assert dated(text, ["قال"]) == [("2019-03-25", "day")]


def test_since_year_is_not_the_time_of_an_act():
    text = "قصفت الطائرات مواقع المعارضة التي تسيطر على المدينة منذ 2011 وذلك أمس"
    assert dated(text, ["قصفت"]) == [("2019-03-24", "day")]


def test_month_and_year_precision_propagate():
    text = "وقعت الحكومة الاتفاق الشهر الماضي. وزار الرئيس موسكو عام 2015."
    assert dated(text, ["وقعت", "وزار"]) == [("2019-02-01", "month"), ("2015-01-01", "year")]


def test_event_without_time_takes_the_lead_date():
    text = ("أعلن الجيش اليوم الأحد مقتل خمسة مسلحين في اشتباكات بالمدينة الحدودية.\n"
            "وأضاف البيان أن القوات اعتقلت عشرة أشخاص آخرين في المنطقة نفسها.")
    assert dated(text, ["اعتقلت"], pub=D("2019-03-24")) == [("2019-03-24", "day")]


def test_lead_sentence_wins_over_dateline():
    text = ("القاهرة - 12 أغسطس 2025 (أ ش أ)\n"
            "قصفت الطائرات الإسرائيلية أمس مواقع في جنوب لبنان حسب مصادر محلية.\n"
            "وأكد الجيش أن القوات اعتقلت عشرة أشخاص آخرين في المنطقة نفسها.")
    doc = document_from_text(text, date=D("2025-08-12"))
    find_times_stage(doc)
    assert lead_time(doc).span.text == "أمس"
    assert dated(text, ["اعتقلت"], pub=D("2025-08-12")) == [("2025-08-11", "day")]


def test_no_lead_date_means_no_date():
    text = ("قالت مصادر محلية إن القوات دخلت المدينة الحدودية بعد معارك عنيفة مع المسلحين.\n"
            "وأضاف البيان أن القوات اعتقلت عشرة أشخاص آخرين في المنطقة نفسها.")
    assert dated(text, ["اعتقلت"]) == [(None, None)]


def test_lead_date_far_from_publication_is_not_used():
    text = ("وقعت الحكومة اتفاق السلام في 5 مارس 2015 بعد مفاوضات طويلة في العاصمة.\n"
            "وأضاف البيان أن القوات اعتقلت عشرة أشخاص آخرين في المنطقة نفسها.")
    assert dated(text, ["اعتقلت"], pub=D("2019-03-25")) == [(None, None)]


@pytest.mark.parametrize("second", [
    "وكانت القوات قد اعتقلت عشرة أشخاص آخرين في المنطقة نفسها.",
    "واعتقلت القوات في وقت سابق عشرة أشخاص آخرين في المنطقة نفسها.",
    "واعتقلت القوات منذ سنوات عشرة أشخاص آخرين في المنطقة نفسها.",
])
def test_background_marker_blocks_lead_date(second):
    text = "أعلن الجيش اليوم الأحد مقتل خمسة مسلحين في اشتباكات بالمدينة الحدودية.\n" + second
    assert dated(text, ["اعتقلت"], pub=D("2019-03-24")) == [(None, None)]


@pytest.mark.parametrize("kw", [{"background": True}, {"modality": "negated"}, {"modality": "hypothetical"}])
def test_background_or_unasserted_events_get_no_lead_date(kw):
    text = ("أعلن الجيش اليوم الأحد مقتل خمسة مسلحين في اشتباكات بالمدينة الحدودية.\n"
            "وأضاف البيان أن القوات اعتقلت عشرة أشخاص آخرين في المنطقة نفسها.")
    assert dated(text, ["اعتقلت"], pub=D("2019-03-24"), **kw) == [(None, None)]


def test_background_event_keeps_its_explicit_date():
    text = "وكانت روسيا قد أرسلت قاذفتين إلى كراكاس في ديسمبر 2018."
    assert dated(text, ["أرسلت"], background=True) == [("2018-12-01", "month")]


def test_assign_dates_without_publication_date_or_dateline():
    text = ("قصفت الطائرات أمس مواقع في جنوب لبنان حسب ما أفادت به مصادر محلية متطابقة.\n"
            "وزار الرئيس موسكو في 5 مارس 2015 حسب البيان الرسمي الصادر عن الرئاسة.")
    assert dated(text, ["قصفت", "وزار"], pub=None) == [(None, None), ("2015-03-05", "day")]


def test_assign_dates_on_a_document_without_events():
    doc = document_from_text("لا شيء هنا", date=MON)
    assign_dates(doc)
    assert doc.events == []


@pytest.mark.parametrize("text, pub, expected", [
    ("حدد الـ26 من فبراير المقبل موعدا", "2015-07-21", [("26 من فبراير المقبل", "2016-02-26", "day")]),
    ("أعيد انتخابه في مايو أيار الماضي", "2015-07-21", [("مايو أيار الماضي", "2015-05-01", "month")]),
    ("وزير الإعلام (فبراير/شباط 2009 حتى نوفمبر/تشرين الثاني 2014)", None,
     [("فبراير/شباط 2009", "2009-02-01", "month"), ("نوفمبر/تشرين الثاني 2014", "2014-11-01", "month")]),
    ("إن يوم غد الجمعة هو يوم العيد", "2015-07-16", [("يوم غد الجمعة", "2015-07-17", "day")]),
    ("وصل يوم غد", "2015-07-16", [("يوم غد", "2015-07-17", "day")]),
    ("في 7 سبتمبر (أيلول) عام 2020", None, [("7 سبتمبر (أيلول) عام 2020", "2020-09-07", "day")]),
    ("وكان خامنئي قال أمس السبت (18 يوليو تموز) إن", "2015-07-19",
     [("أمس السبت (18 يوليو تموز)", "2015-07-18", "day")]),
])
def test_forms_seen_in_news(text, pub, expected):
    found = find_times(text, D(pub) if pub else None)
    assert [(t.span.text, t.date.isoformat(), t.precision) for t in found] == expected


@pytest.mark.parametrize("text", [
    "مقدمة طويلة عن الموضوع.\nفي 11-2-2011م خرج الشعب إلى الساحات",
    "قال كاتب المقال بحسب ما نشرت الصحيفة المحلية بتاريخ 17/7/1436هـ : إن",
])
def test_body_dates_are_not_datelines(text):
    assert detect_publication_date(text) == (None, None)


def test_weekday_picks_the_year_of_an_undated_day_month():
    # 12 August was a Sunday in 2018 and a Monday in 2019.
    assert only("وصل الاثنين 12 أغسطس", MON).date == date(2019, 8, 12)
    assert only("وصل الأحد 12 أغسطس", MON).date == date(2018, 8, 12)
    assert only("وصل الاثنين 12 أغسطس 2018", MON).date == date(2018, 8, 12)  # a written year stays


def test_stages_plug_into_a_pipeline():
    def add_event(doc):
        doc.events = [make_event(doc, "قصفت")]
        return doc

    pipe = Pipeline([FunctionStage("text", prepare, provides=("norm", "tokens", "sentences")), TimesStage(),
                     FunctionStage("events", add_event, requires=("times",), provides=("events",)),
                     DatesStage()], errors="raise")
    doc = pipe(Article("x", "قصفت الطائرات أمس مواقع في المدينة", date=MON))
    assert [t.span.text for t in doc.times] == ["أمس"]
    assert doc.events[0].date == date(2019, 3, 24)


def test_since_date_alone_gives_no_date():
    text = ("أعلن الجيش اليوم الأحد مقتل خمسة مسلحين في اشتباكات بالمدينة الحدودية.\n"
            "ووصل إلى المدينة عشرات الأسرى المحتجزين لدى الجماعة منذ عام 2017 حسب المصدر.")
    assert dated(text, ["ووصل"], pub=D("2019-03-24")) == [(None, None)]


@pytest.mark.parametrize("month, name", [(m, n) for m, names in lex.GREGORIAN_MONTHS.items() for n in names])
def test_every_gregorian_month_name(month, name):
    t = only(f"وقع ذلك في 9 {name} 2016 حسب المصادر", None)
    assert t.date == date(2016, month, 9) and t.span.text == f"9 {name} 2016"


@pytest.mark.parametrize("month, name", [(m, n) for m, names in lex.HIJRI_MONTHS.items() for n in names])
def test_every_hijri_month_name(month, name):
    t = only(f"صدر في 9 {name} 1440 هـ حسب المصادر", None)
    assert t.date == cal.hijri_to_gregorian(1440, month, 9) and t.span.text == f"9 {name} 1440 هـ"


def test_persian_digits():
    assert only("وقع في ۱۲ مارس ۲۰۱۹", None).date == date(2019, 3, 12)
