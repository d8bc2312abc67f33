"""HTTP API (FastAPI) and the page at ``/``.  Read-only on the store."""

from __future__ import annotations

import html
from dataclasses import asdict
from datetime import date as Date

from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse

from marsad.config import Settings
from marsad.store.store import EventQuery, Store


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(title="Marsad API", version="0.1.0",
                  description="Events coded from Arabic news (CAMEO/PLOVER) with their Arabic evidence.")

    def store() -> Store:
        return Store(settings.db_path, settings, read_only=True)

    @app.get("/health")
    def health() -> dict:
        with store() as s:
            return {"status": "ok", **s.counts()}

    @app.get("/api/events")
    def events(actor: str | None = None, root: str | None = None, since: Date | None = None,
               until: Date | None = None, limit: int = Query(100, ge=1, le=1000),
               offset: int = Query(0, ge=0)) -> dict:
        q = EventQuery(actor=actor, root=root, since=since, until=until, limit=limit, offset=offset)
        with store() as s:
            rows = s.events(q)
        return {"events": [asdict(r) for r in rows]}

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        with store() as s:
            rows = s.events(EventQuery(limit=200))
        body = "".join(
            f"<tr><td>{html.escape(str(r.date or ''))}</td><td>{html.escape(r.source_code)}</td>"
            f"<td>{html.escape(r.target_code or '-')}</td><td>{html.escape(r.cameo)}</td>"
            f"<td dir='rtl'>{html.escape(r.evidence_text)}</td></tr>" for r in rows)
        return ("<!doctype html><meta charset='utf-8'><title>Marsad</title>"
                "<h1>Marsad events</h1><table border=1><tr><th>date</th><th>source</th><th>target</th>"
                f"<th>CAMEO</th><th>evidence</th></tr>{body}</table>")

    return app
