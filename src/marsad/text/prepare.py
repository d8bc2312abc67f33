"""The text stage: normalization, tokens and sentences of a document."""

from __future__ import annotations

from bisect import bisect_left

from marsad.document import Article, Document, Sentence
from marsad.text.normalize import normalize
from marsad.text.tokens import sentence_bounds, tokenize


def prepare(doc: Document) -> Document:
    """Fill ``norm``, ``offsets``, ``tokens`` and ``sentences`` of ``doc``."""
    norm, offsets = normalize(doc.article.text)
    doc.norm, doc.offsets = norm, offsets
    doc.tokens = tokenize(norm)
    starts = [t.start for t in doc.tokens]
    sentences = []
    for s, e in sentence_bounds(norm):
        first = bisect_left(starts, s)
        last = bisect_left(starts, e)
        for a, b in _chunks(doc.tokens, first, last):
            raw_s, raw_e = offsets.to_raw(doc.tokens[a].start, doc.tokens[b - 1].end)
            sentences.append(Sentence(raw_s, raw_e, a, b))
    doc.sentences = sentences
    return doc


MAX_SENTENCE_TOKENS = 120  # longer "sentences" (lists, run-ons, junk) are cut: every later stage is per sentence


def _chunks(tokens: list, first: int, last: int) -> list[tuple[int, int]]:
    """Token ranges of a sentence, cut at a comma (else hard) when longer than the maximum."""
    if last - first <= MAX_SENTENCE_TOKENS:
        return [(first, last)] if last > first else []
    out = []
    a = first
    while last - a > MAX_SENTENCE_TOKENS:
        cut = a + MAX_SENTENCE_TOKENS
        for j in range(cut - 1, a + MAX_SENTENCE_TOKENS // 2, -1):
            if tokens[j].norm in (",", ";", ":"):
                cut = j + 1
                break
        out.append((a, cut))
        a = cut
    out.append((a, last))
    return out


def document_from_text(text: str, **meta) -> Document:
    """A prepared document from a string (handy in tests and the REPL)."""
    art = Article(id=str(meta.pop("id", "doc")), text=text, **meta)
    return prepare(Document(art))
