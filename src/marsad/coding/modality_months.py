"""Months and dates for the cue functions: is a date older than the news, is a month the coming one?

:func:`old_date` (an explicit month, day or year before the publication date; <month> الماضي) is
a background cue of :func:`marsad.coding.modality.is_background`; :func:`coming_month` and
:func:`coming_date` decide a month named without a year, when the publication date is known.
Without a year, a month later than the publication month was read as last
year's (background).  News names the next month without a year mostly for
what is coming (مباراة في 12 أغسطس، بداية من الثالث من أغسطس, said in July),
and a later month for what is coming when a future cue says so (سيزور …
في سبتمبر، ستجري انتخابات في نوفمبر).  So a month is this year's coming one
(or next year's, across December) when

* it is the month after the publication month, unless منذ introduces it
  (منذ أغسطس "since last August"); or
* a start cue comes before its date (بداية من، اعتبارا من، ابتداء من، بدءا من
  + day: background.tsv kind ``from``); or
* its clause has a future cue: the proclitic س on a present verb or a future
  cue of modality.tsv (سوف، من المقرر، المقبل…), also in the clause before
  when the month's clause starts with a conjoined present verb (سيزور … ويلتقي
  … في سبتمبر).

Otherwise a later month stays last year's (استهدفت غارة … في سبتمبر, said in
July).
"""

from __future__ import annotations

import re
from datetime import date as Date
from functools import lru_cache

from marsad.coding.cue_data import Cues, clause_bounds, strip_conj
from marsad.text.normalize import normalize_text
from marsad.text.tokens import word_key
from marsad.when_where.dates import before_news_window

SINCE = "منذ"
_SINCE_REACH = 6
_FROM = "من"
_PAST = "ماضي"
NEXT = frozenset(("مقبل", "قادم"))  # يونيو المقبل: a coming month, never an old one
_MARS = "مارس"  # "من" + month is a date (الأسبوع الأخير من يونيو), but not من مارس العنف ("who practised")
# a word right before a year that makes it a date: عام، a preposition, a part of the year, the dual
# (في عامي 2009 و2010، بين العامين 2004 و2012) or a season (في صيف 2014، ربيع 2011)
# The words of a year and of a part of it before a year (عام 2001، أواخر عام 2012; also modality_years).
YEAR_PARTS = frozenset("عام العام سنه السنه مطلع اواخر اوايل بدايه نهايه".split())
_YEAR_LEAD = YEAR_PARTS | frozenset("عامي عامين سنتي سنتين في منذ خلال حتي صيف ربيع شتاء خريف".split())
_MONTH_LEAD = frozenset("في منذ خلال شهر مطلع اواخر اوايل بدايه نهايه منتصف حتي قبل بعد بين".split())
_DATED_YEAR = re.compile(r"(\S+)\s+((?:19|20)\d\d)(?!\d)")
_START_REACH = 5  # a start cue (اعتبارا من) begins at most this many words before the month name


def months_ahead(month: int, pub: Date) -> int:
    """How many months after the publication month ``month`` comes next (0 = the same month)."""
    return (month - pub.month) % 12


def coming_month(cues: Cues, words: list[str], keys: list[str], k: int, month: int, pub: Date,
                 start_cue: bool = True, present: bool = True) -> bool:
    """Is the month name at ``k`` (no year given) the coming occurrence of ``month``? (module doc;
    ``start_cue=False`` leaves the start cues out; ``present=False``, for a trigger that may be a past
    verb or an indefinite noun, leaves the next month to last year: طالبت … في سبتمبر, said in August)"""
    ahead = months_ahead(month, pub)
    if ahead == 0 or _after_since(keys, k) or _past_after(cues, words, keys, k):
        return False
    return (ahead == 1 and present) or (start_cue and starts_from(cues, keys, k)) or future_near(cues, words, k)


def _after_since(keys: list[str], k: int) -> bool:
    """منذ within a few words before the month (منذ أغسطس، منذ 20 أغسطس، منذ سيطرة الحوثيين عليها في مارس)."""
    return any(strip_conj(keys[j]) == SINCE for j in range(max(0, k - _SINCE_REACH), k))


def _past_after(cues: Cues, words: list[str], keys: list[str], k: int) -> bool:
    """الماضي or a past period within three words after the month (أغسطس العام الماضي، أكتوبر من العام الماضي)."""
    for j in range(k + 1, min(len(words), k + 4)):
        if keys[j] == _PAST or cues.background.match(words, j) is not None:
            return True
    return False


def starts_from(cues: Cues, keys: list[str], k: int) -> bool:
    """A start cue + من before the date of the month at ``k``: اعتبارا من 7 أغسطس، بداية من الثالث من أغسطس."""
    froms = cues.background_words.get("from", frozenset())
    return any(strip_conj(keys[j]) in froms and keys[j + 1] == _FROM for j in range(max(0, k - _START_REACH), k - 1))


def future_near(cues: Cues, words: list[str], k: int) -> bool:
    """A future cue before the word at ``k`` in its clause (or the clause before, see the module doc),
    and no form of كان there (كانت خطفت في فبراير … وستعود: a recalled act)."""
    cs = clause_bounds(words, k)[0]
    if cs > 0 and _conj_present(words[cs]):
        cs = clause_bounds(words, cs - 1)[0]
    kana = cues.background_words.get("kana", frozenset())
    found = False
    for j in range(max(0, cs - 3), k):
        if j >= cs and strip_conj(words[j]) in kana:
            return False
        if cues.is_sin_future(words[j]):
            found = True
        m = cues.modality.match(words, j)
        if m is not None and m[1][0] == "future" and m[0] > cs:
            found = True
    return found


