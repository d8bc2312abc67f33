"""Read endpoints: events, one event, one article, dyad timelines, top actors/dyads, map, labels."""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date as Date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BeforeValidator

from marsad.api import queries
from marsad.api.errors import ApiError
from marsad.api.labels import Labels
from marsad.api.models import (
    ActorCode,
    ArticleDetail,
    CameoLabel,
    ErrorOut,
    EventDetail,
    EventPage,
    Health,
    MapPoint,
    Timeline,
    TopActor,
    TopDyad,
)
from marsad.store.store import ORDERS, EventQuery

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (404, 422, 503, 504)}
CODE_RE = r"^[A-Za-z0-9:_\-]{1,40}$"


class Order(StrEnum):
    date_desc = "date_desc"
    date_asc = "date_asc"
    mentions_desc = "mentions_desc"
    goldstein_asc = "goldstein_asc"
    goldstein_desc = "goldstein_desc"


assert {o.value for o in Order} == set(ORDERS)


class Interval(StrEnum):
    day = "day"
    week = "week"
    month = "month"


Code = Annotated[str | None, Query(pattern=CODE_RE, description="Actor code: ISO3, IGO:X or NSA:X.")]
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_only(v: Any) -> Any:
    """Accept only YYYY-MM-DD strings (pydantic alone would read "0" as a Unix timestamp)."""
    if isinstance(v, str) and not ISO_DATE.match(v):
        raise ValueError("expected a date as YYYY-MM-DD")
    return v


Since = Annotated[Date | None, BeforeValidator(_iso_only),
                  Query(description="First day (inclusive), YYYY-MM-DD.")]
Until = Annotated[Date | None, BeforeValidator(_iso_only),
                  Query(description="Last day (inclusive), YYYY-MM-DD.")]


def event_filters(
    actor: Code = None,
    dyad: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9:_\-]{1,40},[A-Za-z0-9:_\-]{1,40}$",
                                      description="Two actor codes `A,B`; both directions.")] = None,
    root: Annotated[str | None, Query(pattern=r"^[0-9]{1,2}$", description="CAMEO root, 01-20.")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4.")] = None,
    plover_type: Annotated[str | None, Query(max_length=40, description="PLOVER event type.")] = None,
    country: Annotated[str | None, Query(max_length=10, description="ISO3 of the event's place.")] = None,
    place: Annotated[str | None, Query(max_length=100, description="Place name contains.")] = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in an evidence sentence.")] = None,
    background: Annotated[bool, Query(description="Include background (recalled) events.")] = True,
) -> EventQuery:
    pair = tuple(dyad.split(",", 1)) if dyad else None
    return EventQuery(actor=actor, dyad=pair, root=root, quad=quad, plover_type=plover_type,  # type: ignore[arg-type]
                      country=country, place=place, since=since, until=until, text=q or None,
                      include_background=background)


Filters = Annotated[EventQuery, Depends(event_filters)]


def _access(request: Request) -> Any:
    return request.app.state.access


def _labels(request: Request) -> Labels:
    return request.app.state.labels


def _cached(request: Request, compute: Any) -> Any:
    """The response for this path and query string, computed once until the store changes."""
    return _access(request).cached((request.url.path, request.url.query), compute)


