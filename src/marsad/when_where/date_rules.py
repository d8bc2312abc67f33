"""Scanning normalized text for time expressions and resolving them (internal).

The conventions are documented in :mod:`marsad.when_where.dates`, the public
entry point.  Each scanner yields :class:`Hit` objects in normalized offsets;
:func:`find_hits` keeps the longest non-overlapping ones and merges a weekday
or اليوم/أمس into an explicit date that follows it.

Core patterns start with a digit or a literal (see ``date_lexicon``); the words
that may stand before a core are matched by :func:`_left` on the few words to
its left, which keeps the scan fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date as Date
from datetime import timedelta

from marsad.when_where import calendars as cal
from marsad.when_where import date_lexicon as lex

_MONTHS = lex.month_lookup()
_REL_DAY_OFFSET = {
    "امس": -1, "الامس": -1, "البارحه": -1, "الليله الماضيه": -1, "اول امس": -2, "امس الاول": -2,
    "الليله قبل الماضيه": -2,
    "الليله": 0, "اليوم": 0, "غد": 1, "غدا": 1, "الغد": 1, "بعد غد": 2,
}
_NEAR_MODE = {"اليوم": "near:0", "امس": "near:-1", "غدا": "near:1", "غد": "near:1"}
_SHIFT = {"past": -1, "current": 0, "future": 1}
_WS = re.compile(r"[\s(\[«\"']+")  # what may precede the first word of a left context
_DAY_AFTER_DAY = re.compile(r"(?:يوما|يوم|عاما|شهرا|اسبوعا|سنه)\s+$")  # "يوما بعد يوم": day by day
_MERGE_GAP = re.compile(r"[\s,\-–(:]*(?:الموافق)?[\s,\-–(:]*")


@dataclass(slots=True, frozen=True)
class Hit:
    """A resolved time expression in normalized offsets (internal form)."""

    start: int
    end: int
    date: Date
    precision: str
    kind: str
    rank: int = 0  # among equally long overlapping hits the lower rank wins
    hijri: bool = False
    weak: bool = False  # a weekday/اليوم that merges into a following explicit date
    inferred_year: bool = False  # the year was not written (day + month only)


def _words(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


def _direction(word: str | None) -> str:
    """past/current/future for الماضي/الجاري/المقبل (and feminine forms), else ""."""
    if not word:
        return ""
    return lex.DIRECTIONS.get(word) or lex.DIRECTIONS.get(word[:-1], "")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _left(rx: re.Pattern, norm: str, s: int, reach: int = 60) -> re.Match | None:
    """The longest left context ``rx`` (fullmatch) of up to ``reach`` chars ending at ``s``.

    Returns an empty match when nothing precedes but ``s`` is at a word start,
    and ``None`` when ``s`` is inside a word and no context explains that.
    """
    lo = max(0, s - reach)
    starts = [0] if lo == 0 and s > 0 else []
    starts += [m.end() for m in _WS.finditer(norm, lo, s)]
    for p in starts:
        if p < s and (m := rx.fullmatch(norm, p, s)):
            return m
    if s == 0 or not _is_word_char(norm[s - 1]):
        return rx.fullmatch(norm, s, s)
    return None


def _digit_start_ok(norm: str, s: int) -> bool:
    """A number starts here: not inside a word or another number ("الـ26" is fine)."""
    if s == 0 or not (_is_word_char(norm[s - 1]) or norm[s - 1] in "/.-"):
        return True
    k = s - 2 if norm.startswith("ال", s - 2) else s - 1 if norm[s - 1] in "وب" else -1
    return k == 0 or (k > 0 and not _is_word_char(norm[k - 1]))


def _year_for(m: re.Match, pub: Date | None, make: Callable, infer: Callable) -> Date | None:
    """Resolve the year of a month expression (explicit, relative or inferred)."""
    if m["y"]:
        return make(int(m["y"]))
    if pub is None:
        return None
    if m["yrel"]:
        return make(pub.year + _SHIFT[_direction(m["yrel"])])
    if m["ythis"]:
        return make(pub.year)
    return infer(_direction(m["mrel"]))


def _day_month_hit(m: re.Match, start: int, day: int, pub: Date | None) -> Hit | None:
    month = _MONTHS[_words(m["m"])][1]
    when = _year_for(m, pub, lambda y: cal.safe_date(y, month, day),
                     lambda direction: cal.infer_year(pub, month, day, direction))
    inferred = not (m["y"] or m["yrel"] or m["ythis"])
    return Hit(start, m.end(), when, "day", "explicit", inferred_year=inferred) if when else None


def _scan_digits(norm: str, pub: Date | None) -> Iterator[Hit]:
    """Every form that starts with a number: one pass over the digit runs."""
    for run in lex.DIGITS.finditer(norm):
        s = run.start()
        if not _digit_start_ok(norm, s):
            continue
        if run.end() - s <= 2:
            if m := lex.NUMERIC_DMY.match(norm, s):
                yield from _numeric_hit(m)
            if m := lex.DAY_MONTH.match(norm, s):
                yield from _day_month_digits(norm, m, pub)
            if m := lex.HIJRI.match(norm, s):
                yield from _hijri_hit(m, pub)
        elif run.end() - s == 4:
            if m := lex.NUMERIC_YMD.match(norm, s):
                yield from _numeric_hit(m)
            if m := lex.YEAR.match(norm, s):
                yield from _year_hit(norm, m)


def _day_month_digits(norm: str, m: re.Match, pub: Date | None) -> Iterator[Hit]:
    start = m.start()
    if m["d2"] and (ctx := _left(lex.RANGE_BEFORE, norm, start)) and ctx["pre"]:
        start = ctx.start()
    if hit := _day_month_hit(m, start, int(m["d"]), pub):
        yield hit


def _scan_ordinal_day(norm: str, pub: Date | None) -> Iterator[Hit]:
    """"الأول من مارس": a day as an ordinal word."""
    for m in lex.ORD_MONTH.finditer(norm):
        if _left(lex.REL_BEFORE, norm, m.start()) is not None:
            if hit := _day_month_hit(m, m.start(), lex.ORDINAL_DAYS["ال" + m["ord"]], pub):
                yield hit


def _month_hit(m: re.Match, start: int, pub: Date | None) -> Hit | None:
    month = _MONTHS[_words(m["m"])][1]
    when = _year_for(m, pub, lambda y: Date(y, month, 1),
                     lambda direction: cal.infer_month_year(pub, month, direction))
    return Hit(start, m.end(), when, "month", "explicit", rank=1) if when else None


def _scan_month(norm: str, pub: Date | None) -> Iterator[Hit]:
    """Month without a day: after في/خلال/منذ/حتى/شهر, before a year or الماضي/المقبل."""
    for m in (m for rx in lex.MONTH_CUES for m in rx.finditer(norm)):
        if m.start() > 0 and _is_word_char(norm[m.start() - 1]) and norm[m.start() - 1] not in "وف":
            continue
        shahr = m["cue"].startswith("شهر")
        context = shahr or m["shahr"] or m["y"] or m["yrel"] or m["ythis"] or m["mrel"] or m["m2"]
        if not context and _words(m["m"]) == "اب":  # "في أب": in a father
            continue
        start = m.start() if shahr else (m.start("shahr") if m["shahr"] else m.start("m"))
        if hit := _month_hit(m, start, pub):
            yield hit
    for m in lex.MONTH_DIR.finditer(norm):
        if _prev_word(norm, m.start()) not in lex.MONTH_LAST_WORDS:
            continue
        ctx = _left(lex.MONTH_BEFORE_DIR, norm, m.start(), reach=40)
        if ctx and ctx["m"] and pub is not None:
            month = _MONTHS[_words(ctx["m"])][1]
            when = cal.infer_month_year(pub, month, _direction(m["dir"]))
            yield Hit(ctx.start(), m.end(), when, "month", "explicit", rank=1)


def _prev_word(norm: str, s: int) -> str:
    """The word before ``s`` without brackets (a quick filter before :func:`_left`)."""
    j = norm.rfind(" ", 0, max(0, s - 1))
    return norm[j + 1:s].strip().strip("()")


def _hijri_hit(m: re.Match, pub: Date | None) -> Iterator[Hit]:
    name = _words(m["m"])
    month, day = _MONTHS[name][1], int(m["d"])
    if not (m["y"] or m["mark"]) and name in lex.AMBIGUOUS:
        return
    if m["y"]:
        when = cal.hijri_to_gregorian(int(m["y"]), month, day)
    else:
        when = cal.infer_hijri_year(pub, month, day) if pub else None
    if when is not None:
        yield Hit(m.start(), m.end(), when, "day", "explicit", hijri=True)


def _numeric_hit(m: re.Match) -> Iterator[Hit]:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if 1300 <= y < 1500:
        when = cal.hijri_to_gregorian(y, mo, d)
    elif 1800 <= y < 2200:
        if mo > 12 >= d:  # month/day order (rare in Arabic text)
            mo, d = d, mo
        when = cal.safe_date(y, mo, d)
    else:
        return
    if when is not None:
        yield Hit(m.start(), m.end(), when, "day", "explicit", hijri=y < 1500)


def _year_hit(norm: str, m: re.Match) -> Iterator[Hit]:
    """A year after عام/سنة or a preposition (في 2015), or after a month (مارس 2019)."""
    s, y = m.start(), int(m["y"])
    month_ctx = _left(lex.MONTH_BEFORE, norm, s, reach=45)
    if month_ctx and month_ctx["m"]:
        month = _MONTHS[_words(month_ctx["m"])][1]
        yield Hit(month_ctx.start(), m.end(), Date(y, month, 1), "month", "explicit", rank=1)
        return
    ctx = _left(lex.YEAR_BEFORE, norm, s, reach=25)
    if ctx and (ctx["cue"] or ctx["word"]):
        start = ctx.start("word") if ctx["word"] else (ctx.start("word1") if ctx["word1"] else s)
        yield Hit(start, m.end(), Date(y, 1, 1), "year", "explicit", rank=2)


def _scan_weekday(norm: str, pub: Date | None) -> Iterator[Hit]:
    if pub is None:
        return
    for m in lex.WEEKDAY.finditer(norm):
        ctx = _left(lex.WEEKDAY_BEFORE, norm, m.start())
        if ctx is None:
            continue
        rel, end = _words(ctx["rel"]).removeprefix("يوم "), m.end()
        if m["close"] and not ctx["open"]:
            end = m.start("close")
        wd = lex.WEEKDAYS[m["wd"]]
        direction = _direction(m["dir"]) if end == m.end() else ""
        mode = _NEAR_MODE.get(rel or "") or {"past": "past", "future": "future"}.get(direction, "")
        start = ctx.start() if ctx.group() and not (ctx["cl"] and ctx.start("cl") == ctx.start()) else m.start()
        yield Hit(start, end, cal.weekday_near(pub, wd, mode), "day", "weekday", rank=1, weak=True)


def _scan_relative_day(norm: str, pub: Date | None) -> Iterator[Hit]:
    if pub is None:
        return
    for rx in (lex.REL_AL, lex.REL_AMS, lex.REL_GHAD):
        for m in rx.finditer(norm):
            if (hit := _relative_day_hit(norm, m, pub)) is not None:
                yield hit


def _relative_day_hit(norm: str, m: re.Match, pub: Date) -> Hit | None:
    ctx = _left(lex.REL_BEFORE, norm, m.start())
    if ctx is None:
        return None
    word = "ال" + _words(m["w"]) if "w" in m.re.groupindex else _words(m.group())
    if word in ("امس", "الامس") and ctx["first"]:
        word = "اول امس"
    elif word in ("غد", "غدا", "الغد") and ctx["after"]:
        word = "بعد غد"
    elif (word == "غد" and not ctx["yawm"]) or ctx["first"] or ctx["after"]:
        return None
    elif word in ("اليوم", "الليله") and not ctx["tod"] and _not_today(norm, m.start(), m.end()):
        return None
    elif word == "غدا" and lex.GHADA_VERB_BEFORE.search(norm, max(0, m.start() - 8), m.start()):
        return None
    start = ctx.start() if ctx["tod"] or ctx["yawm"] or ctx["first"] or ctx["after"] else m.start()
    when = pub + timedelta(days=_REL_DAY_OFFSET[word])
    return Hit(start, m.end(), when, "day", "relative", rank=2, weak=word in ("اليوم", "امس", "الامس"))


def _not_today(norm: str, start: int, end: int) -> bool:
    """True when a bare اليوم is "the day" of something, a name, or "per day"."""
    return bool(lex.TODAY_AFTER.match(norm, end) or lex.TODAY_BEFORE.search(norm, max(0, start - 14), start))


def _scan_period(norm: str, pub: Date | None) -> Iterator[Hit]:
    if pub is None:
        return
    for rx in (lex.PERIOD, lex.THIS_PERIOD):
        for m in rx.finditer(norm):
            ctx = _left(lex.PERIOD_BEFORE, norm, m.start())
            if ctx is None:
                continue
            shift = _SHIFT[_direction(m["dir"])] if "dir" in rx.groupindex else 0
            unit = m["unit"]
            start = ctx.start() if ctx["pos"] or ctx["m"] else m.start()
            if ctx["m"] and unit in ("عام", "سنه"):
                month = _MONTHS[_words(ctx["m"])][1]
                yield Hit(start, m.end(), Date(pub.year + shift, month, 1), "month", "explicit")
                continue
            when, precision = _shifted(pub, unit, shift)
            yield Hit(start, m.end(), when, precision, "relative", rank=1)


def _shifted(pub: Date, unit: str, n: int) -> tuple[Date, str]:
    """``pub`` moved by ``n`` units (day, hour, week, month, year) with its precision."""
    if unit in ("day", "يوم"):
        return pub + timedelta(days=n), "day"
    if unit in ("hour", "ساعه"):
        return pub + timedelta(days=-((-n) // 24) if n < 0 else n // 24), "day"
    if unit in ("week", "اسبوع"):
        return cal.coarsen(pub + timedelta(days=7 * n), 3)
    if unit in ("month", "شهر"):
        return cal.shift_months(pub, n), "month"
    return Date(pub.year + n, 1, 1), "year"


def _scan_duration(norm: str, pub: Date | None) -> Iterator[Hit]:
    if pub is None:
        return
    for m in (m for rx in lex.DURATIONS for m in rx.finditer(norm)):
        if _left(lex.REL_BEFORE, norm, m.start()) is None:
            continue
        unit, implied = lex.UNITS[m["unit"]]
        num = m["num"]
        n = (int(num) if num.isdigit() else lex.NUMBER_WORDS[num]) if num else implied
        if n <= 0 or n > 400 or _DAY_AFTER_DAY.search(norm, max(0, m.start() - 8), m.start()):
            continue
        sign = 1 if m["prep"] == "بعد" else -1
        when, precision = _shifted(pub, unit, sign * n)
        yield Hit(m.start(), m.end(), when, precision, "relative", rank=2)


_SCANNERS = (_scan_digits, _scan_ordinal_day, _scan_month, _scan_weekday, _scan_relative_day, _scan_period, _scan_duration)


def find_hits(norm: str, pub: Date | None) -> list[Hit]:
    """Non-overlapping resolved hits of a normalized text, in text order."""
    hits = [h for scan in _SCANNERS for h in scan(norm, pub)]
    hits.sort(key=lambda h: (h.start - h.end, h.rank, h.start))
    chosen: list[Hit] = []
    for h in hits:
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    return _merge(norm, chosen)


def _merge(norm: str, hits: list[Hit]) -> list[Hit]:
    """Merge a weekday/اليوم/أمس into an explicit date that follows it.

    When the date's year was inferred and a weekday precedes it ("الثلاثاء 12
    أغسطس"), the year next to the inferred one in which that day is the named
    weekday wins.
    """
    out: list[Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if (prev is not None and prev.weak and h.kind == "explicit" and h.precision == "day"
                and _MERGE_GAP.fullmatch(norm, prev.end, h.start)):
            when = h.date
            if prev.kind == "weekday" and h.inferred_year and when.weekday() != prev.date.weekday():
                when = _year_with_weekday(when, prev.date.weekday())
            out[-1] = replace(h, start=prev.start, date=when)
        else:
            out.append(h)
    return out


def _year_with_weekday(day: Date, weekday: int) -> Date:
    """``day`` moved to the previous or next year if there it falls on ``weekday``."""
    for y in (day.year - 1, day.year + 1):
        moved = cal.safe_date(y, day.month, day.day)
        if moved is not None and moved.weekday() == weekday:
            return moved
    return day
