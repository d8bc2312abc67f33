"""Event queries over the store's ``events`` table: the typed row, the filters and their ``WHERE`` clause.

Every filter becomes a parameterised condition; :func:`where_sql` is shared by
:class:`~marsad.store.store.Store` and the HTTP API's paging queries.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date as Date
from typing import Any


@dataclass(slots=True, frozen=True)
class EventRow:
    event_id: str
    date: Date | None
    source_code: str
    source_agent: str | None
    source_name: str | None
    target_code: str | None
    target_agent: str | None
    target_name: str | None
    cameo: str
    root: str
    quad: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    place_name: str | None
    place_country: str | None
    place_lat: float | None
    place_lon: float | None
    num_mentions: int
    num_articles: int
    num_sources: int
    evidence_text: str
    background: bool


EVENT_COLUMNS = [f.name for f in fields(EventRow)]


@dataclass(slots=True)
class EventQuery:
    """Filters for :meth:`Store.events`; every field optional."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    root: str | None = None
    quad: int | None = None
    plover_type: str | None = None
    country: str | None = None
    place: str | None = None
    since: Date | None = None
    until: Date | None = None
    text: str | None = None
    include_background: bool = True
    limit: int = 100
    offset: int = 0
    order: str = "date_desc"


ORDERS = {
    "date_desc": "date DESC NULLS LAST, event_id",
    "date_asc": "date ASC NULLS LAST, event_id",
    "mentions_desc": "num_mentions DESC, date DESC NULLS LAST, event_id",
    "goldstein_asc": "goldstein ASC, event_id",
    "goldstein_desc": "goldstein DESC, event_id",
}


def like_literal(text: str) -> str:
    """``text`` with LIKE wildcards escaped, so a filter matches it literally ("%" is not "any")."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def where_sql(q: EventQuery) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (``""`` when no filter) and its parameters for ``q`` over ``events``."""
    conds, params = [], []
    if q.actor:
        conds.append("(source_code = ? OR target_code = ?)")
        params += [q.actor, q.actor]
    if q.dyad:
        conds.append("((source_code = ? AND target_code = ?) OR (source_code = ? AND target_code = ?))")
        a, b = q.dyad
        params += [a, b, b, a]
    if q.root:
        conds.append("root = ?")
        params.append(q.root.zfill(2)[:2])
    if q.quad:
        conds.append("quad = ?")
        params.append(int(q.quad))
    if q.plover_type:
        conds.append("plover_type = ?")
        params.append(q.plover_type.upper())
    if q.country:
        conds.append("place_country = ?")
        params.append(q.country)
    if q.place:
        conds.append("place_name ILIKE ? ESCAPE '\\'")
        params.append(f"%{like_literal(q.place)}%")
    if q.since:
        conds.append("date >= ?")
        params.append(q.since)
    if q.until:
        conds.append("date <= ?")
        params.append(q.until)
    if q.text:
        conds.append("event_id IN (SELECT event_id FROM mentions WHERE evidence_text LIKE ? ESCAPE '\\')")
        params.append(f"%{like_literal(q.text)}%")
    if not q.include_background:
        conds.append("NOT background")
    return (" WHERE " + " AND ".join(conds)) if conds else "", params
