"""Numbers in normalized Arabic text: digits and number words.

Works on *normalized* words (see :mod:`marsad.text.normalize`: alef forms
folded, ة → ه, ى → ي, Arabic-Indic digits → 0-9), so ``"ماية"`` arrives as
``"مايه"`` and ``"أربعة"`` as ``"اربعه"``.

:func:`parse_number` reads one number starting at a word index and says how
many words it used; :func:`find_numbers` scans a whole normalized text.

Covered: digits with thousands separators and decimals (``3,590``, ``1.5``),
units 1–10 in their gendered and case forms, 11–19 (``احد عشر``), tens
(``عشرون``/``عشرين``), compounds joined by و (``خمسه وعشرين``), hundreds
(مئة/مائة arrive as ``ميه``/``مايه`` since ئ → ي; ``ميتين``, ``ثلاثمايه``,
``ثلاث ميه``), scales (``الف``, ``الفين``,
``الاف``, ``مليون``, ``مليار``) after digits or words (``10 الاف``,
``ثلاثه ملايين``), and vague plurals, read as their scale: ``عشرات`` = 10,
``ميات`` = 100, ``الاف`` alone = 1000, ``عشرات الالاف`` = 10 × 1000.
Ordinals (``الثالث``) and fractions are not numbers here.
"""

from __future__ import annotations

import re

from marsad.text.tokens import WORD

# Units 1..10, every spelling seen in news after normalization.
UNITS: dict[str, int] = {
    "واحد": 1, "واحده": 1, "احد": 1, "احدي": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7,
    "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
}
TENS: dict[str, int] = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
HUNDREDS: dict[str, int] = {
    "ميه": 100, "مايه": 100, "ميتان": 200, "ميتين": 200, "مايتان": 200, "مايتين": 200,
    "مايتا": 200, "مايتي": 200,  # not ميتا/ميتي: "dead"
}
for _w, _v in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("ثماني", 8), ("تسع", 9)):
    HUNDREDS[_w + "ميه"] = _v * 100
    HUNDREDS[_w + "مايه"] = _v * 100
# Scales multiply what precedes them; alone they count once (الف = 1000).
SCALES: dict[str, int] = {
    "الف": 1000, "الفا": 1000, "الاف": 1000, "الفين": 2000, "الفان": 2000, "الفي": 2000,
    "مليون": 10**6, "مليونا": 10**6, "ملايين": 10**6, "مليونين": 2 * 10**6, "مليوني": 2 * 10**6,
    "مليار": 10**9, "مليارا": 10**9, "مليارات": 10**9, "مليارين": 2 * 10**9,
}
# Duals carry their own 2 and do not take a multiplier.
_DUAL_SCALES = frozenset({"الفين", "الفان", "الفي", "مليونين", "مليوني", "مليارين"})
# Vague plurals ("tens", "hundreds", "thousands").
VAGUE: dict[str, int] = {"عشرات": 10, "ميات": 100}

_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d{1,3}(?:\.\d{3}){2,}$")
_AND = "و"
_ALL = frozenset(UNITS) | frozenset(TENS) | frozenset(HUNDREDS) | frozenset(SCALES) | frozenset(VAGUE)
# Proclitics a number word may carry: و ف, ب ل and the article (وثمانيه، بالاف، الاربعه).
_PROCLITICS = ("", "و", "ف", "ب", "ل", "ال", "وب", "ول", "فب", "فل", "وال", "بال", "لل", "فال", "وبال", "ولل")
# Every clitic-bearing form of a number word (3+ letters left) → the bare word; built once.
# A word that is itself a number word keeps its own reading (واحد is not و + احد).
_FORMS: dict[str, str] = {p + w: w for w in sorted(_ALL) for p in _PROCLITICS[1:] if len(w) >= 3}
_FORMS.update({w: w for w in _ALL})
NUMBER_WORDS = frozenset(_FORMS)  # every word form that can start a written number


def _bare(word: str) -> str:
    """``word`` without leading و/ف, ب/ل and the article, if what remains is a number word."""
    return _FORMS.get(word, word)


def digit_value(word: str) -> float | None:
    """Value of a digit token (``"3,590"`` → 3590, ``"1.5"`` → 1.5), else None."""
    if not _DIGITS.match(word):
        return None
    if _THOUSANDS.match(word):
        return float(word.replace(",", "").replace(".", ""))
    if word.count(",") + word.count(".") > 1:
        return None
    return float(word.replace(",", "."))


