"""HTML pages to articles: main text, title and publication date.

Uses only the standard library's HTML parser: text of ``<p>``, headings and
list items inside ``<article>`` or ``<main>`` when present, else of the whole
body; scripts, styles, navigation, header/footer and forms are skipped.  The
date comes from ``<meta property="article:published_time">``-style tags or
``<time datetime>``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from marsad.document import Article
from marsad.ingest.readers import parse_date

SKIP = frozenset({"script", "style", "nav", "header", "footer", "form", "aside", "noscript", "svg",
                  "iframe", "button", "select", "template"})
BLOCK = frozenset({"p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "br", "tr", "section",
                   "article", "main"})
DATE_META = frozenset({"article:published_time", "og:published_time", "date", "pubdate",
                       "publishdate", "datepublished", "dc.date", "dc.date.issued", "sailthru.date"})
VOID = frozenset({"br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "source",
                  "track", "wbr"})
_WS = re.compile(r"[ \t\r\f\v]+")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.in_title = False
        self.title: list[str] = []
        self.parts: list[str] = []
        self.main_parts: list[str] = []
        self.main_depth = 0
        self.date: str | None = None
        self.h1: list[str] = []
        self.in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in SKIP and tag not in VOID:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in DATE_META and not self.date:
                self.date = a.get("content")
        elif tag == "time" and not self.date and a.get("datetime"):
            self.date = a["datetime"]
        if tag in ("article", "main"):
            self.main_depth += 1
        if tag == "h1":
            self.in_h1 = True
        if tag in BLOCK:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP and tag not in VOID and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        elif tag in ("article", "main") and self.main_depth:
            self.main_depth -= 1
        if tag == "h1":
            self.in_h1 = False
        if tag in BLOCK:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.skip:
            return
        if self.in_h1:
            self.h1.append(data)
        self._emit(data)

    def _emit(self, s: str) -> None:
        self.parts.append(s)
        if self.main_depth:
            self.main_parts.append(s)


def _clean(parts: list[str]) -> str:
    lines = (_WS.sub(" ", ln).strip() for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def article_from_html(data: bytes | str, id: str, url: str | None = None) -> Article:
    """An article from an HTML page; ValueError when no text can be found."""
    if isinstance(data, bytes):
        m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', data[:4096])
        enc = m.group(1).decode("ascii", "ignore") if m else "utf-8"
        try:
            html = data.decode(enc, errors="replace")
        except LookupError:
            html = data.decode("utf-8", errors="replace")
    else:
        html = data
    ex = _Extractor()
    try:
        ex.feed(html)
        ex.close()
    except Exception as exc:  # noqa: BLE001 - html.parser raises a few odd types on garbage
        raise ValueError(f"cannot parse HTML: {exc}") from exc
    text = _clean(ex.main_parts) or _clean(ex.parts)
    if not text:
        raise ValueError("no text found in the HTML page")
    title = _clean(ex.h1) or _clean(ex.title) or None
    return Article(id=id, text=text, title=title, date=parse_date(ex.date), url=url)
