"""Response and request bodies of the API (pydantic), so /docs and /openapi.json describe them.

Event rows and timeline points are the store's own row types (:class:`~marsad.store.query.EventRow`,
:class:`~marsad.store.tension.TensionPoint`): their models are built from those dataclasses'
fields, so a column added to the store appears in the API's schema without being repeated here.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, get_type_hints

from pydantic import BaseModel, Field, create_model

from marsad.store.query import EventRow
from marsad.store.tension import TensionPoint


class ErrorInfo(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. `not_found`, `body_too_large`.")
    message: str
    detail: Any = None


class ErrorOut(BaseModel):
    error: ErrorInfo


class Health(BaseModel):
    status: str
    store: str
    articles: int
    mentions: int
    events: int
    rejections: int
    writes_enabled: bool


def _row_fields(row: type, described: dict[str, str] | None = None) -> dict[str, Any]:
    """The fields of one of the store's row dataclasses (names, types, order) for ``create_model``."""
    hints = get_type_hints(row)
    described = described or {}
    return {f.name: (hints[f.name], Field(description=described[f.name]) if f.name in described else ...)
            for f in fields(row)}


def _with(base: dict[str, Any], after: str, extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` with the ``extra`` fields inserted after the field ``after``."""
    out: dict[str, Any] = {}
    for name, spec in base.items():
        out[name] = spec
        if name == after:
            out.update(extra)
    return out


# One ``events`` row as the store returns it (:class:`marsad.store.query.EventRow`), with the CAMEO names.
EventOut = create_model("EventOut", __doc__="An event (a row of the store's `events` table).", **_with(
    _row_fields(EventRow, {"date": "Event date, YYYY-MM-DD.",
                           "evidence_text": "Evidence sentence of the event's first mention."}),
    "cameo", {"cameo_name": (str | None, Field(description="English name of the CAMEO code.")),
              "cameo_name_ar": (str | None, Field(description="Arabic name of the CAMEO code."))}))


class EventPage(BaseModel):
    total: int = Field(description="Number of events matching the filters.")
    limit: int
    offset: int
    events: list[EventOut]  # type: ignore[valid-type]


class EventDetail(BaseModel):
    event: dict[str, Any] = Field(description="The `events` row (all columns).")
    labels: dict[str, Any] = Field(description="English and Arabic names of the CAMEO code and its root.")
    mentions: list[dict[str, Any]] = Field(
        description="Every mention of the event with its article, actor/trigger/evidence/place spans.")


class ArticleDetail(BaseModel):
    article: dict[str, Any] = Field(description="Article metadata and its raw `text`.")
    mentions: list[dict[str, Any]] = Field(description="Events coded in the article; spans index `text`.")
    labels: dict[str, dict[str, Any]] = Field(description="CAMEO code → English/Arabic names.")


# One period of a tension index (:class:`marsad.store.tension.TensionPoint`), with cooperation = QuadClass 1 + 2.
TimelinePoint = create_model("TimelinePoint", __doc__="One period of a timeline.", **_with(
    _row_fields(TensionPoint, {
        "period": "First day of the period (weeks start on Monday).",
        "conflict": "QuadClass 3 + 4.",
        "balance": "(cooperation - conflict) / (cooperation + conflict).",
        "baseline": "Trailing mean of conflict counts (dyads only).",
        "threshold": "Conflict count above which tension is rising.",
        "rising": "Conflict above its trailing baseline (the tension signal)."}),
    "material_conflict", {"cooperation": (int, Field(description="QuadClass 1 + 2."))}))


class Timeline(BaseModel):
    a: str
    b: str | None
    interval: str
    points: list[TimelinePoint]  # type: ignore[valid-type]


class TopActor(BaseModel):
    code: str
    name: str | None
    events: int
    mentions: int
    conflict: int
    goldstein_mean: float | None


class TopDyad(BaseModel):
    a: str
    b: str
    events: int
    mentions: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None


class MapPoint(BaseModel):
    lat: float
    lon: float
    name: str | None
    country: str | None
    events: int
    mentions: int
    q1: int
    q2: int
    q3: int
    q4: int
    goldstein_mean: float | None


class CameoLabel(BaseModel):
    code: str
    root: str
    name: str
    name_ar: str | None
    goldstein: float
    quad: int
    plover_type: str | None


class ActorCode(BaseModel):
    code: str
    name: str | None
    mentions: int


class ArticleIn(BaseModel):
    text: str = Field(description="The article's Arabic text.")
    id: str | None = None
    title: str | None = None
    date: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    url: str | None = None
    outlet: str | None = None


class CodeOut(BaseModel):
    id: str
    events: list[dict[str, Any]]
    rejected: dict[str, Any] | None = None
    content_hash: str


class IngestOut(BaseModel):
    id: str
    content_hash: str
    stored: bool = Field(description="False when the same content was already in the store.")
    events: int
    rejected: dict[str, Any] | None = None
