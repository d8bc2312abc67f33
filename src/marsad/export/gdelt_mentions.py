"""GDELT 2.0 mentions table: one row per stored mention of an event.

Column semantics follow the GDELT 2.0 Event Codebook (Mentions table): the
event's DATEADDED is its first-seen time in the store, the mention time is when
its article was ingested, offsets are character offsets into the raw article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TextIO

from marsad.export.formats import gdelt_stamp, numeric_id, tsv_safe

GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
MENTION_TYPE_WEB = "1"  # GDELT MentionType 1: a web document identified by its URL
_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]+)")


def source_name(outlet: str | None, url: str | None) -> str:
    """The outlet's name, else the URL's host (GDELT uses the domain)."""
    if outlet:
        return outlet
    m = _HOST.match(url or "")
    return m.group(1) if m else ""


def _offset(v: int | None) -> str:
    return "-1" if v is None else str(v)


def mention_row(r: dict[str, Any]) -> list[str]:
    """One GDELT mentions row from a :meth:`Store.mention_records` record."""
    in_raw = r.get("source_start") is not None and (r.get("target_code") is None or r.get("target_start") is not None)
    conf = r.get("confidence")
    return [
        str(numeric_id(r["event_id"], 0)), gdelt_stamp(r.get("event_first_seen")), gdelt_stamp(r.get("ingested_at")),
        MENTION_TYPE_WEB, source_name(r.get("outlet"), r.get("url")), r.get("url") or r.get("article_id") or "",
        str((r.get("sentence") or 0) + 1), _offset(r.get("source_start")), _offset(r.get("target_start")),
        _offset(r.get("trigger_start")), "1" if in_raw else "0",
        str(round(100 * (1.0 if conf is None else float(conf)))), str(r.get("doc_len") or 0), "0",
        "srclc:ara", "",
    ]


def write_gdelt_mentions(records: Iterable[dict[str, Any]], out: TextIO, header: bool = True) -> int:
    """GDELT 2.0 mentions TSV (official column names as header when asked)."""
    if header:
        out.write("\t".join(GDELT_MENTION_COLUMNS) + "\n")
    n = 0
    for n, r in enumerate(records, 1):
        out.write("\t".join(tsv_safe(x) for x in mention_row(r)) + "\n")
    return n
