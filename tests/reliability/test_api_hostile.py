"""Hostile requests to the HTTP API: injection, traversal, oversized/malformed bodies, tokens, binding.

Every answer must be a deliberate status (never 500), every error a JSON body, and the store must
be unchanged afterwards.  A slow-client (slowloris) test against a real uvicorn is in the slow suite.
"""

from __future__ import annotations

import inspect
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

from storefix import build_store  # noqa: E402

from marsad.api.app import create_app  # noqa: E402
from marsad.config import Settings  # noqa: E402

INJECTIONS = [
    "' OR '1'='1", "' OR 1=1 --", "1; DROP TABLE events; --", "\" OR \"\"=\"", "') OR ('a'='a",
    "' UNION SELECT content_hash, text FROM articles --", "' || (SELECT text FROM articles LIMIT 1) || '",
    "1 OR 1=1", "*/ DROP TABLE articles; /*", "$$; DROP TABLE mentions; $$", "EGY' --", "EGY\x00",
    "1e309", "-1", "99999999999999999999999", "NaN", "../../etc/passwd", "%2e%2e%2f", "<iframe src=javascript:1>", "مصر' --",
]
EVENT_PARAMS = ["actor", "dyad", "root", "quad", "plover_type", "country", "place", "since", "until", "q",
                "background", "limit", "offset", "order"]
# String filters that are compared or matched, never parsed: an injection must simply match nothing.
FREE_TEXT = {"plover_type", "country", "place", "q"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("hostile") / "h.duckdb")


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db_path=str(store))), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def token_client(store: Path) -> Iterator[TestClient]:
    settings = Settings(db_path=str(store), api_token="s3cret-token", api_max_body=50_000)
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def counts(client: TestClient) -> dict:
    out = client.get("/health").json()
    return {k: out[k] for k in ("articles", "mentions", "events", "rejections")}


def is_json_error(resp) -> bool:
    body = resp.json()
    return isinstance(body, dict) and "error" in body and body["error"]["code"] and body["error"]["message"]


@pytest.mark.parametrize("param", EVENT_PARAMS)
def test_sql_injection_in_every_event_filter_is_refused_or_matches_nothing(client, param):
    before = counts(client)
    for payload in INJECTIONS:
        for path in ("/api/events", "/api/map"):
            r = client.get(path, params={param: payload})
            assert r.status_code in (200, 422), (param, payload, r.status_code, r.text[:300])
            if r.status_code == 422:
                assert is_json_error(r)
            elif param in FREE_TEXT and path == "/api/events":
                assert r.json()["total"] == 0, (param, payload)
    assert counts(client) == before


@pytest.mark.parametrize("path,params", [
    ("/api/timeline", {"a": "EGY", "b": None}), ("/api/timeline", {"a": None}),
    ("/api/top/actors", {"since": None}), ("/api/top/dyads", {"until": None}),
    ("/api/actors", {"prefix": None}), ("/api/events", {"order": None}),
])
def test_sql_injection_in_other_parameters(client, path, params):
    before = counts(client)
    for payload in INJECTIONS:
        q = {k: (payload if v is None else v) for k, v in params.items()}
        r = client.get(path, params=q)
        assert r.status_code in (200, 422), (path, q, r.status_code, r.text[:300])
        if path == "/api/actors" and r.status_code == 200:
            assert r.json() == []
    assert counts(client) == before


@pytest.mark.parametrize("prefix", ["/api/events/", "/api/articles/"])
def test_sql_injection_and_traversal_in_path_parameters(client, prefix):
    before = counts(client)
    for payload in [*INJECTIONS, "..%2F..%2Fetc%2Fpasswd", "%00", "a" * 500]:
        r = client.get(prefix + quote(payload, safe="%"))
        assert r.status_code in (404, 422), (payload, r.status_code, r.text[:200])
        assert is_json_error(r)
    assert counts(client) == before


