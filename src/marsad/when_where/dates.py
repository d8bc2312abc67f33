"""Time expressions of Arabic news text, resolved to dates.

:func:`find_times` finds every time expression and resolves it against the
publication date; :func:`detect_publication_date` reads a dateline;
:func:`find_times_stage` fills ``Document.times``.  The scanners live in
:mod:`marsad.when_where.date_rules` (vocabulary and regexes in
:mod:`~marsad.when_where.date_lexicon`, arithmetic in
:mod:`~marsad.when_where.calendars`); the assignment of dates to events in
:mod:`marsad.when_where.event_dates`.

Patterns run on the normalized text (so أ/ا, ة/ه, diacritics and ١٢/12 do not
matter); spans are mapped back to raw offsets and extended over trailing
diacritics and tatweel, so ``text[span.start:span.end]`` is the expression as
written ("غداً", "هـ").  A date of month or year precision is the first day of
that month or year.

Resolution conventions (``pub`` is the publication date):

* **Weekdays** (السبت، يوم السبت، صباح/مساء/ليلة/فجر/ظهر السبت): the most recent
  such day on or before ``pub`` (the same weekday as ``pub`` is ``pub``);
  with الماضي strictly before, with المقبل/القادم strictly after.  After
  اليوم/أمس/غدا ("اليوم الاثنين", "أمس (الأحد)") the named day nearest to
  ``pub``/``pub-1``/``pub+1`` — this absorbs a publication date recorded a day
  late.  "ليلة الجمعة" resolves to Friday.
* **Relative days**: اليوم/الليلة → pub; أمس/الأمس/البارحة/الليلة الماضية → pub-1;
  أول أمس/أمس الأول → pub-2; غدا/الغد → pub+1; بعد غد → pub+2.  اليوم is not a
  date in "اليوم الأول/الوطني/العالمي/التالي", "في اليوم", "ذلك اليوم",
  "روسيا اليوم" and the like.
* **Periods**: الشهر الماضي/الجاري/المقبل → month precision; العام الماضي/هذا
  العام/العام المقبل → year precision.  A week is not a precision of the data
  model: الأسبوع الماضي/الجاري/المقبل and قبل أسبوع(ين) resolve to the window of
  ±3 days around ``pub ∓ 7n`` coarsened to month precision when it lies in one
  month, else year precision.
* **Durations** قبل/منذ/بعد + N + unit (digits or number words): days and
  hours → day precision; months → month precision; years → year precision.
  Vague plurals (منذ سنوات) and durations anchored to another event
  ("بعد يومين من الهجوم") are not resolved.
* **Explicit dates**: day + month (+ year) in the three month-name systems,
  dual naming ("12 آب/أغسطس 2025"), numeric d/m/yyyy and yyyy-mm-dd, month +
  year, month + الماضي/المقبل/الجاري, "في/خلال/مطلع + month", and a year after
  عام/سنة or a preposition (في 2015، منذ 2011).  A range ("من 3 إلى 5 مايو",
  "بين 3 و5 مايو", "3-5 مايو") is one expression resolved to its start date.
  A weekday or اليوم/أمس right before an explicit date is merged into it.
  Without a year, a day+month takes the latest occurrence not more than 7 days
  after ``pub`` or in the month after ``pub``'s (في 12 أغسطس said on 24 July is
  this August); a month alone the latest such month not after the month after
  ``pub``'s (في أغسطس said in July is the coming August; في سبتمبر is last
  year's: whether a later month is coming depends on its clause, see
  :mod:`marsad.coding.modality_months` and rule 1 of
  :mod:`marsad.when_where.event_dates`).
* **Hijri dates** ("15 رمضان 1446 هـ") are converted with the tabular Islamic
  calendar (±1 day against Umm al-Qura or sighting-based calendars).

Expressions that need ``pub`` are omitted when it is ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date as Date

from marsad.document import Document, Span, TimeExpression
from marsad.text.normalize import OffsetMap, normalize
from marsad.when_where.date_rules import Hit, find_hits

HEADER_CHARS = 200  # a dateline must start within the first HEADER_CHARS characters
_PUB_CUE = re.compile(r"(?:نشر|بتاريخ|تاريخ\s+النشر|تحديث|التحديث)\s*(?:في|بتاريخ)?\s*[:\-]?\s*$")
_DATELINE_AFTER = re.compile(r"[^\S\n]*(?:\n|\Z|[\-–—/(|:.]|\d{1,2}:\d\d)")


# An explicit day more than this many days before publication lies before the news window (background):
# the cues' explicit old dates (marsad.coding.modality_months) and a chronology's entry dates (event_dates).
BACKGROUND_GAP_DAYS = 7


def before_news_window(pub: Date, year: int, month: int | None = None, day: int | None = None) -> bool:
    """Does a date given to the year, month or day lie before the news window of an article published on
    ``pub``: a day more than BACKGROUND_GAP_DAYS before it, an earlier month, an earlier year?"""
    if month is None:
        return year < pub.year
    if day is None:
        return (year, month) < (pub.year, pub.month)
    try:
        return (pub - Date(year, month, day)).days > BACKGROUND_GAP_DAYS
    except ValueError:
        return False


def raw_span(text: str, omap: OffsetMap, start: int, end: int) -> Span:
    """Raw span of normalized ``[start, end)``, extended over trailing diacritics."""
    rs, re_ = omap.to_raw(start, end, text)
    return Span(rs, re_, text[rs:re_])


def _expressions(text: str, norm: str, omap: OffsetMap, pub: Date | None) -> list[TimeExpression]:
    return [TimeExpression(raw_span(text, omap, h.start, h.end), h.date, h.precision, h.kind)
            for h in find_hits(norm, pub)]


def find_times(text: str, pub_date: Date | None) -> list[TimeExpression]:
    """Every time expression of ``text`` resolvable against ``pub_date``, in text order."""
    norm, omap = normalize(text)
    return _expressions(text, norm, omap, pub_date)


def detect_publication_date(text: str) -> tuple[Date | None, Span | None]:
    """The date of the article's dateline, if its header states one.

    A full date (with a year) that starts within :data:`HEADER_CHARS` characters
    counts when at most six words precede it on its line (not a lone "في") and
    it is introduced by نشر/بتاريخ/آخر تحديث or followed by a separator, a
    clock time or the line end ("السبت، 13-09-2025 08:24 م", "القاهرة - 12 أغسطس 2025 (أ ش أ)").
    Gregorian dates are preferred to Hijri ones.
    """
    head = text[: HEADER_CHARS + 80]
    norm, omap = normalize(head)
    found: list[Hit] = []
    for h in find_hits(norm, None):
        if h.precision != "day" or omap.pos(h.start) >= HEADER_CHARS:
            continue
        line_start = norm.rfind("\n", 0, h.start) + 1
        prefix = norm[line_start:h.start]
        words = prefix.split()
        if len(words) > 6 or (words and words[-1] in ("في", "وفي") and len(words) == 1):
            continue
        if _PUB_CUE.search(prefix) or _DATELINE_AFTER.match(norm, h.end):
            found.append(h)
    if not found:
        return None, None
    best = next((h for h in found if not h.hijri), found[0])
    return best.date, raw_span(text, omap, best.start, best.end)


def effective_pub_date(doc: Document) -> Date | None:
    """The article's publication date, else the date of its dateline."""
    return doc.article.date or detect_publication_date(doc.text)[0]


def find_times_stage(doc: Document) -> Document:
    """Fill ``doc.times`` (uses ``doc.norm``/``doc.offsets`` when prepared).

    The expression that is the article's dateline gets ``kind="dateline"``.
    """
    text = doc.text
    if doc.offsets is not None:
        norm, omap = doc.norm, doc.offsets
    else:
        norm, omap = normalize(text)
    dateline, dl_span = detect_publication_date(text)
    pub = doc.article.date or dateline
    times = _expressions(text, norm, omap, pub)
    if dl_span is not None:
        times = [replace(t, kind="dateline") if t.span == dl_span else t for t in times]
    doc.times = times
    return doc


@dataclass(slots=True)
class TimesStage:
    """Pipeline stage: :func:`find_times_stage` (needs the text stage)."""

    name: str = "times"
    requires: tuple[str, ...] = ("norm",)
    provides: tuple[str, ...] = ("times",)

    def __call__(self, doc: Document) -> Document:
        return find_times_stage(doc)
