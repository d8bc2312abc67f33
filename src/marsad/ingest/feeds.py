"""RSS and Atom feeds to articles (needs ``feedparser``: ``pip install marsad[html]``).

Each entry with content or a summary becomes an :class:`Article`: id = the
entry's id (else its link), url = link, title, date = published (else updated),
outlet = the feed's title; HTML in the content is reduced to text.  An entry
without text becomes an :class:`InputRejection` (``no_text``), an unreadable
feed one ``bad_feed``.  Feeds are parsed from bytes: never fetched from the network.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date as Date
from typing import Any

from marsad.document import Article
from marsad.errors import InputError
from marsad.ingest.html import html_to_text
from marsad.ingest.readers import InputRejection, Item

FEED_SUFFIXES = (".rss", ".atom", ".xml")


def _feedparser() -> Any:
    try:
        import feedparser
    except ImportError as exc:
        raise InputError("reading RSS/Atom feeds needs the feedparser package "
                         "(pip install marsad[html])") from exc
    return feedparser


def _entry_date(entry: Any) -> Date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return Date(t.tm_year, t.tm_mon, t.tm_mday)
            except ValueError:
                continue
    return None


def _entry_text(entry: Any) -> str:
    parts = [c.get("value", "") for c in entry.get("content") or [] if c.get("value")]
    if not parts and entry.get("summary"):
        parts = [entry["summary"]]
    return "\n".join(t for t in (html_to_text(p) for p in parts) if t)


def entry_article(entry: Any, outlet: str | None, source: str, n: int) -> Item:
    """An article (or a rejection) from one parsed feed entry."""
    link = entry.get("link") or None
    eid = entry.get("id") or link or f"{source}#{n}"
    text = _entry_text(entry)
    if not text:
        return InputRejection(str(eid), f"{source}#{n}", "no_text", f"feed entry {n} has no content or summary")
    title = html_to_text(entry["title"]) if entry.get("title") else None
    return Article(id=str(eid), text=text, title=title or None, date=_entry_date(entry), url=link,
                   outlet=outlet)


def read_feed_bytes(data: bytes, source: str) -> Iterator[Item]:
    """Articles of an RSS/Atom document given as bytes."""
    try:
        parsed = _feedparser().parse(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - feedparser raises on some damaged feeds
        # e.g. ValueError from chr() on a character reference over U+10FFFF (&#99999999;), which
        # stopped the whole batch; found by tests/reliability/test_input_paths.py
        yield InputRejection(source, source, "bad_feed", f"not a readable RSS/Atom feed: "
                             f"{type(exc).__name__}: {str(exc)[:200]}")
        return
    entries = [e for e in parsed.entries if e]
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            yield InputRejection(source, source, "bad_feed", f"not a readable RSS/Atom feed: {exc}")
        return
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(entries, 1):
        yield entry_article(entry, outlet, source, n)
