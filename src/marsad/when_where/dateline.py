"""The dateline: the city an article was filed from ("موسكو (رويترز) -").

A dateline is a short segment (one to four words, before any digits) at the
head of one of the first lines, followed by a separator (- – — ـ / :) or by a
date: "القاهرة - "، "أحمد جودة - القاهرة - "، "كابول - أ ف ب:"،
"هافانا 23 يونيو 2016 /"، "مكة المكرمة 26 شوال 1436 هـ … واس".
With a gazetteer the segment must contain a city; without one the shape alone
decides (and an author name before the city may then be taken for it).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from marsad.document import Document, Span
from marsad.when_where.gazetteer import Gazetteer

_SEP = re.compile(r"[-–—ـ/:|]")
_PAREN = re.compile(r"\([^)\n]*\)|«[^»\n]*»")
_DIGIT = re.compile(r"[0-9\u0660-\u0669]|\bفي\s+[0-9\u0660-\u0669]")
_WORDS = re.compile(r"[^\W\d_]+")
AGENCIES = frozenset("رويترز واس وام قنا سبأ بترا أ ش ف ب د متابعات وكالات الأناضول سانا".split())
MAX_WORDS = 4
HEAD_LINES = 3
HEAD_CHARS = 400


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text[:HEAD_CHARS].split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
        if len(out) >= HEAD_LINES:
            break
    return out


def _candidates(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Raw spans of short head segments of the line ``text[lo:hi]``."""
    line = text[lo:hi]
    cuts = [m.start() for m in _SEP.finditer(line)] + [len(line)]
    out = []
    seg_start = 0
    for k, cut in enumerate(cuts[:4]):
        seg = _PAREN.sub(lambda m: " " * len(m.group()), line[seg_start:cut])
        d = _DIGIT.search(seg)
        head = seg[: d.start()] if d else seg
        words = list(_WORDS.finditer(head))
        if len(words) > MAX_WORDS:
            break
        closed = k < len(cuts) - 1 or d is not None
        if words and closed and words[0].group() not in AGENCIES:
            out.append((lo + seg_start + words[0].start(), lo + seg_start + words[-1].end()))
        seg_start = cut + 1
    return out


def _city_in(doc: Document, lo: int, hi: int, gazetteer: Gazetteer) -> Span | None:
    assert doc.offsets is not None
    starts = [t.start for t in doc.tokens]
    i = bisect_left(starts, doc.offsets.to_norm(lo))
    j = bisect_left(starts, doc.offsets.to_norm(hi))
    for m in gazetteer.match(doc.tokens[i:j]):
        if m.item.demonym:
            continue
        if any(gazetteer.entries[e].precision == "city" for e in m.item.places):
            return doc.token_span(i + m.start, i + m.end)
    return None


def detect_dateline(doc: Document, gazetteer: Gazetteer | None = None) -> Span | None:
    """The raw span of the dateline place of a prepared document, or ``None``."""
    text = doc.article.text
    for lo, hi in _lines(text):
        cands = _candidates(text, lo, hi)
        for a, b in cands:
            if gazetteer is None:
                return Span(a, b, text[a:b])
            span = _city_in(doc, a, b, gazetteer)
            if span is not None:
                return span
        if len(_WORDS.findall(text[lo:hi])) > 12:
            break  # the body has started
    return None
