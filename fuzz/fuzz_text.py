"""Fuzz the coder with arbitrary text: ``PYTHONPATH=src python fuzz/fuzz_text.py -runs=100000 -max_len=4096``.

Bytes are decoded with ``surrogateescape`` (so invalid UTF-8 becomes lone surrogates) and mixed with
an Arabic seed sentence, bidi and zero-width controls; the pipeline runs with ``errors="raise"``.
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    from _common import SEEDS, check_document, coder, fuzz, limited

CODER = None
CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u0640"


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    rest = fdp.ConsumeBytes(fdp.remaining_bytes())
    text = rest.decode("utf-8", "surrogateescape")
    if mode == 1:
        text = SEEDS[0] + text + SEEDS[1]
    elif mode == 2:
        text = "".join(c + CONTROLS[ord(c) % len(CONTROLS)] for c in SEEDS[len(text) % 2]) + text
    elif mode == 3:
        words = SEEDS[0].split()
        text = " ".join(words[b % len(words)] for b in rest)
    check_document(limited(CODER.code, text, "2024-05-01"))


def main() -> None:
    global CODER
    CODER = coder()
    fuzz(one_input)


if __name__ == "__main__":
    main()