TRAVERSALS = [
    "/static/../../../../etc/passwd", "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/%2e%2e%2f%2e%2e%2fapi%2fapp.py",
    "/static/....//....//etc/passwd", "/static/..\\..\\api\\app.py", "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static//etc/passwd", "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/static/../api/app.py",
    "/static/index.html%00.js", "/..%2f..%2fetc/passwd", "/api/../../etc/passwd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_never_serves_files_outside_static(client, path):
    r = client.get(path)
    assert r.status_code in (400, 404, 405), (path, r.status_code)
    assert b"root:" not in r.content and b"create_app" not in r.content


def test_static_files_are_served_with_nosniff_and_csp(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in r.headers["content-security-policy"]


@pytest.mark.parametrize("body,ctype,status", [
    (b"{", "application/json", 400),
    (b'{"text": "\xff\xfe"}', "application/json", 400),
    (b"[1, 2]", "application/json", 422),
    (b'"just a string"', "application/json", 422),
    (b'{"text": 5}', "application/json", 422),
    (b'{"text": "x", "date": "not a date"}', "application/json", 422),
    (b'{"text": "' + b"1" * 5000 + b'"}', "application/json", 200),
    (b"<xml/>", "application/xml", 415),
    (b"text=abc", "application/x-www-form-urlencoded", 415),
    (b"abc", "", 415),
    (b"\xff\xfe", "text/plain", 400),
    (b"", "application/json", 400),
])
def test_malformed_bodies_and_wrong_content_types(client, body, ctype, status):
    headers = {"content-type": ctype} if ctype else {}
    r = client.post("/api/code", content=body, headers=headers)
    assert r.status_code == status, (body[:40], ctype, r.status_code, r.text[:300])
    if status != 200:
        assert is_json_error(r)


@pytest.mark.parametrize("body", [b"[" * 100_000, b'{"id": ' + b"1" * 5000 + b', "text": "x"}'])
def test_json_bodies_json_loads_cannot_decode_are_400(client, body):
    r = client.post("/api/code", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400 and is_json_error(r), (r.status_code, r.text[:200])


@pytest.mark.parametrize("body", [
    b'{"text": "\\ud800 \xd8\xa3\xd8\xaf\xd8\xa7\xd9\x86\xd8\xaa \xd9\x85\xd8\xb5\xd8\xb1 \xd8\xa7\xd9\x84\xd9\x82\xd8\xb5\xd9\x81"}',
    b'{"id": "\\udfff", "text": "\xd8\xa3\xd8\xaf\xd8\xa7\xd9\x86\xd8\xaa \xd9\x85\xd8\xb5\xd8\xb1"}',
    b'{"title": "\\ud83d", "text": "\xd8\xa3\xd8\xaf\xd8\xa7\xd9\x86\xd8\xaa \xd9\x85\xd8\xb5\xd8\xb1"}',
])
def test_lone_surrogate_escapes_in_json_bodies_are_not_a_500(client, body):
    r = client.post("/api/code", content=body, headers={"content-type": "application/json"})
    assert r.status_code in (200, 400, 422), (r.status_code, r.text[:300])
    r.content.decode("utf-8")


def test_oversized_bodies_are_413_with_or_without_content_length(token_client):
    auth = {"authorization": "Bearer s3cret-token"}
    big = json.dumps({"text": "مصر " * 20_000}).encode()
    r = token_client.post("/api/code", content=big, headers={**auth, "content-type": "application/json"})
    assert r.status_code == 413 and is_json_error(r)

    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            yield b"x" * 1000

    r = token_client.post("/api/code", content=chunks(), headers={**auth, "content-type": "text/plain"})
    assert r.status_code == 413 and is_json_error(r)
    r = token_client.post("/api/code", content=b"x", headers={**auth, "content-type": "text/plain",
                                                                  "content-length": "999999999999"})
    assert r.status_code in (400, 413)


@pytest.mark.parametrize("headers", [
    {}, {"authorization": "Bearer wrong"}, {"authorization": "Bearer "}, {"authorization": "s3cret-token"},
    {"authorization": "Basic czNjcmV0LXRva2Vu"}, {"x-marsad-token": "S3CRET-TOKEN"},
    {"x-marsad-token": "s3cret-token\x00"}, {"authorization": "Bearer s3cret-token-and-more"},
    {"x-marsad-token": "s3cret-toke"},
])
@pytest.mark.parametrize("path", ["/api/code", "/api/ingest", "/code", "/ingest"])
def test_write_endpoints_need_the_token_when_one_is_configured(token_client, headers, path):
    before = counts(token_client)
    r = token_client.post(path, json={"text": "أدانت مصر القصف الإسرائيلي على رفح جنوب قطاع غزة"},
                          headers=headers)
    assert r.status_code == 401 and is_json_error(r), (headers, r.status_code)
    r = token_client.post(path + "?token=s3cret-token", json={"text": "أدانت مصر القصف"})
    assert r.status_code == 401
    assert counts(token_client) == before


def test_ingest_is_disabled_without_a_token_and_reads_refuse_writes(client):
    before = counts(client)
    for path in ("/api/ingest", "/ingest"):
        r = client.post(path, json={"text": "أدانت مصر القصف الإسرائيلي على رفح جنوب قطاع غزة"},
                        headers={"authorization": "Bearer anything"})
        assert r.status_code == 403 and is_json_error(r)
    for method in ("put", "delete", "patch"):
        r = getattr(client, method)("/api/events")
        assert r.status_code == 405
    assert counts(client) == before


def test_huge_query_strings_and_headers_are_refused_or_ignored(client):
    r = client.get("/api/events", params={"q": "x" * 20_000})
    assert r.status_code == 422 and is_json_error(r)
    r = client.get("/api/events", params=[("actor", "EGY")] * 2000)
    assert r.status_code in (200, 422)
    r = client.get("/health", headers={f"x-h{i}": "v" * 100 for i in range(200)})
    assert r.status_code == 200


def test_default_bind_is_loopback():
    from marsad.cli import main

    for cmd in (main.serve_cmd,):
        host = inspect.signature(cmd).parameters["host"].default
        assert host == "127.0.0.1"
    assert Settings().api_token == ""


def test_serve_bounds_request_headers(monkeypatch):
    import uvicorn

    from marsad.api.http import BoundedHttpToolsProtocol
    from marsad.cli import commands

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    commands.run_serve(Settings(db_path=":memory:"), "127.0.0.1", 0)
    assert seen["host"] == "127.0.0.1"
    assert seen["http"] is BoundedHttpToolsProtocol and 0 < BoundedHttpToolsProtocol.max_head <= 64 * 1024


class _RecordingCon:
    """A DuckDB connection proxy that records the SQL text of every statement."""

    def __init__(self, con, log: list[str]) -> None:
        self._con, self._log = con, log

    def execute(self, sql, *args, **kwargs):
        self._log.append(str(sql))
        return self._con.execute(sql, *args, **kwargs)

    def cursor(self):  # the API's readers use pooled connections made by cursor()
        return _RecordingCon(self._con.cursor(), self._log)

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_no_request_value_reaches_the_sql_text(store, monkeypatch):
    import marsad.api.db as db
    from marsad.store.store import Store

    log: list[str] = []

    class RecordingStore(Store):
        def __init__(self, *a, **kw) -> None:
            super().__init__(*a, **kw)
            self.con = _RecordingCon(self.con, log)

    monkeypatch.setattr(db, "Store", RecordingStore)
    marker = "zq' OR 'zq'='zq"
    with TestClient(create_app(Settings(db_path=str(store))), raise_server_exceptions=False) as c:
        for param in ("actor", "plover_type", "country", "place", "q"):
            c.get("/api/events", params={param: marker})
            c.get("/api/map", params={param: marker})
        c.get("/api/actors", params={"prefix": marker})
        c.get("/api/events/" + quote(marker, safe=""))
        c.get("/api/articles/" + quote(marker, safe=""))
        c.get("/api/timeline", params={"a": "EGY", "b": "ISR", "since": "2024-01-01"})
    assert log, "no statement was recorded"
    assert not [sql for sql in log if "zq" in sql]
