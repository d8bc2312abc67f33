"""Arabic normalization that keeps offsets into the raw text.

The normalized text folds the spelling variation that matters for matching:
alef forms (أ إ آ ٱ → ا), ta marbuta (ة → ه), alef maqsura (ى → ي), hamza on
waw/ya (ؤ → و, ئ → ي), Arabic-Indic and Persian digits (→ 0-9), Arabic
punctuation (، ؛ ؟ → , ; ?) and Latin case.  It deletes diacritics, tanween,
the superscript alef, tatweel and invisible format characters (zero-width and
bidi controls).  Presentation forms (ﻻ, ﷲ…) are expanded by NFKC.

Every normalized character comes from exactly one raw character, so a span of
the normalized text maps back to a span of the raw text with :class:`OffsetMap`.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right

# Characters deleted from the normalized text.
_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u06D6\u06D7\u06D8\u06D9\u06DA\u06DB\u06DC\u06DF\u06E0\u06E1\u06E2\u06E3\u06E4\u06E7\u06E8\u06EA\u06EB\u06EC\u06ED"
_TATWEEL = "\u0640"
_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff\u00ad\u061c"
)
DELETED = frozenset(_DIACRITICS + _TATWEEL + _INVISIBLE)
# Deleted marks written after a word's last letter belong to the word (جندياً، هجوماً، قالـ).
TRAILING_MARKS = frozenset(_DIACRITICS + _TATWEEL)

_ONE_TO_ONE = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ۀ": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ی": "ي",
    "ک": "ك",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",
    "٬": ",",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "’": "'",
    "‘": "'",
}
for _i in range(10):
    _ONE_TO_ONE[chr(0x0660 + _i)] = str(_i)
    _ONE_TO_ONE[chr(0x06F0 + _i)] = str(_i)
for _c in range(ord("A"), ord("Z") + 1):
    _ONE_TO_ONE[chr(_c)] = chr(_c + 32)

_TABLE: dict[int, str | None] = {ord(k): v for k, v in _ONE_TO_ONE.items()}
_TABLE.update({ord(c): None for c in DELETED})
# Every other ASCII and Arabic-block character maps to itself: str.translate raises and catches a
# KeyError for each character its table lacks, and these are nearly all the characters of a news
# text (the same output, in about 60 % of the time).
for _c in (*range(0x80), *range(0x0600, 0x0700)):
    _TABLE.setdefault(_c, chr(_c))

# The characters the table changes or deletes, with what they become.  No result is itself such a
# character, so one str.replace for each of them that the text holds gives what str.translate gives:
# for an article in a third of the time, since translate looks every character up through a new int
# object.  The 134 scans cost some 15 us whatever the length: a text shorter than FOLD_MIN (a name, a
# lexicon entry) is translated.
_CHANGES = tuple((chr(c), v or "") for c, v in _TABLE.items() if v != chr(c))
FOLD_MIN = 256

# Presentation forms and compatibility ligatures need NFKC (may expand).
_EXPANDING = re.compile("[\ufb50-\ufdff\ufe70-\ufefc\u0675-\u0678]")
_NEEDS_WORK = re.compile(
    "[" + re.escape("".join(_ONE_TO_ONE) + "".join(DELETED)) + "\ufb50-\ufdff\ufe70-\ufefc\u0675-\u0678]"
)
_DELETED_RUN = re.compile("[" + re.escape("".join(DELETED)) + "]+")


class OffsetMap:
    """Maps normalized offsets to raw offsets.

    Three forms: the identity (nothing deleted or expanded); deletions only, kept as runs
    (``runs``: for each stretch of normalized text, where it starts, in raw and normalized
    offsets, and how many raw characters were deleted before it), which is what Arabic text
    with diacritics or tatweel needs; and, when presentation forms expand, ``index``, an array
    giving for each normalized character the raw index it came from.  ``index`` is ``None``
    in the first two forms.
    """

    __slots__ = ("index", "raw_len", "runs", "norm_len")

    def __init__(self, index: array | None, raw_len: int,
                 runs: tuple[list[int], list[int], list[int]] | None = None, norm_len: int = 0) -> None:
        self.index = index
        self.raw_len = raw_len
        self.runs = runs  # (normalized starts, deleted before each, raw starts)
        self.norm_len = norm_len

    def pos(self, n: int) -> int:
        """Raw index of normalized character ``n``."""
        if self.index is not None:
            if n >= len(self.index):
                return self.raw_len
            return self.index[n]
        if self.runs is None:
            return n
        if n >= self.norm_len:
            return self.raw_len
        starts, shifts, _ = self.runs
        return n + shifts[bisect_right(starts, n) - 1]

    def to_raw(self, start: int, end: int, raw: str | None = None) -> tuple[int, int]:
        """Raw ``[start, end)`` for normalized ``[start, end)``.

        With the ``raw`` text, the end extends over the diacritics and tatweel written after the
        last character (``جندياً`` ends after its tanween, not before it)."""
        if self.index is None and self.runs is None:
            return start, end
        if end <= start:
            p = self.pos(start)
            return p, p
        rend = self.pos(end - 1) + 1
        if raw is not None:
            n = len(raw)
            while rend < n and raw[rend] in TRAILING_MARKS:
                rend += 1
        return self.pos(start), rend

    def to_norm(self, raw: int) -> int:
        """The first normalized index whose raw index is ≥ ``raw``."""
        if self.index is not None:
            return bisect_right(self.index, raw - 1)
        if self.runs is None:
            return raw
        starts, shifts, raw_starts = self.runs
        k = bisect_right(raw_starts, raw) - 1
        if k < 0:
            return 0
        after = starts[k + 1] if k + 1 < len(starts) else self.norm_len
        return min(raw - shifts[k], after)


def _fold_char(c: str) -> str:
    if _EXPANDING.match(c):
        c = unicodedata.normalize("NFKC", c)
    return c.translate(_TABLE)


def _fold_text(raw: str) -> str:
    """``raw.translate(_TABLE)`` for a text with no expanding character (see _CHANGES)."""
    for c, v in _CHANGES:
        if c in raw:
            raw = raw.replace(c, v)
    return raw


def normalize(raw: str) -> tuple[str, OffsetMap]:
    """Normalize ``raw``; return the normalized text and its offset map."""
    if not _NEEDS_WORK.search(raw):
        return raw, OffsetMap(None, len(raw))
    if _EXPANDING.search(raw):
        parts: list[str] = []
        idx = array("l")
        for i, c in enumerate(raw):
            f = _fold_char(c)
            if f:
                parts.append(f)
                idx.extend([i] * len(f))
        return "".join(parts), OffsetMap(idx, len(raw))
    norm = _fold_text(raw) if len(raw) >= FOLD_MIN else raw.translate(_TABLE)
    if len(norm) == len(raw):
        return norm, OffsetMap(None, len(raw))
    starts, shifts, raw_starts = [0], [0], [0]
    gone = 0
    for m in _DELETED_RUN.finditer(raw):
        gone += m.end() - m.start()
        starts.append(m.end() - gone)
        shifts.append(gone)
        raw_starts.append(m.end())
    return norm, OffsetMap(None, len(raw), (starts, shifts, raw_starts), len(norm))


def normalize_text(raw: str) -> str:
    """Just the normalized string (for dictionary keys and queries)."""
    return normalize(raw)[0]


_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufefc]+")
_OTHER_LETTERS = re.compile("[^\\W\\d_\u0600-\u06ff\u0750-\u077f\ufb50-\ufefc]+")


def arabic_ratio(text: str, sample: int = 4000) -> float:
    """Share of letters that are Arabic script (0 when there are no letters).

    Only the first ``sample`` characters are read: enough to decide a language.
    """
    head = text[:sample]
    arabic = sum(map(len, _ARABIC_LETTERS.findall(head)))  # runs of letters: fewer, cheaper matches
    other = sum(map(len, _OTHER_LETTERS.findall(head)))
    total = arabic + other
    return arabic / total if total else 0.0
