"""POST /api/code and /api/ingest: tokens, content types, body limits, JSON errors."""

from __future__ import annotations

import shutil

from marsad.store.store import Store

TEXT = ("القاهرة - أجرى وزير الخارجية المصري سامح شكري اتصالاً هاتفياً مع نظيره الأردني أيمن الصفدي "
        "تناول تطورات الأوضاع في قطاع غزة.")


def test_api_code_json_returns_events_without_storing(client):
    before = client.get("/health").json()["articles"]
    r = client.post("/api/code", json={"id": "p1", "text": TEXT, "date": "2024-03-11"})
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == "p1" and isinstance(body["events"], list) and body["content_hash"]
    for e in body["events"]:
        assert TEXT[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]
    assert client.get("/health").json()["articles"] == before


def test_api_code_plain_text_and_alias(client):
    r = client.post("/code", content=TEXT.encode(), headers={"content-type": "text/plain; charset=utf-8"},
                    params={"date": "2024-03-11", "id": "t1"})
    assert r.status_code == 200 and r.json()["id"] == "t1"


def test_api_code_rejection_is_reported(client):
    r = client.post("/api/code", json={"text": "hello world, this is not Arabic at all, sorry"})
    assert r.status_code == 200 and r.json()["rejected"]["code"] == "not_arabic"


def test_api_write_errors_are_json(client):
    cases = [
        (dict(content=b"{bad", headers={"content-type": "application/json"}), 400, "bad_json"),
        (dict(content=b"<a/>", headers={"content-type": "application/xml"}), 415, "unsupported_media_type"),
        (dict(json={"title": "no text"}), 422, "invalid_request"),
        (dict(json=["a list"]), 422, "invalid_request"),
        (dict(json={"text": TEXT, "date": "soon"}), 422, "invalid_request"),
        (dict(content=b"[" * 100_000, headers={"content-type": "application/json"}), 400, "bad_json"),
        (dict(content=b'{"id": ' + b"1" * 5000 + b', "text": "x"}', headers={"content-type": "application/json"}),
         400, "bad_json"),
        (dict(content=b'{"id": "\\udfff", "text": "x"}', headers={"content-type": "application/json"}),
         422, "invalid_request"),
    ]
    for kwargs, status, code in cases:
        r = client.post("/api/code", **kwargs)
        assert r.status_code == status, (kwargs, r.text)
        assert r.json()["error"]["code"] == code


def test_api_body_limit_is_413(make_client):
    c = make_client(api_max_body=1000)
    r = c.post("/api/code", content=("ا" * 2000).encode(), headers={"content-type": "text/plain"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "body_too_large"

    def chunks():  # no Content-Length: the limit applies to the streamed body
        for _ in range(10):
            yield ("ب" * 200).encode()

    r = c.post("/api/code", content=chunks(), headers={"content-type": "text/plain"})
    assert r.status_code == 413


def test_api_ingest_disabled_without_token(client):
    r = client.post("/api/ingest", json={"text": TEXT})
    assert r.status_code == 403 and r.json()["error"]["code"] == "writes_disabled"


def test_api_token_required_when_set(make_client):
    c = make_client(api_token="s3cret")
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"X-Marsad-Token": "nope"}):
        r = c.post("/api/code", json={"text": TEXT}, headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert c.post("/api/code", json={"text": TEXT}, headers={"X-Marsad-Token": "s3cret"}).status_code == 200
    assert c.get("/health").json()["writes_enabled"] is True


def test_api_ingest_stores_then_reads_see_it(make_client, api_store, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(api_store, db)
    c = make_client(db_path=str(db), api_token="tok", time_budget_ms=120_000)
    before = c.get("/health").json()["articles"]  # keeps the read-only instance open
    assert c.get("/api/articles/new1").status_code == 404
    total = c.get("/api/events", params={"limit": 1}).json()["total"]  # cached until the ingest
    auth = {"Authorization": "Bearer tok"}
    r = c.post("/api/ingest", json={"id": "new1", "text": TEXT + " خبر جديد", "date": "2024-03-12"}, headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["stored"] is True
    assert c.get("/health").json()["articles"] == before + 1
    again = c.post("/api/ingest", json={"id": "new1", "text": TEXT + " خبر جديد", "date": "2024-03-12"},
                   headers=auth).json()
    assert again["stored"] is False
    assert c.get("/api/articles/new1").status_code == 200
    assert c.get("/api/events", params={"limit": 1}).json()["total"] >= total


def test_api_ingest_conflicts_with_another_writer(make_client, api_store, tmp_path):
    db = tmp_path / "locked.duckdb"
    shutil.copy(api_store, db)
    c = make_client(db_path=str(db), api_token="tok")
    import subprocess
    import sys
    import time

    holder = subprocess.Popen([sys.executable, "-c",
                               f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('ok', flush=True); "
                               "time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        r = c.post("/api/ingest", json={"text": TEXT}, headers={"X-Marsad-Token": "tok"})
        assert r.status_code == 409 and r.json()["error"]["code"] == "store_locked"
        assert c.get("/health").status_code == 503
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    with Store(db, read_only=True) as s:
        assert s.counts()["articles"] >= 1
