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
        raw_s, raw_e = offsets.to_raw(s, e)
        sentences.append(Sentence(raw_s, raw_e, first, last))
    doc.sentences = sentences
    return doc


def document_from_text(text: str, **meta) -> Document:
    """A prepared document from a string (handy in tests and the REPL)."""
    art = Article(id=str(meta.pop("id", "doc")), text=text, **meta)
    return prepare(Document(art))
