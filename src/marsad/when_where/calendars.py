"""Calendar arithmetic for resolving time expressions (pure functions, no text).

* Hijri dates use the **tabular (arithmetic) Islamic calendar** — the civil
  variant with the epoch 1 Muharram 1 AH = 16 July 622 (Julian) and leap years
  2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle.  Official
  calendars (Umm al-Qura, local moon sighting) differ from it by up to ±1 day,
  occasionally 2; the result is therefore a day-precision *approximation*.
* Year inference, weekday resolution and month shifting follow the news
  conventions documented in :mod:`marsad.when_where.dates`.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta

# Proleptic Gregorian ordinal of 1 Muharram 1 AH (= 16 July 622 Julian).
_HIJRI_EPOCH = Date(622, 7, 19).toordinal()
# How far in the future (days after the publication date) an inferred date may lie; a day of the
# publication month or of the next one may lie later (يلتقي الفريقان في 12 أغسطس, said on 24 July).
FUTURE_SLACK_DAYS = 7


def hijri_to_gregorian(year: int, month: int, day: int) -> Date | None:
    """Gregorian date of a tabular Hijri date, or ``None`` if it is not valid."""
    if year < 1 or not 1 <= month <= 12 or not 1 <= day <= 30:
        return None
    if day == 30 and hijri_month_length(year, month) < 30:
        return None
    days = day + _month_offset(month) + (year - 1) * 354 + (3 + 11 * year) // 30
    return Date.fromordinal(_HIJRI_EPOCH - 1 + days)


def _month_offset(month: int) -> int:
    """Days before the first of ``month``: ceil(29.5 * (month - 1))."""
    return (59 * (month - 1) + 1) // 2


def hijri_month_length(year: int, month: int) -> int:
    """29 or 30 days (the 12th month has 30 in leap years)."""
    if month % 2 == 1:
        return 30
    if month == 12 and (14 + 11 * year) % 30 < 11:
        return 30
    return 29


def hijri_year_of(day: Date) -> int:
    """The tabular Hijri year that contains ``day``."""
    year = (30 * (day.toordinal() - _HIJRI_EPOCH) + 10646) // 10631
    while hijri_to_gregorian(year + 1, 1, 1) <= day:  # type: ignore[operator]
        year += 1
    while hijri_to_gregorian(year, 1, 1) > day:  # type: ignore[operator]
        year -= 1
    return year


def safe_date(year: int, month: int, day: int) -> Date | None:
    """``date(year, month, day)`` or ``None`` when the day does not exist."""
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def infer_year(pub: Date, month: int, day: int, direction: str = "") -> Date | None:
    """The occurrence of day/month nearest to ``pub`` under the news convention.

    ``direction`` ``""``: the latest occurrence not later than ``pub`` plus
    :data:`FUTURE_SLACK_DAYS` or the end of the month after ``pub``'s (news names the coming
    weeks' dates without a year: في 12 أغسطس said on 24 July); ``"past"``: the latest on or before ``pub``;
    ``"future"``: the earliest after ``pub``; ``"current"``: in ``pub``'s year.
    """
    if direction == "current":
        return safe_date(pub.year, month, day)
    cands = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := safe_date(y, month, day))]
    if direction == "future":
        later = [d for d in cands if d > pub]
        return min(later) if later else None
    limit = pub if direction == "past" else max(pub + timedelta(days=FUTURE_SLACK_DAYS), _next_month_end(pub))
    earlier = [d for d in cands if d <= limit]
    return max(earlier) if earlier else None


def infer_month_year(pub: Date, month: int, direction: str = "") -> Date:
    """First day of the month ``month`` nearest to ``pub``.

    ``""``: the latest such month not after the month after ``pub``'s (في أغسطس said in July is
    the coming August, as in :mod:`marsad.coding.modality_months`); ``"past"``: strictly
    before it; ``"future"``: strictly after it; ``"current"``: in ``pub``'s year.
    """
    year = pub.year
    if direction == "current":
        return Date(year, month, 1)
    if direction == "future":
        return Date(year if month > pub.month else year + 1, month, 1)
    if direction == "past":
        return Date(year if month < pub.month else year - 1, month, 1)
    if month == pub.month % 12 + 1:
        return Date(year if month > pub.month else year + 1, month, 1)
    return Date(year if month <= pub.month else year - 1, month, 1)


def _next_month_end(pub: Date) -> Date:
    """The last day of the month after ``pub``'s."""
    first_after = shift_months(Date(pub.year, pub.month, 1), 2)
    return first_after - timedelta(days=1)


def infer_hijri_year(pub: Date, month: int, day: int) -> Date | None:
    """The Hijri day/month nearest to ``pub`` (not more than a few days ahead)."""
    hy = hijri_year_of(pub)
    limit = pub + timedelta(days=FUTURE_SLACK_DAYS)
    cands = [d for y in (hy - 1, hy, hy + 1) if (d := hijri_to_gregorian(y, month, day)) and d <= limit]
    return max(cands) if cands else None


def weekday_near(pub: Date, weekday: int, mode: str = "") -> Date:
    """The date with Python ``weekday`` (Mon=0) relative to ``pub``.

    ``""``: the most recent on or before ``pub``; ``"past"``: strictly before;
    ``"future"``: strictly after; ``"near:N"``: nearest to ``pub + N days``.
    """
    if mode.startswith("near:"):
        anchor = pub + timedelta(days=int(mode[5:]))
        back = (anchor.weekday() - weekday) % 7
        return anchor - timedelta(days=back) if back <= 3 else anchor + timedelta(days=7 - back)
    if mode == "future":
        ahead = (weekday - pub.weekday()) % 7 or 7
        return pub + timedelta(days=ahead)
    back = (pub.weekday() - weekday) % 7
    if mode == "past" and back == 0:
        back = 7
    return pub - timedelta(days=back)


def shift_months(day: Date, months: int) -> Date:
    """First day of the month ``months`` after (or before, if negative) ``day``'s."""
    index = day.year * 12 + day.month - 1 + months
    return Date(index // 12, index % 12 + 1, 1)


def coarsen(center: Date, half_width: int) -> tuple[Date, str]:
    """A date and precision for the window ``center ± half_width`` days.

    Month precision when the window lies in one month, else year precision
    (of the window's start when it spans a new year: news windows look back).
    """
    lo = center - timedelta(days=half_width)
    hi = center + timedelta(days=half_width)
    if (lo.year, lo.month) == (hi.year, hi.month):
        return Date(lo.year, lo.month, 1), "month"
    if lo.year == hi.year:
        return Date(lo.year, 1, 1), "year"
    return Date(center.year, 1, 1), "year"
