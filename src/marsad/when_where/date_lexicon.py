"""Closed-class time vocabulary of Arabic news and the regexes built from it.

Words are written here in ordinary spelling and folded with
:func:`marsad.text.normalize.normalize_text`, so every pattern runs on the
normalized text (alef forms, ta marbuta, alef maqsura, diacritics and
Arabic-Indic digits already folded).  The vocabulary is a fixed part of the
language (calendar names, weekdays, number words), so it lives in code rather
than in a resource file.

Month names cover the three Gregorian systems (Egypt/Gulf يناير…, Levant/Iraq
كانون الثاني…, Maghreb جانفي… and the Moroccan يوليوز/غشت/شتنبر/نونبر/دجنبر)
and the Hijri months.  Names that are also ordinary words (آب "father", ماي
"May" the surname, مارس "practised", صفر "zero", رجب a first name…) are
``AMBIGUOUS``: they count only next to a day number, a year, a relative word
(الماضي) or the word شهر.
"""

from __future__ import annotations

import re

from marsad.text.normalize import normalize_text as _n
from marsad.text.time_words import WEEKDAY_NUMBERS

GREGORIAN_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "جانفي", "جانفييه"),
    2: ("فبراير", "شباط", "فيفري", "فبرير"),
    3: ("مارس", "آذار"),
    4: ("أبريل", "إبريل", "نيسان", "أفريل"),
    5: ("مايو", "أيار", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    8: ("أغسطس", "آب", "أوت", "غشت"),
    9: ("سبتمبر", "أيلول", "شتنبر"),
    10: ("أكتوبر", "تشرين الأول"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "دجنبر"),
}
HIJRI_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("محرم",),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع آخر"),
    5: ("جمادى الأولى", "جمادى الأول"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذا القعدة"),
    12: ("ذو الحجة", "ذي الحجة", "ذا الحجة"),
}
AMBIGUOUS = frozenset(_n(w) for w in ("آب", "ماي", "مارس", "جوان", "نيسان", "غشت", "صفر", "رجب", "محرم"))
WEEKDAYS: dict[str, int] = WEEKDAY_NUMBERS  # Python weekday numbers (Monday = 0)
NUMBER_WORDS: dict[str, int] = {
    _n(w): v
    for w, v in (
        ("واحد", 1), ("واحدة", 1), ("اثنين", 2), ("اثنتين", 2), ("ثلاثة", 3), ("ثلاث", 3),
        ("أربعة", 4), ("أربع", 4), ("خمسة", 5), ("خمس", 5), ("ستة", 6), ("ست", 6), ("سبعة", 7),
        ("سبع", 7), ("ثمانية", 8), ("ثماني", 8), ("ثمان", 8), ("تسعة", 9), ("تسع", 9), ("عشرة", 10),
        ("عشر", 10), ("عشرين", 20), ("عشرون", 20), ("ثلاثين", 30), ("ثلاثون", 30), ("أربعين", 40),
        ("أربعون", 40), ("خمسين", 50), ("خمسون", 50),
    )
}
ORDINAL_DAYS: dict[str, int] = {
    _n(w): v
    for w, v in (("الأول", 1), ("الثاني", 2), ("الثالث", 3), ("الرابع", 4), ("الخامس", 5),
                 ("السادس", 6), ("السابع", 7), ("الثامن", 8), ("التاسع", 9), ("العاشر", 10))
}
# Duration units: normalized form -> (unit, count implied by the form or 0 when a number must precede).
UNITS: dict[str, tuple[str, int]] = {
    _n(w): v
    for w, v in (
        ("يوم", ("day", 1)), ("يوما", ("day", 0)), ("يومين", ("day", 2)), ("يومان", ("day", 2)),
        ("أيام", ("day", 0)), ("أسبوع", ("week", 1)), ("أسبوعا", ("week", 0)), ("أسبوعين", ("week", 2)),
        ("أسابيع", ("week", 0)), ("شهر", ("month", 1)), ("شهرا", ("month", 0)), ("شهرين", ("month", 2)),
        ("أشهر", ("month", 0)), ("شهور", ("month", 0)), ("عام", ("year", 1)), ("عاما", ("year", 0)),
        ("عامين", ("year", 2)), ("أعوام", ("year", 0)), ("سنة", ("year", 1)), ("سنتين", ("year", 2)),
        ("سنوات", ("year", 0)), ("سنين", ("year", 0)), ("ساعة", ("hour", 1)), ("ساعتين", ("hour", 2)),
        ("ساعات", ("hour", 0)), ("ساعه", ("hour", 1)),
    )
}
# Words after a month/week/year noun or a month name: direction of the shift (all start with ال).
DIRECTIONS: dict[str, str] = {
    _n(w): d
    for w, d in (("الماضي", "past"), ("المنصرم", "past"), ("الفائت", "past"), ("السابق", "past"),
                 ("المقبل", "future"), ("القادم", "future"), ("الجاري", "current"), ("الحالي", "current"))
}


