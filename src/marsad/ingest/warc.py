"""WARC archives to articles (needs ``warcio``: ``pip install marsad[html]``).

Only HTTP ``response`` records with a 2xx status and an HTML body
(``text/html`` or ``application/xhtml+xml``) become articles: id = the
``WARC-Record-ID`` (else the target URI), url = ``WARC-Target-URI``, the body
decoded by the charset of its HTTP header.  Every other record (requests,
metadata, images, redirects…) is skipped and counted in a :class:`WarcCounts`.
``.warc`` and ``.warc.gz`` are both read (warcio detects the compression).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.ingest.html import article_from_html
from marsad.ingest.readers import InputRejection, Item

log = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_BODY = 10_000_000  # bytes; a larger page is rejected (too_large)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


class WarcCounts(Counter):
    """Records seen by kind: ``articles``, ``rejected`` and ``skipped:<why>``."""

    def skipped(self) -> int:
        return sum(v for k, v in self.items() if k.startswith("skipped:"))


def _warcio() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise InputError("reading WARC files needs the warcio package (pip install marsad[html])") from exc
    return ArchiveIterator


def _skip_reason(record: Any) -> str | None:
    if record.rec_headers.get_header("WARC-Type") is None:
        return "invalid"
    if record.rec_type != "response":
        return record.rec_type or "unknown"
    if record.http_headers is None:
        return "not_http"
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return f"status_{status or 'none'}"
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if not ctype.startswith(HTML_TYPES):
        return "not_html"
    return None


def record_item(record: Any, source: str, backend: str = "auto") -> Item:
    """An article (or rejection) from an HTML response record."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    rid = record.rec_headers.get_header("WARC-Record-ID") or uri or source
    body = record.content_stream().read(MAX_BODY + 1)
    where = f"{source}@{rid}"
    if len(body) > MAX_BODY:
        return InputRejection(rid, where, "too_large", f"HTML body of {uri} is over {MAX_BODY:,} bytes")
    m = _CHARSET.search(record.http_headers.get_header("Content-Type") or "")
    try:
        return article_from_html(body, id=rid, url=uri, backend=backend, charset=m.group(1) if m else None)
    except ValueError as exc:
        return InputRejection(rid, where, "bad_html", f"{uri}: {exc}")


def read_warc(path: Path, counts: WarcCounts | None = None, backend: str = "auto") -> Iterator[Item]:
    """Articles from the HTML responses of a WARC file; ``counts`` tallies every record."""
    counts = WarcCounts() if counts is None else counts
    source = str(path)
    archive = _warcio()
    records = 0
    with open(path, "rb") as fh:
        try:
            for record in archive(fh):
                records += record.rec_headers.get_header("WARC-Type") is not None
                why = _skip_reason(record)
                if why is not None:
                    counts[f"skipped:{why}"] += 1
                    continue
                item = record_item(record, source, backend)
                counts["rejected" if isinstance(item, InputRejection) else "articles"] += 1
                yield item
        except Exception as exc:  # noqa: BLE001 - warcio raises several types on a damaged archive
            counts["rejected"] += 1
            yield InputRejection(path.name, source, "bad_file", f"cannot read the WARC to the end: {exc}")
            return
    if not records:
        counts["rejected"] += 1
        yield InputRejection(path.name, source, "bad_file", "no valid WARC record found: not a WARC file")
    log.info("%s: %d articles, %d rejected, %d records skipped (%s)", source, counts["articles"],
             counts["rejected"], counts.skipped(),
             ", ".join(f"{k[8:]} {v}" for k, v in sorted(counts.items()) if k.startswith("skipped:")))
