"""Write endpoints: ``POST /api/code`` (code, don't store) and ``POST /api/ingest`` (code and store).

* Token: ``Settings.api_token``.  When it is set, both endpoints need it, sent as
  ``Authorization: Bearer <token>`` or ``X-Marsad-Token: <token>`` (401 otherwise).
  When it is empty, ``/api/ingest`` is disabled (403) and ``/api/code`` is open
  (it stores nothing).
* Body: ``application/json`` (an object with ``text`` and optional ``id``, ``title``,
  ``date``, ``url``, ``outlet``) or ``text/plain`` (the article text; ``id``, ``title``,
  ``date`` as query parameters).  Other types → 415; bad JSON → 400; bad fields → 422;
  larger than ``api_max_body`` → 413 (see :mod:`marsad.api.errors`).
* Coding runs in worker processes with a bounded queue (:mod:`marsad.api.coding`): when it
  is full the answer is 503 ``coder_busy`` with ``Retry-After``.
"""

from __future__ import annotations

import hmac
import json
import re
from typing import Any

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from marsad.api.errors import ApiError
from marsad.api.models import ArticleIn, CodeOut, ErrorOut, IngestOut
from marsad.document import Article, Document
from marsad.errors import InputError
from marsad.ingest.readers import parse_date

SURROGATE = re.compile("[\ud800-\udfff]")
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 409, 413, 415, 422, 503)}
ERRORS[503] = {"model": ErrorOut, "description": "The store or the coder is busy or unavailable "
               "(`coder_busy` comes with a `Retry-After` header)."}
BODY_DOC = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": ArticleIn.model_json_schema()},
    "text/plain": {"schema": {"type": "string"}}}}}


def check_token(request: Request, for_ingest: bool) -> None:
    token = request.app.state.settings.api_token
    if not token:
        if for_ingest:
            raise ApiError(403, "writes_disabled",
                           "POST /api/ingest is disabled: set MARSAD_API_TOKEN to enable it")
        return
    auth = request.headers.get("authorization", "")
    given = auth[7:].strip() if auth.lower().startswith("bearer ") else request.headers.get("x-marsad-token", "")
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "unauthorized", "missing or wrong API token (Authorization: Bearer <token>)")


async def read_article(request: Request) -> Article:
    """The posted article, from a JSON object or a plain-text body."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    if ctype == "application/json":
        try:
            obj = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError) as exc:  # bad UTF-8 or JSON, too deep, integers too long
            raise ApiError(400, "bad_json", f"malformed JSON body: {str(exc)[:200]}") from exc
        if not isinstance(obj, dict):
            raise ApiError(422, "invalid_request", "the JSON body must be an object with a 'text' field")
        try:
            body = ArticleIn.model_validate(obj)
        except ValidationError as exc:
            msg = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise ApiError(422, "invalid_request", msg) from exc
        fields = body.model_dump()
    elif ctype == "text/plain":
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ApiError(400, "bad_encoding", "the text body must be UTF-8") from exc
        qp = request.query_params
        fields = {"text": text, "id": qp.get("id"), "title": qp.get("title"), "date": qp.get("date")}
    else:
        raise ApiError(415, "unsupported_media_type", "send application/json or text/plain")
    for name, value in fields.items():
        if isinstance(value, str) and SURROGATE.search(value):
            raise ApiError(422, "invalid_request", f"{name}: lone UTF-16 surrogate (\\ud800-\\udfff) in a string")
    return _article(fields)


def _article(f: dict[str, Any]) -> Article:
    if f.get("date") and parse_date(f["date"]) is None:
        raise ApiError(422, "invalid_request", f"date: not an ISO date (YYYY-MM-DD): {f['date']!r}")
    return Article(id=f.get("id") or "posted", text=f["text"], title=f.get("title"),
                   date=parse_date(f.get("date")), url=f.get("url"), outlet=f.get("outlet"))


async def _coded(request: Request, article: Article, whole: bool) -> Any:
    """The article coded by the app's :class:`~marsad.api.coding.CodingPool` (503 when it is full)."""
    pool = request.app.state.coding
    try:
        return await (pool.document(article) if whole else pool.events(article))
    except InputError as exc:
        raise ApiError(422, "invalid_request", str(exc)) from exc


def _rejected(doc: Document) -> dict[str, Any] | None:
    return doc.to_dict().get("rejected")


def build_router() -> APIRouter:
    r = APIRouter(tags=["write"])

    async def code(request: Request) -> dict[str, Any]:
        """Code a posted article and return its events (nothing is stored)."""
        check_token(request, for_ingest=False)
        article = await read_article(request)
        events, rejected = await _coded(request, article, whole=False)
        return {"id": article.id, "events": events, "rejected": rejected, "content_hash": article.content_hash}

    async def ingest(request: Request) -> dict[str, Any]:
        """Code a posted article and store it (needs the API token; 409 if another process writes)."""
        check_token(request, for_ingest=True)
        article = await read_article(request)
        doc = await _coded(request, article, whole=True)
        stats = await run_in_threadpool(_store, request, doc)
        return {"id": article.id, "content_hash": article.content_hash, "stored": stats.articles > 0,
                "events": stats.events, "rejected": _rejected(doc)}

    for path, hidden in (("/api", False), ("", True)):
        r.add_api_route(f"{path}/code", code, methods=["POST"], response_model=CodeOut, responses=ERRORS,
                        openapi_extra=BODY_DOC, include_in_schema=not hidden, name=f"code{path}")
        r.add_api_route(f"{path}/ingest", ingest, methods=["POST"], response_model=IngestOut,
                        responses=ERRORS, openapi_extra=BODY_DOC, include_in_schema=not hidden,
                        name=f"ingest{path}")
    return r


def _store(request: Request, doc: Document) -> Any:
    with request.app.state.access.writer() as store:
        return store.ingest([doc])
