"""Fuzz the HTTP API in process (FastAPI TestClient): ``PYTHONPATH=src python fuzz/fuzz_api.py -runs=20000``.

Random POST /api/code bodies and content types, and random query strings on the read endpoints of an
empty store: any 5xx is a finding.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import quote

import atheris

with atheris.instrument_imports():
    from _common import fuzz, limited
    from fastapi.testclient import TestClient

    from marsad.api.app import create_app
    from marsad.config import Settings
    from marsad.store.store import Store

READS = ["/api/events", "/api/map", "/api/timeline", "/api/top/actors", "/api/top/dyads", "/api/actors",
         "/api/events/", "/api/articles/", "/static/", "/health"]
PARAMS = ["actor", "dyad", "root", "quad", "plover_type", "country", "place", "since", "until", "q", "limit",
          "offset", "order", "a", "b", "interval", "prefix", "background"]
CTYPES = ["application/json", "text/plain", "text/plain; charset=latin-1", "application/xml", "", "multipart/form-data"]
CLIENT: TestClient | None = None


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    if fdp.ConsumeBool():
        ctype = CTYPES[fdp.ConsumeIntInRange(0, len(CTYPES) - 1)]
        body = fdp.ConsumeBytes(fdp.remaining_bytes())
        r = limited(lambda: CLIENT.post("/api/code", content=body, headers={"content-type": ctype} if ctype else {}))
    else:
        path = READS[fdp.ConsumeIntInRange(0, len(READS) - 1)]
        if path.endswith("/"):
            path += quote(fdp.ConsumeUnicodeNoSurrogates(40), safe="/%")
        params = {PARAMS[fdp.ConsumeIntInRange(0, len(PARAMS) - 1)]: fdp.ConsumeUnicodeNoSurrogates(30)
                  for _ in range(fdp.ConsumeIntInRange(0, 4))}
        r = limited(lambda: CLIENT.get(path, params=params))
    assert r.status_code < 500, (r.status_code, r.text[:300])


def main() -> None:
    global CLIENT
    db = Path(tempfile.mkdtemp(prefix="marsad-fuzz-api-")) / "fuzz.duckdb"
    Store(db).close()
    CLIENT = TestClient(create_app(Settings(db_path=str(db)), code_workers=0), raise_server_exceptions=False)
    fuzz(one_input)


if __name__ == "__main__":
    main()
