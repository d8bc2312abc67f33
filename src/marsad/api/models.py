"""Response and request bodies of the API (pydantic), so /docs and /openapi.json describe them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


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


class EventOut(BaseModel):
    event_id: str
    date: str | None
    source_code: str
    source_agent: str | None
    source_name: str | None
    target_code: str | None
    target_agent: str | None
    target_name: str | None
    cameo: str
    cameo_name: str | None
    cameo_name_ar: str | None
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


class EventPage(BaseModel):
    total: int = Field(description="Number of events matching the filters.")
    limit: int
    offset: int
    events: list[EventOut]


class EventDetail(BaseModel):
    event: dict[str, Any] = Field(description="The `events` row (all columns).")
    labels: dict[str, Any] = Field(description="English and Arabic names of the CAMEO code and its root.")
    mentions: list[dict[str, Any]] = Field(
        description="Every mention of the event with its article, actor/trigger/evidence/place spans.")


class ArticleDetail(BaseModel):
    article: dict[str, Any] = Field(description="Article metadata and its raw `text`.")
    mentions: list[dict[str, Any]] = Field(description="Events coded in the article; spans index `text`.")
    labels: dict[str, dict[str, Any]] = Field(description="CAMEO code → English/Arabic names.")


class TimelinePoint(BaseModel):
    period: str = Field(description="First day of the period (weeks start on Monday).")
    events: int
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    cooperation: int = Field(description="QuadClass 1 + 2.")
    conflict: int = Field(description="QuadClass 3 + 4.")
    goldstein_sum: float
    goldstein_mean: float | None
    balance: float | None = Field(description="(cooperation - conflict) / (cooperation + conflict).")
    baseline: float | None = Field(description="Trailing mean of conflict counts (dyads only).")
    threshold: float | None = Field(description="Conflict count above which tension is rising.")
    rising: bool = Field(description="Conflict above its trailing baseline (the tension signal).")


class Timeline(BaseModel):
    a: str
    b: str | None
    interval: str
    points: list[TimelinePoint]


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