def _word_value(words: list[str], i: int) -> tuple[float, int] | None:
    """A number written in words from ``words[i]`` (before any scale word)."""
    w = _bare(words[i])
    nxt = _bare(words[i + 1]) if i + 1 < len(words) else ""
    if w in UNITS:
        if nxt in ("عشر", "عشره"):  # 11..19
            return float(UNITS[w] % 10 + 10 if UNITS[w] != 10 else 10), 2
        if w in ("ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "ثماني", "تسع") and nxt in ("ميه", "مايه"):
            return float(UNITS[w] * 100), 2
        if w in ("احد", "احدي"):
            return None  # "one of": not a count unless followed by عشر
        val, used = float(UNITS[w]), 1
        # "خمسه وعشرين": unit and tens joined by و
        if nxt in TENS and words[i + 1].startswith(_AND):
            return val + TENS[nxt], 2
        return val, used
    if w in TENS:
        return float(TENS[w]), 1
    if w in HUNDREDS:
        val = float(HUNDREDS[w])
        rest = _and_rest(words, i + 1, 100)
        if rest is not None:
            return val + rest[0], 1 + rest[1]
        return val, 1
    return None


def _and_rest(words: list[str], j: int, below: float) -> tuple[float, int] | None:
    """``و`` + a number smaller than ``below`` (``ميه وخمسين``, ``الف وميتين``, ``الف و500``)."""
    if j >= len(words) or not words[j].startswith(_AND):
        return None
    if words[j] == _AND and j + 1 < len(words):
        d = digit_value(words[j + 1])
        return (d, 2) if d is not None and d < below else None
    w = _bare(words[j])
    if w in SCALES or w not in _ALL:
        return None
    got = _word_value(words, j)
    return got if got is not None and got[0] < below else None


def parse_number(tokens_norm: list[str], i: int) -> tuple[float, int] | None:
    """Read a number starting at ``tokens_norm[i]``: ``(value, words used)`` or None.

    ``["ثلاثه", "الاف", "جندي"]``, 0 → ``(3000.0, 2)``; ``["35", "طنا"]``, 0 →
    ``(35.0, 1)``; ``["عشرات", "الالاف"]``, 0 → ``(10000.0, 2)``.
    """
    if i >= len(tokens_norm):
        return None
    w = tokens_norm[i]
    if w not in _FORMS and not w[:1].isdigit():
        return None
    val = digit_value(w)
    used = 1
    if val is None:
        b = _bare(w)
        if b in VAGUE:
            val = float(VAGUE[b])
        elif b in SCALES:  # "الف", "الفي جندي", "الف وميتين"
            more = _and_rest(tokens_norm, i + 1, SCALES[b])
            if more is not None:
                return SCALES[b] + more[0], 1 + more[1]
            return _scaled(tokens_norm, i + 1, float(SCALES[b]), 1)
        else:
            got = _word_value(tokens_norm, i)
            if got is None:
                return None
            val, used = got
    return _scaled(tokens_norm, i + used, val, used)


def _scaled(words: list[str], j: int, val: float, used: int) -> tuple[float, int]:
    """Apply scale words after a number (``10 الاف``, ``ثلاثه ملايين``, ``عشرات الالاف``)."""
    while j < len(words):
        s = _bare(words[j])
        if s not in SCALES or s in _DUAL_SCALES:
            break
        val *= SCALES[s]
        used += 1
        j += 1
        more = _and_rest(words, j, SCALES[s])  # "الف وميتين"
        if more is not None:
            val += more[0]
            used += more[1]
            j += more[1]
    return val, used


def find_numbers(norm_text: str) -> list[tuple[int, int, float]]:
    """Every number of a normalized text as ``(start, end, value)`` (normalized offsets)."""
    matches = [m for m in WORD.finditer(norm_text)]
    words = [m.group() for m in matches]
    out: list[tuple[int, int, float]] = []
    i = 0
    while i < len(words):
        got = parse_number(words, i)
        if got is None:
            i += 1
            continue
        val, used = got
        out.append((matches[i].start(), matches[i + used - 1].end(), val))
        i += used
    return out
