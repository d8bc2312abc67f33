"""Read endpoints: events, one event, one article, dyad timelines, top actors/dyads, map, labels."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Hashable
from dataclasses import astuple, replace
from datetime import date as Date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BeforeValidator, TypeAdapter
from starlette.types import ASGIApp, Receive, Scope, Send

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
from marsad.store.query import ORDERS, EventQuery

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (404, 422, 503, 504)}
CODE_RE = r"^[A-Za-z0-9:_\-]{1,40}$"
HIT = {"X-Cache": "hit"}  # answered from the read cache (a miss says "miss")


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


async def event_filters(
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


def cache_key(scope: Scope) -> tuple[str, bytes]:
    """A read's cache key: its path and raw query string."""
    return scope["path"], scope["query_string"]


def query_key(path: str, f: EventQuery) -> tuple[Hashable, ...]:
    """The canonical cache key of an event filter: the parsed values, so that parameters in another
    order or spelled out at their defaults share one entry, and a dyad ``A,B`` and ``B,A`` too (the
    filter takes both directions, so both give the same events)."""
    return (path, *astuple(replace(f, dyad=tuple(sorted(f.dyad)) if f.dyad else None)))


async def _cached(request: Request, adapter: TypeAdapter, compute: Callable[[], Any],
                  key: Hashable | None = None) -> Response:
    """The JSON response for this path and query string, computed once until the store changes.

    Repeated requests are answered by :class:`CachedReads` before routing.  A miss runs
    ``compute`` (store queries), validates the value against the endpoint's response model and
    serializes it, all in a read thread (so the event loop keeps answering cached requests
    meanwhile), and keeps the bytes; see :meth:`~marsad.api.db.StoreAccess.computed`.  With a
    canonical ``key`` (:func:`query_key`) the body is computed once for every request with that
    key and kept under the request's own key too.
    """
    access = _access(request)
    own = cache_key(request.scope)
    body = access.cache_get(own) if key is None else access.cache_alias(own, key)
    if body is not None:
        return Response(body, media_type="application/json", headers=HIT)

    def serialized() -> bytes:
        return adapter.dump_json(adapter.validate_python(compute()))
    body = await access.computed(key or own, serialized, alias=own if key is not None else None)
    return Response(body, media_type="application/json", headers={"X-Cache": "miss"})