def build_router() -> APIRouter:
    r = APIRouter()

    @r.get("/health", response_model=Health, tags=["meta"], responses=ERRORS)
    def health(request: Request) -> dict[str, Any]:
        """Store counts; 503 when the store cannot be opened."""
        with _access(request).reader() as s:
            counts = s.counts()
        return {"status": "ok", "store": str(request.app.state.settings.db_path),
                "writes_enabled": bool(request.app.state.settings.api_token), **counts}

    @r.get("/api/events", response_model=EventPage, tags=["events"], responses=ERRORS)
    def events(request: Request, f: Filters, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
               offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0, order: Order = Order.date_desc,
               ) -> dict[str, Any]:
        """Events matching all the given filters, one page at a time."""
        f.limit, f.offset, f.order = limit, offset, order.value

        def compute() -> dict[str, Any]:
            with _access(request).reader() as s:
                rows = s.events(f)
                total = s.count_events(f)
            labels = _labels(request)
            return {"total": total, "limit": limit, "offset": offset,
                    "events": [labels.event_row(asdict(row)) for row in rows]}
        return _cached(request, compute)

    @r.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"], responses=ERRORS)
    def event(request: Request, event_id: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
        """One event with every mention (article, offsets of actors, trigger, evidence, place)."""
        def compute() -> dict[str, Any]:
            with _access(request).reader() as s:
                out = queries.event_detail(s, event_id)
            if out is None:
                raise ApiError(404, "not_found", f"no event {event_id!r}")
            out["labels"] = _labels(request).code(out["event"]["cameo"])
            return out
        return _cached(request, compute)

    @r.get("/api/articles/{key}", response_model=ArticleDetail, tags=["articles"], responses=ERRORS)
    def article(request: Request, key: Annotated[str, Path(max_length=200,
                description="Content hash, or the article's id.")]) -> dict[str, Any]:
        """An article's text with its coded events; spans are offsets into `article.text`."""
        def compute() -> dict[str, Any]:
            with _access(request).reader() as s:
                out = queries.article_detail(s, key)
            if out is None:
                raise ApiError(404, "not_found", f"no article {key!r}")
            labels = _labels(request)
            out["labels"] = {m["cameo"]: labels.code(m["cameo"]) for m in out["mentions"]}
            return out
        return _cached(request, compute)

    @r.get("/api/timeline", response_model=Timeline, tags=["dyads"], responses=ERRORS)
    def timeline(request: Request, a: Annotated[str, Query(pattern=CODE_RE)], b: Code = None,
                 since: Since = None, until: Until = None, interval: Interval = Interval.month,
                 ) -> dict[str, Any]:
        """Tension index of a dyad (both directions; conflict vs cooperation, Goldstein, rising signal),
        or the same counts for all events of one actor when `b` is omitted."""
        def compute() -> dict[str, Any]:
            with _access(request).reader() as s:
                if b:
                    points = queries.tension_points(s, a, b, since, until, interval.value)
                else:
                    points = queries.actor_timeline(s, a, since, until, interval.value)
            return {"a": a, "b": b, "interval": interval.value, "points": points}
        return _cached(request, compute)

    @r.get("/api/top/actors", response_model=list[TopActor], tags=["dyads"], responses=ERRORS)
    def top_actors(request: Request, since: Since = None, until: Until = None,
                   limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:
        """Actors with the most events in the period."""
        def compute() -> list[dict[str, Any]]:
            with _access(request).reader() as s:
                return queries.top_actors(s, since, until, limit)
        return _cached(request, compute)

    @r.get("/api/top/dyads", response_model=list[TopDyad], tags=["dyads"], responses=ERRORS)
    def top_dyads(request: Request, since: Since = None, until: Until = None,
                  limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:
        """Dyads (unordered pairs) with the most events in the period."""
        def compute() -> list[dict[str, Any]]:
            with _access(request).reader() as s:
                return queries.top_dyads(s, since, until, limit)
        return _cached(request, compute)

    @r.get("/api/map", response_model=list[MapPoint], tags=["events"], responses=ERRORS)
    def map_points(request: Request, f: Filters,
                   limit: Annotated[int, Query(ge=1, le=20000)] = 5000) -> list[dict[str, Any]]:
        """Events with a place, grouped by place: counts per QuadClass and mentions."""
        def compute() -> list[dict[str, Any]]:
            with _access(request).reader() as s:
                return queries.map_points(s, f, limit)
        return _cached(request, compute)

    @r.get("/api/actors", response_model=list[ActorCode], tags=["meta"], responses=ERRORS)
    def actors(request: Request, prefix: Annotated[str, Query(max_length=40)] = "",
               limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[dict[str, Any]]:
        """Actor codes in the store starting with `prefix`, most mentioned first."""
        def compute() -> list[dict[str, Any]]:
            with _access(request).reader() as s:
                return queries.actor_codes(s, prefix, limit)
        return _cached(request, compute)

    @r.get("/api/cameo", response_model=list[CameoLabel], tags=["meta"])
    def cameo(request: Request) -> list[dict[str, Any]]:
        """Every CAMEO code with English and Arabic names, Goldstein, QuadClass and PLOVER type."""
        return _labels(request).all()

    return r