def _alt(words: object) -> str:
    """A regex alternation of normalized words, longest first, spaces flexible."""
    forms = sorted({_n(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


def month_lookup() -> dict[str, tuple[str, int]]:
    """Normalized month name (single spaces) -> (calendar, month number)."""
    out: dict[str, tuple[str, int]] = {}
    for cal, table in (("g", GREGORIAN_MONTHS), ("h", HIJRI_MONTHS)):
        for num, names in table.items():
            for name in names:
                out[_n(name)] = (cal, num)
    return out


GMONTH = _alt(n for names in GREGORIAN_MONTHS.values() for n in names)
HMONTH = _alt(n for names in HIJRI_MONTHS.values() for n in names)
DIR_STEMS = _alt(w[2:] for w in DIRECTIONS)  # without the article: ماضي، مقبل…
ORD_STEMS = _alt(w[2:] for w in ORDINAL_DAYS)
NUMW = _alt(NUMBER_WORDS)
WD = _alt(WEEKDAYS)
# Parts of the day that may precede a weekday or a relative day word.
TOD = _alt(("صباح", "مساء", "ليلة", "ليل", "فجر", "ظهر", "ظهيرة", "عصر", "صبيحة", "نهار", "ضحى",
            "عشية", "منتصف ليلة", "منتصف ليل", "منتصف نهار"))
_E = r"(?!\w)"  # right word boundary
_DIR = rf"ال(?:{DIR_STEMS})ه?{_E}"
_YEAR_WORD = r"(?:ل|من\s+)?(?:ال)?(?:عام|سنه)"
_HIJRI_MARK = r"\s*(?:ه|هجري|هجريه|للهجره)(?!\w)"
# Optional dual naming: "آب/أغسطس", "آب (أغسطس)", "أغسطس-آب", "مايو أيار".
_DUAL = rf"(?:\s*[/(\-]?\s*(?P<m2>{GMONTH}){_E}(?:\s*\))?)?"
# A year after a month: ", 2025", "من عام 2025", "2025م"; or a relative year "من العام الماضي".
_YEAR_TAIL = (
    rf"(?:\s*[,/\-]?\s*(?:{_YEAR_WORD}\s*)?(?P<y>(?:1[89]|2[01])[0-9]{{2}})(?![0-9])(?!{_HIJRI_MARK})(?:\s*م{_E})?"
    rf"|\s*,?\s*(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s+(?P<yrel>{_DIR})|(?P<ythis>هذا\s+العام|هذه\s+السنه)))?"
)
_MONTH_TAIL = rf"(?P<m>{GMONTH}){_E}{_DUAL}(?:\s+(?P<mrel>{_DIR}))?{_YEAR_TAIL}"

# Core patterns.  Each starts with a digit or a literal so that the regex engine
# skips quickly through the text; the words that may precede a core (time of
# day, يوم, clitics, a month before a year…) are matched afterwards by the
# *_BEFORE patterns on the few words to the left (see dates._left).
DAY_MONTH = re.compile(
    rf"(?P<d>[0-9]{{1,2}})(?![0-9])(?:\s*(?:-|–|الي|حتي|و)\s*(?P<d2>[0-9]{{1,2}})(?![0-9]))?"
    rf"\s*(?:من\s+)?(?:شهر\s+)?{_MONTH_TAIL}"
)
ORD_MONTH = re.compile(rf"ال(?P<ord>{ORD_STEMS})\s+من\s+(?:شهر\s+)?{_MONTH_TAIL}")
# One pattern per cue word: a literal start is much faster than an alternation.
MONTH_CUES = tuple(
    re.compile(rf"(?P<cue>{cue})\s+(?P<shahr>شهر\s+)?{_MONTH_TAIL}") for cue in ("في", "خلال", "منذ", "حتي", "شهري?")
)
HIJRI = re.compile(
    rf"(?P<d>[0-9]{{1,2}})(?![0-9])\s*(?:من\s+)?(?:شهر\s+)?(?P<m>{HMONTH}){_E}"
    rf"(?:\s*,?\s*(?:{_YEAR_WORD}\s*)?(?P<y>1[34][0-9]{{2}})(?![0-9]))?(?P<mark>{_HIJRI_MARK})?"
)
NUMERIC_DMY = re.compile(r"(?P<d>[0-9]{1,2})(?P<sep>[/.\-])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})(?![0-9/])")
NUMERIC_YMD = re.compile(r"(?P<y>[0-9]{4})(?P<sep>[/.\-])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})(?![0-9/])")
YEAR = re.compile(rf"(?P<y>(?:1[89]|20)[0-9]{{2}})(?![0-9])(?!{_HIJRI_MARK})(?!\s*[/.\-]\s*[0-9])(?:\s*م{_E})?")
WEEKDAY = re.compile(
    rf"ال(?P<wd>{WD}){_E}(?!\s+(?:عشر|معا){_E})(?P<close>\s*\))?(?:\s+(?P<dir>{_DIR}))?"
)
REL_AL = re.compile(r"ال(?P<w>بارحه|ليله(?:\s+(?:قبل\s+)?الماضيه)?|يوم|امس|غد)(?!\w)")
REL_AMS = re.compile(r"امس(?!\w)(?P<awwal>\s+الاول(?!\w))?")
REL_GHAD = re.compile(r"غد(?P<alef>ا)?(?!\w)")
PERIOD = re.compile(rf"ال(?P<unit>اسبوع|شهر|عام|سنه)\s+(?P<dir>{_DIR})")
THIS_PERIOD = re.compile(r"هذ[اه]\s+ال(?P<unit>اسبوع|شهر|عام|سنه)(?!\w)")
MONTH_DIR = re.compile(rf"(?P<dir>{_DIR})")
DURATIONS = tuple(
    re.compile(
        rf"(?P<prep>{prep})\s+(?:(?:نحو|حوالي|قرابه|زهاء)\s+)?"
        rf"(?:(?P<num>[0-9]{{1,3}}|{NUMW})\s+)?(?P<unit>{_alt(UNITS)}){_E}"
        rf"(?!\s*[0-9])(?!\s+(?:ال)?(?:{WD}){_E})(?!\s+(?:من|علي){_E}(?!\s+الان{_E}))"
    )
    for prep in ("قبل", "منذ", "بعد")
)
DIGITS = re.compile(r"[0-9]+")

# Left contexts, matched with fullmatch on the words just before a core.
_CL = r"(?P<cl>[وف]?ب?)"  # conjunction/preposition clitics attached to the core
WEEKDAY_BEFORE = re.compile(
    rf"(?:(?P<tod>{TOD})\s+)?(?:(?P<rel>اليوم|(?:يوم\s+)?(?:امس|غدا|غد)|يوم)\s*[,\-]?\s*(?P<open>\(\s*)?)?{_CL}"
)
REL_BEFORE = re.compile(
    rf"(?:(?P<tod>{TOD})\s+)?(?:(?P<yawm>يوم)\s+)?(?:(?P<first>اول\s+(?:من\s+)?)|(?P<after>بعد\s+))?{_CL}"
)
YEAR_BEFORE = re.compile(
    r"(?:(?P<cue>في|منذ|حتي|خلال|مطلع|بدايه|نهايه|اواخر|اوايل|منتصف|اواسط)\s+(?P<word1>(?:ال)?(?:عام|سنه)\s+)?"
    r"|(?:[وف]?من\s+)?(?P<word>(?:[وف]?ل)?(?:ال)?(?:عام|عامي|سنه|سنتي))\s+)"
)
MONTH_BEFORE = re.compile(rf"(?P<shahr>شهر\s+)?(?P<m>{GMONTH}){_E}{_DUAL}\s*[,/\-]?\s*(?:{_YEAR_WORD}\s*)?")
# Last words of month names (what may stand right before الماضي/المقبل).
MONTH_LAST_WORDS = frozenset(
    _n(n).split()[-1] for names in GREGORIAN_MONTHS.values() for n in names
)
MONTH_BEFORE_DIR = re.compile(rf"(?P<shahr>شهر\s+)?(?P<m>{GMONTH}){_E}{_DUAL}\s+")
PERIOD_BEFORE = re.compile(
    rf"(?:(?P<pos>مطلع|اوايل|منتصف|اواسط|اواخر|نهايه|بدايه)\s+)?"
    rf"(?:(?P<m>{GMONTH}){_E}{_DUAL}\s*,?\s*من\s+)?(?P<cl>[وفل]?ب?)"
)
RANGE_BEFORE = re.compile(r"(?P<pre>من|بين)\s+")
# "اليوم"/"الليلة" that do not mean "today"/"tonight": ordinals, names of days, outlets.
TODAY_AFTER = re.compile(
    r"\s+(?:ال(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|تالي|سابق|اخير|لاحق|ذي|وطني|عالمي"
    r"|دولي|مفتوح|موعود|واحد|كامل|محدد|مقرر|عربي|الاوروبي)|نفسه|ذاته|التالي|التي|من\s+(?:ايام|الحرب|القتال))(?!\w)"
)
TODAY_BEFORE = re.compile(
    r"(?:ذلك|تلك|ذات|نفس|هذا|في|حتي|منذ|طوال|طيله|صحيفه|جريده|قناه|موقع|روسيا|المصري|اخبار|ب?مثل)\s+$"
)
# "غدا" after these is the verb "became" (ثم غدا الأمر…), not "tomorrow".
GHADA_VERB_BEFORE = re.compile(r"(?:ثم|قد|لقد|وقد|فقد)\s+$")