class CachedReads:
    """ASGI middleware: a GET whose exact path and query string is in the read cache is answered
    from it without routing, parameter validation or a thread hop (about a third of the CPU time
    of a cached request through FastAPI).  Only successful responses are cached, so the answer
    is the one the endpoint gave."""

    def __init__(self, app: ASGIApp, access: Any) -> None:
        self.app, self.access = app, access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            body = self.access.cache_get(cache_key(scope))
            if body is not None:
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-length", str(len(body)).encode()),
                                        (b"content-type", b"application/json"), (b"x-cache", b"hit")]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def build_router() -> APIRouter:
    r = APIRouter()
    A = {name: TypeAdapter(model) for name, model in (
        ("Health", Health), ("EventPage", EventPage), ("EventDetail", EventDetail), ("ArticleDetail", ArticleDetail),
        ("Timeline", Timeline), ("list[TopActor]", list[TopActor]), ("list[TopDyad]", list[TopDyad]),
        ("list[MapPoint]", list[MapPoint]), ("list[ActorCode]", list[ActorCode]),
        ("list[CameoLabel]", list[CameoLabel]))}

    @r.get("/health", response_model=Health, tags=["meta"], responses=ERRORS)
    async def health(request: Request) -> Response:
        """Store counts; 503 when the store cannot be opened."""
        def compute() -> dict[str, Any]:
            with _access(request).reader() as s:
                counts = s.counts()
            return {"status": "ok", "store": str(request.app.state.settings.db_path),
                    "writes_enabled": bool(request.app.state.settings.api_token), **counts}
        return await _cached(request, A["Health"], compute)

    @r.get("/api/events", response_model=EventPage, tags=["events"], responses=ERRORS)
    async def events(request: Request, f: Filters, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
               offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0, order: Order = Order.date_desc,
               ) -> Response:
        """Events matching all the given filters, one page at a time."""
        f.limit, f.offset, f.order = limit, offset, order.value

        def compute() -> dict[str, Any]:
            with _access(request).reader() as s:
                rows, total = queries.event_page(s, f)
            labels = _labels(request)
            return {"total": total, "limit": limit, "offset": offset,
                    "events": [labels.event_row(queries.flat(row)) for row in rows]}
        return await _cached(request, A["EventPage"], compute, query_key("events", f))

    @r.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"], responses=ERRORS)
    async def event(request: Request, event_id: Annotated[str, Path(max_length=100)]) -> Response:
        """One event with every mention (article, offsets of actors, trigger, evidence, place)."""
        def compute() -> dict[str, Any]:
            with _access(request).reader() as s:
                out = queries.event_detail(s, event_id)
            if out is None:
                raise ApiError(404, "not_found", f"no event {event_id!r}")
            out["labels"] = _labels(request).code(out["event"]["cameo"])
            return out
        return await _cached(request, A["EventDetail"], compute)

    @r.get("/api/articles/{key}", response_model=ArticleDetail, tags=["articles"], responses=ERRORS)
    async def article(request: Request, key: Annotated[str, Path(max_length=200,
                description="Content hash, or the article's id.")]) -> Response:
        """An article's text with its coded events; spans are offsets into `article.text`."""
        def compute() -> dict[str, Any]:
            with _access(request).reader() as s:
                out = queries.article_detail(s, key)
            if out is None:
                raise ApiError(404, "not_found", f"no article {key!r}")
            labels = _labels(request)
            out["labels"] = {m["cameo"]: labels.code(m["cameo"]) for m in out["mentions"]}
            return out
        return await _cached(request, A["ArticleDetail"], compute)

    @r.get("/api/timeline", response_model=Timeline, tags=["dyads"], responses=ERRORS)
    async def timeline(request: Request, a: Annotated[str, Query(pattern=CODE_RE)], b: Code = None,
                 since: Since = None, until: Until = None, interval: Interval = Interval.month,
                 ) -> Response:
        """Tension index of a dyad (both directions; conflict vs cooperation, Goldstein, rising signal),
        or the same counts for all events of one actor when `b` is omitted."""
        def points() -> bytes:
            with _access(request).reader() as s:
                if b:
                    out = queries.tension_points(s, a, b, since, until, interval.value)
                else:
                    out = queries.actor_timeline(s, a, since, until, interval.value)
            return json.dumps(out).encode()

        def compute() -> dict[str, Any]:
            # a dyad's points are the same for a=A&b=B and a=B&b=A (both directions count)
            pair = tuple(sorted((a, b))) if b else (a, None)
            shared = _access(request).memo(("timeline", *pair, since, until, interval.value), points)
            return {"a": a, "b": b, "interval": interval.value, "points": json.loads(shared)}
        return await _cached(request, A["Timeline"], compute)

    @r.get("/api/top/actors", response_model=list[TopActor], tags=["dyads"], responses=ERRORS)
    async def top_actors(request: Request, since: Since = None, until: Until = None,
                   limit: Annotated[int, Query(ge=1, le=200)] = 20) -> Response:
        """Actors with the most events in the period."""
        def compute() -> list[dict[str, Any]]:
            with _access(request).reader() as s:
                return queries.top_actors(s, since, until, limit)
        return await _cached(request, A["list[TopActor]"], compute)

    @r.get("/api/top/dyads", response_model=list[TopDyad], tags=["dyads"], responses=ERRORS)
    async def top_dyads(request: Request, since: Since = None, until: Until = None,
                  limit: Annotated[int, Query(ge=1, le=200)] = 20) -> Response:
        """Dyads (unordered pairs) with the most events in the period."""
        def compute() -> list[dict[str, Any]]:
            with _access(request).reader() as s:
                return queries.top_dyads(s, since, until, limit)
        return await _cached(request, A["list[TopDyad]"], compute)

    @r.get("/api/map", response_model=list[MapPoint], tags=["events"], responses=ERRORS)
    async def map_points(request: Request, f: Filters,
                   limit: Annotated[int, Query(ge=1, le=20000)] = 5000) -> Response:
        """Events with a place, grouped by place: counts per QuadClass and mentions."""
        def compute() -> list[dict[str, Any]]:
            with _access(request).reader() as s:
                return queries.map_points(s, f, limit)
        return await _cached(request, A["list[MapPoint]"], compute, (*query_key("map", f), limit))

    @r.get("/api/actors", response_model=list[ActorCode], tags=["meta"], responses=ERRORS)
    async def actors(request: Request, prefix: Annotated[str, Query(max_length=40)] = "",
               limit: Annotated[int, Query(ge=1, le=500)] = 50) -> Response:
        """Actor codes in the store starting with `prefix`, most mentioned first."""
        def compute() -> list[dict[str, Any]]:
            with _access(request).reader() as s:
                return queries.actor_codes(s, prefix, limit)
        return await _cached(request, A["list[ActorCode]"], compute)

    @r.get("/api/cameo", response_model=list[CameoLabel], tags=["meta"])
    async def cameo(request: Request) -> Response:
        """Every CAMEO code with English and Arabic names, Goldstein, QuadClass and PLOVER type."""
        return await _cached(request, A["list[CameoLabel]"], _labels(request).all)

    return r
