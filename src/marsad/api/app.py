"""The HTTP API (FastAPI; OpenAPI at ``/docs`` and ``/openapi.json``) and the dashboard at ``/``.

Read-only on the store by default (see :mod:`marsad.api.db` for concurrency and
time limits, :mod:`marsad.api.write` for the token-protected write endpoints).
The dashboard is static HTML/JS/CSS from ``marsad/web/static`` (no CDN, no inline
script) that calls the JSON API.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from marsad.api import read, write
from marsad.api.coding import CodingPool
from marsad.api.db import StoreAccess
from marsad.api.errors import BodyLimitMiddleware, SecurityHeadersMiddleware, install_error_handlers
from marsad.api.labels import Labels
from marsad.config import Settings
from marsad.runtime import settle_gc

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
DESCRIPTION = """Events coded from Arabic news (CAMEO/PLOVER) with their Arabic evidence and character offsets.

Errors are JSON: `{"error": {"code": ..., "message": ...}}`.  Write endpoints (`POST /api/code`,
`POST /api/ingest`) need the token from `MARSAD_API_TOKEN` when it is set; with no token
`/api/ingest` is disabled and `/api/code` is open (it stores nothing)."""


def create_app(settings: Settings | None = None, code_workers: int | None = None,
               code_queue: int | None = None) -> FastAPI:
    """The API and dashboard for the store at ``settings.db_path``.

    ``code_workers`` processes code the posted articles (default: setting ``api_code_workers``;
    0 codes in a thread of this process), with at most ``code_queue`` articles per worker accepted
    at a time (default: setting ``api_code_queue``); see :mod:`marsad.api.coding`.
    """
    settings = settings or Settings()
    access = StoreAccess(settings)
    coding = CodingPool(settings, code_workers, code_queue)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Objects that live as long as the server (FastAPI, pydantic, DuckDB, labels: about 80k) are
        # moved out of the garbage collector's sight: a full collection walking them paused every
        # request for about 0.1 s under load.
        settle_gc()
        yield
        coding.close()
        access.shutdown()

    local_docs = _swagger_ui_path()
    app = FastAPI(title="Marsad API", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None if local_docs else "/docs")
    app.state.settings = settings
    app.state.access = access
    app.state.labels = Labels()
    app.state.coding = coding
    install_error_handlers(app)
    app.include_router(read.build_router())
    app.include_router(write.build_router())
    app.add_middleware(read.CachedReads, access=access)  # innermost: inside the security headers
    app.add_middleware(BodyLimitMiddleware, max_body=settings.api_max_body)
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")

    if local_docs:
        _local_docs(app, local_docs)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    return app


def _swagger_ui_path() -> Path | None:
    """Swagger UI shipped by the ``swagger-ui-bundle`` package, when installed (else FastAPI's CDN page)."""
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    return Path(swagger_ui_bundle.swagger_ui_path)


def _local_docs(app: FastAPI, assets: Path) -> None:
    """``/docs`` served offline from the installed Swagger UI assets."""
    app.mount("/docs-static", StaticFiles(directory=assets), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Marsad API",
                                   swagger_js_url="/docs-static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-static/swagger-ui.css",
                                   swagger_favicon_url="/docs-static/favicon-32x32.png")
