"""Fuzz the HTML extraction: ``PYTHONPATH=src python fuzz/fuzz_html.py -runs=100000``.

Random bytes, and random tag soup around an Arabic sentence (deep nesting, unclosed tags, charsets).
A page gives an article or raises ValueError with a reason (read_html_file turns it into a rejection).
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    from _common import SEEDS, fuzz, limited

    from marsad.ingest.html import article_from_html

TAGS = ["div", "p", "article", "main", "script", "style", "nav", "title", "h1", "span", "br", "meta", "time",
        "table", "tr", "li", "iframe", "template", "svg", "math", "textarea", "plaintext", "!--", "![CDATA["]
CHARSETS = ["utf-8", "utf-16", "windows-1256", "iso-8859-6", "latin-1", "rot13", "base64", "idna", "undefined",
            "punycode", "utf-7", "x"]


def soup(fdp: atheris.FuzzedDataProvider) -> bytes:
    out = [f'<meta charset="{CHARSETS[fdp.ConsumeIntInRange(0, len(CHARSETS) - 1)]}">']
    for _ in range(fdp.ConsumeIntInRange(0, 200)):
        tag = TAGS[fdp.ConsumeIntInRange(0, len(TAGS) - 1)]
        k = fdp.ConsumeIntInRange(0, 4)
        out.append(f"<{tag}>" if k < 2 else f"</{tag}>" if k < 3 else SEEDS[0] if k < 4 else
                   fdp.ConsumeUnicodeNoSurrogates(20))
    return "".join(out).encode("utf-8", "replace")


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    page = soup(fdp) if fdp.ConsumeBool() else fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        art = limited(article_from_html, page, "fuzz.html")
    except ValueError as exc:
        assert str(exc)
        return
    assert isinstance(art.text, str) and art.text


def main() -> None:
    fuzz(one_input)


if __name__ == "__main__":
    main()
