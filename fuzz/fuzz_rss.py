"""Fuzz the RSS/Atom reader: ``PYTHONPATH=src python fuzz/fuzz_rss.py -runs=100000 -max_len=4096``.

Half the inputs are raw bytes; the other half are RSS 2.0 or Atom documents whose channel title,
entry titles, bodies (plain or escaped HTML), dates and links come from the fuzzer's data.  Every
entry must give one article or one rejection (``no_text``), an unreadable document one ``bad_feed``
rejection or nothing; nothing may raise.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import atheris

with atheris.instrument_imports():
    import feedparser  # noqa: F401 - instrumented, so coverage guides into the feed parser
    from _common import SEEDS, check_items, fuzz, limited

    from marsad.ingest.feeds import read_feed_bytes

DATES = ["Mon, 11 Mar 2024 10:00:00 GMT", "2024-03-11T10:00:00Z", "yesterday", "", "Sun, 31 Feb 2024 99:99:99"]


def text(fdp: atheris.FuzzedDataProvider) -> str:
    return (SEEDS[fdp.ConsumeIntInRange(0, 1)] if fdp.ConsumeBool() else "") + fdp.ConsumeUnicodeNoSurrogates(60)


def feed(fdp: atheris.FuzzedDataProvider) -> bytes:
    atom = fdp.ConsumeBool()
    parts = []
    for n in range(fdp.ConsumeIntInRange(0, 5)):
        title, body = escape(text(fdp)), f"<p>{text(fdp)}</p>" if fdp.ConsumeBool() else text(fdp)
        body = escape(body) if fdp.ConsumeBool() else body  # unescaped: entities, character references, tags
        date = DATES[fdp.ConsumeIntInRange(0, len(DATES) - 1)]
        if atom:
            parts.append(f"<entry><title>{title}</title><id>e{n}</id><updated>{date}</updated>"
                         f"<content type=\"html\">{body}</content></entry>")
        else:
            parts.append(f"<item><title>{title}</title><link>https://example.org/{n}</link>"
                         f"<pubDate>{date}</pubDate><description>{body}</description></item>")
    channel = escape(text(fdp))
    doc = (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{channel}</title>{"".join(parts)}</feed>' if atom
           else f'<rss version="2.0"><channel><title>{channel}</title>{"".join(parts)}</channel></rss>')
    data = ('<?xml version="1.0" encoding="utf-8"?>' + doc).encode("utf-8")
    return data[:fdp.ConsumeIntInRange(0, len(data))] if fdp.ConsumeBool() else data


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    payload = feed(fdp) if fdp.ConsumeBool() else fdp.ConsumeBytes(fdp.remaining_bytes())
    check_items(limited(lambda: list(read_feed_bytes(payload, "fuzz.rss"))))


def main() -> None:
    fuzz(one_input)


if __name__ == "__main__":
    main()