def _conj_present(word: str) -> bool:
    """و/ف + a present-tense verb shape (ويلتقي، وتبحث)."""
    return len(word) >= 4 and word[0] in "وف" and word[1] in "يتن"


_UNTIL = frozenset("حتي لغايه غايه بحلول قبل".split())  # a bound of a state or a deadline, not the date of an act
_UNTIL_REACH = 4  # حتى السادس من أغسطس، قبل الثامن عشر من أغسطس
YEAR = re.compile(r"^(19|20)\d\d$")  # a year written as a word (1999، 2015)


def year_after(words: list[str], end: int) -> int | None:
    """An explicit year within four words after a month name ending at ``end`` (يوليو (تموز) 2014)."""
    for j in range(end, min(len(words), end + 5)):
        if words[j].isdigit():
            return int(words[j]) if YEAR.match(words[j]) else None
    return None


def coming_date(cues: Cues, words: list[str], keys: list[str], k: int, month: int, pub: Date) -> bool:
    """Does the month at ``k`` (no year) date a coming act: a coming month (:func:`coming_month`) not
    introduced by حتى/لغاية/بحلول/قبل (يستمر حتى السادس من أغسطس is a current state), nor only by a
    start cue (فرضت حظر التجول بداية من الثالث من أغسطس: the curfew is imposed now)?"""
    if any(strip_conj(keys[j]) in _UNTIL for j in range(max(0, k - _UNTIL_REACH), k)):
        return False
    return coming_month(cues, words, keys, k, month, pub, start_cue=False)


@lru_cache(maxsize=4)
def latest_year(text: str) -> int | None:
    """For an article without a publication date: the latest year it names as a date (في 2015،
    عام 2014، منذ 2011), taken as its own year; an explicit earlier year then dates a recalled event.
    Articles name past years far more often than coming ones, so this errs towards fewer
    background events."""
    years = [int(m[2]) for m in _DATED_YEAR.finditer(text)
             if strip_conj(word_key(normalize_text(m[1]))) in _YEAR_LEAD]
    return max(years) if years else None


def old_date(cues: Cues, words: list[str], keys: list[str], k: int, pub: Date | None, text: str,
             present: bool = True) -> bool:
    """A month name + الماضي, or (with a publication date) an explicit older month; an explicit year
    before the publication year, or in an undated article before the latest year ``text`` names."""
    m = cues.months.match(words, k)
    if m is not None and dated_month(words, keys, k, m[0]):
        end, (month,), _ = m
        end = gloss_end(words, end)
        if end < len(keys) and keys[end] == "ماضي":
            return True
        if pub is None or (end < len(keys) and keys[end] in NEXT):
            return False
        return month_is_old(cues, words, keys, k, end, int(month), pub, present)
    if YEAR.match(words[k]) and k > 0 and (strip_conj(keys[k - 1]) in _YEAR_LEAD
                                           or year_range(words, keys, k) is not None):
        # the article's year is looked for only here, at an explicit year (rare), not per trigger
        year = pub.year if pub is not None else latest_year(text)
        return year is not None and int(words[k]) < year
    return False


_BETWEEN = "بين"
_RANGE_YEAR = frozenset("عامي عامين سنتي سنتين عام".split())  # keys: بين العامين 2003 و2008 → عامين


def year_range(words: list[str], keys: list[str], k: int) -> tuple[int, int] | None:
    """``(index of بين, first year)`` when the year at ``k`` ends a range of years after بين (بين 2003 و2008،
    بين عامي 2003 و2008، بين العامين 2007 و2008), the first year the earlier; else None.  The later
    year decides whether the range is old (a range that reaches the article's year is not)."""
    if k < 3 or words[k - 1] != "و" or not YEAR.match(words[k - 2]) or int(words[k - 2]) >= int(words[k]):
        return None
    b = k - 3
    if strip_conj(keys[b]) in _RANGE_YEAR:
        b -= 1
    if b < 0 or strip_conj(keys[b]) != _BETWEEN:
        return None
    return b, int(words[k - 2])


def dated_month(words: list[str], keys: list[str], k: int, end: int) -> bool:
    """Is the month name at ``[k, end)`` used as a date (not مارس "he practised")?"""
    if k > 0 and (words[k - 1].isdigit() or strip_conj(keys[k - 1]) in _MONTH_LEAD):
        return True
    if k > 0 and strip_conj(keys[k - 1]) == _FROM and words[k] != _MARS:
        return True
    nxt = words[end] if end < len(words) else ""
    return bool(YEAR.match(nxt)) or nxt in ("(", "/") or keys[end:end + 1] == ["ماضي"]


def month_is_old(cues: Cues, words: list[str], keys: list[str], k: int, end: int, month: int, pub: Date,
                 present: bool = True) -> bool:
    """Is ``[day] <month> [year]`` more than a week before ``pub``?  Without a year, the month is this
    year's, or last year's when it comes later than ``pub``'s month, except a coming month
    (:func:`marsad.coding.modality_months.coming_month`: بداية من الثالث من أغسطس, said on 31 July)."""
    year = year_after(words, end)
    if year is None:
        if coming_month(cues, words, keys, k, month, pub, present=present):
            return False
        year = pub.year - 1 if month > pub.month else pub.year
    day = int(words[k - 1]) if k > 0 and words[k - 1].isdigit() and int(words[k - 1]) <= 31 else None
    return before_news_window(pub, year, month, day)


def gloss_end(words: list[str], end: int) -> int:
    """The index after a gloss of one or two words in brackets at ``end`` (يونيو (حزيران)), else ``end``."""
    if end < len(words) and words[end] == "(":
        for j in (end + 2, end + 3):
            if j < len(words) and words[j] == ")":
                return j + 1
    return end
