"""Coding in worker processes with a bounded queue, the read cache's fast path, pooled readers."""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import fields

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import create_app
from marsad.api.db import StoreAccess
from marsad.api.errors import ApiError
from marsad.api.models import EventOut, TimelinePoint
from marsad.config import Settings
from marsad.store.query import EventRow
from marsad.store.tension import TensionPoint

TEXT = ("القاهرة - أجرى وزير الخارجية المصري سامح شكري اتصالاً هاتفياً مع نظيره الأردني أيمن الصفدي "
        "تناول تطورات الأوضاع في قطاع غزة.")


def test_coding_runs_in_a_worker_process(client):
    r = client.post("/api/code", json={"text": TEXT, "date": "2024-03-11"})
    assert r.status_code == 200 and r.json()["events"]
    pids = client.app.state.coding.worker_pids()
    assert pids and os.getpid() not in pids


def test_full_coding_queue_is_503_with_retry_after(api_store):
    with TestClient(create_app(Settings(db_path=str(api_store), api_code_wait_ms=0), code_queue=2)) as c:
        pool = c.app.state.coding
        pool.pending = pool.limit  # as if two articles were being coded
        r = c.post("/api/code", json={"text": TEXT})
        assert r.status_code == 503 and r.json()["error"]["code"] == "coder_busy"
        assert r.headers["retry-after"] == "1"
        pool.pending = 0
        assert c.post("/api/code", json={"text": TEXT}).status_code == 200
        assert pool.pending == 0  # released when the worker is done


def test_full_coding_queue_waits_for_a_place_then_codes(api_store):
    with TestClient(create_app(Settings(db_path=str(api_store), api_code_wait_ms=3000), code_queue=2)) as c:
        pool = c.app.state.coding
        pool.pending = pool.limit  # as if two articles were being coded
        freed = threading.Timer(0.3, pool._done)  # one of them finishes 0.3 s later
        freed.start()
        start = time.perf_counter()
        r = c.post("/api/code", json={"text": TEXT})
        assert r.status_code == 200 and r.json()["events"]
        assert time.perf_counter() - start > 0.25  # it waited for the place (a 503 would have come at 3 s)
        assert pool.pending == pool.limit - 1 and not pool._waiters


def test_full_coding_queue_is_503_after_the_bounded_wait(api_store):
    with TestClient(create_app(Settings(db_path=str(api_store), api_code_wait_ms=300), code_queue=2)) as c:
        pool = c.app.state.coding
        pool.pending = pool.limit
        start = time.perf_counter()
        r = c.post("/api/code", json={"text": TEXT})
        assert r.status_code == 503 and r.json()["error"]["code"] == "coder_busy"
        assert r.headers["retry-after"] == "1" and 0.25 < time.perf_counter() - start < 30  # bounded
        assert not pool._waiters
        pool.pending = 0


def test_killed_worker_gives_503_then_a_new_pool(api_store):
    with TestClient(create_app(Settings(db_path=str(api_store)))) as c:
        assert c.post("/api/code", json={"text": TEXT}).status_code == 200
        (pid,) = c.app.state.coding.worker_pids()
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        statuses = [c.post("/api/code", json={"text": TEXT}) for _ in range(3)]
        assert statuses[0].status_code == 503 and statuses[0].json()["error"]["code"] == "coder_unavailable"
        assert statuses[-1].status_code == 200
        assert pid not in c.app.state.coding.worker_pids()


def test_in_thread_coding_when_no_workers(api_store):
    with TestClient(create_app(Settings(db_path=str(api_store)), code_workers=0)) as c:
        r = c.post("/api/code", json={"text": TEXT})
        assert r.status_code == 200 and r.json()["events"]
        assert c.app.state.coding.worker_pids() == []


def test_cached_answer_is_the_same_response(client):
    params = {"limit": 3, "order": "mentions_desc"}
    first = client.get("/api/events", params=params)
    second = client.get("/api/events", params=params)  # from CachedReads, before routing
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("miss", "hit")
    for h in ("content-type", "content-length", "content-security-policy", "x-content-type-options"):
        assert first.headers[h] == second.headers[h]
    bad = {"limit": 0}
    assert client.get("/api/events", params=bad).status_code == 422
    assert client.get("/api/events", params=bad).status_code == 422  # errors are never cached


def test_health_is_cached_and_current_after_ingest(make_client, api_store, tmp_path):
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(api_store, db)
    c = make_client(db_path=str(db), api_token="tok", time_budget_ms=120_000)
    before = c.get("/health").json()["articles"]
    r = c.post("/api/ingest", json={"id": "h1", "text": TEXT + " خبر للصحة"}, headers={"X-Marsad-Token": "tok"})
    assert r.status_code == 200 and r.json()["stored"]
    assert c.get("/health").json()["articles"] == before + 1


def test_readers_reuse_pooled_connections(api_store):
    access = StoreAccess(Settings(db_path=str(api_store)))
    cons = []
    for _ in range(3):
        with access.reader() as s:
            cons.append(s.con)
            assert s.counts()["events"] > 0
    access.shutdown()
    assert cons[0] is cons[1] is cons[2]


def test_interrupted_connection_is_not_reused(api_store):
    access = StoreAccess(Settings(db_path=str(api_store), query_timeout_ms=100))
    with pytest.raises(ApiError), access.reader() as s:
        bad = s.con
        s.con.execute("SELECT count(*) FROM range(100000000) a(i), range(1000) b(j) WHERE (i + j) % 7 = 3"
                      ).fetchall()
    with access.reader() as s:
        assert s.con is not bad and s.counts()["events"] > 0
    access.shutdown()


def test_response_models_follow_the_store_rows():
    assert [f.name for f in fields(EventRow)] == [n for n in EventOut.model_fields
                                                  if n not in ("cameo_name", "cameo_name_ar")]
    assert [f.name for f in fields(TensionPoint)] == [n for n in TimelinePoint.model_fields if n != "cooperation"]


def test_coding_workers_run_at_lower_priority(api_store):
    with TestClient(create_app(Settings(db_path=str(api_store), api_code_nice=3))) as c:
        assert c.post("/api/code", json={"text": TEXT}).status_code == 200
        (pid,) = c.app.state.coding.worker_pids()
        assert os.getpriority(os.PRIO_PROCESS, pid) == os.getpriority(os.PRIO_PROCESS, 0) + 3


def test_a_wake_up_for_a_cancelled_request_goes_to_the_next_waiter(api_store):
    import asyncio

    from marsad.api.coding import CodingPool

    pool = CodingPool(Settings(db_path=str(api_store), api_code_wait_ms=5000), workers=1, queue=1)

    async def main() -> float:
        pool.pending = pool.limit
        first = asyncio.ensure_future(pool._enter())
        second = asyncio.ensure_future(pool._enter())
        await asyncio.sleep(0.05)
        first.cancel()  # the first waiter's client goes away ...
        pool._done()  # ... while a place frees up and the wake-up goes to that first waiter
        start = time.perf_counter()
        await asyncio.wait_for(second, 2)
        return time.perf_counter() - start

    assert asyncio.run(main()) < 1 and pool.pending == pool.limit and not pool._waiters
