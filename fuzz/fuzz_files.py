"""Fuzz every file reader through ``read_inputs`` (txt, html, rss/atom/xml, warc, jsonl and compressed):
``PYTHONPATH=src python fuzz/fuzz_files.py -runs=100000``.  The first byte picks the suffix.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from _common import check_file, fuzz

    from marsad.ingest.readers import JSONL_SUFFIXES, READERS, read_inputs

SUFFIXES = sorted(set(READERS) | set(JSONL_SUFFIXES)) + [".jsonl.gz", ".jsonl.bz2", ".jsonl.xz", ".warc.gz"]
TMP = Path(tempfile.mkdtemp(prefix="marsad-fuzz-"))


def one_input(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    check_file(TMP / ("input" + suffix), data[1:], lambda path: read_inputs([str(path)]))


def main() -> None:
    fuzz(one_input)


if __name__ == "__main__":
    main()
