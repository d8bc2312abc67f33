"""Bad input, nothing lost: every input unit becomes exactly one article or one recorded rejection.

Hypothesis properties over the library entry points and every file reader.  The number of
examples comes from ``MARSAD_FUZZ_EXAMPLES`` (small by default; the slow suite runs
``test_fuzz_slow.py`` with 100000).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from relutil import EXAMPLES, GOOD_TEXTS

from marsad.document import Article, Document
from marsad.ingest.readers import JSONL_SUFFIXES, READERS, InputRejection, read_inputs, read_jsonl_stream

FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

WORDS = sorted({w for t in GOOD_TEXTS for w in t.split()})
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d",
             "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u0640", "\u064b", "\u0651"]
ODD = ["\x00", "\ufffd", "\r\n", "\n\n", "\t", "،", ".", "؟", "«", "»", "<script>alert(1)</script>", "١٢",
       "Ω", "中文", "\U0001F600", "\ud800", "\udfff", "&amp;", "\\", '"']

ODD_CHARS = [c for c in ODD if len(c) == 1]
chars = st.one_of(st.sampled_from(INVISIBLE + ODD_CHARS), st.characters(min_codepoint=0x600, max_codepoint=0x6ff),
                  st.characters())
texts = st.one_of(
    st.text(chars, max_size=400),
    st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(INVISIBLE + ODD), st.text(chars, max_size=3)),
             max_size=120).map(" ".join),
    st.lists(st.sampled_from(WORDS + INVISIBLE), max_size=150).map("".join),
)


def check_document(doc: Document) -> None:
    """A coded document is either rejected with a reason or has spans that slice the raw text."""
    raw = doc.article.text
    if doc.rejection is not None:
        assert doc.rejection.code and doc.rejection.reason
        assert doc.events == []
    for e in doc.events:
        for sp in (e.trigger, e.evidence, e.source.span, e.target.span if e.target else None,
                   e.place.span if e.place else None):
            if sp is None:
                continue
            assert 0 <= sp.start <= sp.end <= len(raw)
            assert raw[sp.start:sp.end] == sp.text
    out = json.dumps(doc.to_dict(), ensure_ascii=False)
    out.encode("utf-8")  # the CLI, the API and DuckDB all need UTF-8


@FUZZ
@given(text=texts)
def test_code_any_text_never_raises_and_offsets_slice_raw_text(coder, text):
    doc = coder.code(text, date="2024-05-01")
    check_document(doc)


@FUZZ
@given(text=texts)
def test_content_hash_and_json_handle_any_string(text):
    art = Article(id="x", text=text, title=text[:10])
    assert len(art.content_hash) == 64


def _write(tmp: Path, name: str, data: bytes) -> Path:
    p = tmp / name
    p.write_bytes(data)
    return p


def check_items(items: list) -> None:
    for it in items:
        assert isinstance(it, Article | InputRejection), type(it)
        if isinstance(it, InputRejection):
            assert it.code and it.reason and it.id is not None
        else:
            assert isinstance(it.text, str)
            json.dumps(InputRejection(it.id, "", "x", "y").to_dict(), ensure_ascii=False).encode("utf-8")


FILE_SUFFIXES = sorted(set(READERS) | set(JSONL_SUFFIXES)) + [".jsonl.gz", ".jsonl.bz2", ".jsonl.xz", ".jsonl.zst"]


@pytest.mark.parametrize("suffix", FILE_SUFFIXES)
@FUZZ
@given(data=st.binary(max_size=3000))
def test_read_inputs_random_bytes_every_suffix(tmp_path, suffix, data):
    # A new file for each example, removed after: a directory per example (mktemp) left 100k
    # directories behind a 100k-example run, and truncating one file to rewrite it cost ~4 ms per
    # example on ext4 (a flush on truncate) against 0.1 ms to create and unlink one.
    path = _write(tmp_path, "input" + suffix, data)
    try:
        items = list(read_inputs([str(path)]))
    finally:
        path.unlink()
    check_items(items)
    if suffix in JSONL_SUFFIXES:
        assert len(items) == sum(1 for ln in data.split(b"\n") if ln.strip())


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(chars, max_size=40),
                           lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids,
                                                                                   max_size=4), max_leaves=12)
records = st.fixed_dictionaries({}, optional={"id": json_values, "text": st.one_of(texts, json_values),
                                              "title": json_values, "date": json_values, "url": json_values,
                                              "outlet": json_values, "source": json_values})
lines = st.one_of(records.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
                  records.map(lambda r: json.dumps(r).encode()), st.binary(max_size=300),
                  json_values.map(lambda v: json.dumps(v).encode()))


@FUZZ
@given(units=st.lists(lines.map(lambda b: b.replace(b"\n", b" ")), min_size=1, max_size=20))
def test_jsonl_every_line_is_one_article_or_one_rejection(units):
    data = b"\n".join(units) + b"\n"
    items = list(read_jsonl_stream(io.BytesIO(data), "fuzz.jsonl"))
    check_items(items)
    assert len(items) == sum(1 for u in units if u.strip())


EDGE_LINES = {
    "deep_array": b"[" * 100_000,
    "deep_object": b'{"a":' * 50_000,
    "huge_int_id": b'{"id": ' + b"1" * 5000 + b', "text": "x"}',
    "surrogate_text": b'{"id": "s", "text": "\\ud800 \xd9\x85\xd8\xb5\xd8\xb1"}',
    "surrogate_id": b'{"id": "\\udfff", "text": "\xd9\x85\xd8\xb5\xd8\xb1"}',
    "invalid_utf8": b'{"id": "b", "text": "\xff\xfe"}',
    "truncated_utf8": b'{"id": "t", "text": "\xd9',
    "nul": b'{"id": "n", "text": "\x00"}',
    "not_object": b'"just a string"',
    "text_not_string": b'{"id": 1, "text": ["a"]}',
    "nan": b'{"id": "nan", "text": NaN}',
    "bom": b'\xef\xbb\xbf{"id": "bom", "text": "x"}',
}


@pytest.mark.parametrize("name", sorted(EDGE_LINES))
def test_jsonl_edge_line_is_rejected_or_read_and_the_next_line_survives(name):
    good = json.dumps({"id": "good", "text": GOOD_TEXTS[0]}, ensure_ascii=False).encode()
    items = list(read_jsonl_stream(io.BytesIO(EDGE_LINES[name] + b"\n" + good + b"\n"), "edge.jsonl"))
    check_items(items)
    assert len(items) == 2
    assert isinstance(items[1], Article) and items[1].id == "good"


def test_html_deeply_nested_and_huge_pages_are_read(tmp_path):
    nested = "<div>" * 10_000 + "<p>" + GOOD_TEXTS[0] + "</p>" + "</div>" * 10_000
    unclosed = "<div><span><b>" * 5_000 + GOOD_TEXTS[1]
    huge = "<p>" + "أدانت مصر " * 100_000 + "</p>"
    for name, html in (("nested.html", nested), ("unclosed.html", unclosed), ("huge.html", huge)):
        items = list(read_inputs([str(_write(tmp_path, name, html.encode()))]))
        check_items(items)
        assert len(items) == 1
