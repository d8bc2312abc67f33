"""Fuzz the JSONL reader: ``PYTHONPATH=src python fuzz/fuzz_jsonl.py -runs=100000``.

Every non-blank line must give exactly one article or one rejection, whatever the bytes.
"""

from __future__ import annotations

import io

import atheris

with atheris.instrument_imports():
    from _common import check_items, fuzz, limited

    from marsad.ingest.readers import read_jsonl_stream


def one_input(data: bytes) -> None:
    items = limited(lambda: list(read_jsonl_stream(io.BytesIO(data), "fuzz.jsonl")))
    check_items(items)
    expected = sum(1 for ln in data.split(b"\n") if ln.strip())
    assert len(items) == expected, (len(items), expected)


def main() -> None:
    fuzz(one_input)


if __name__ == "__main__":
    main()
