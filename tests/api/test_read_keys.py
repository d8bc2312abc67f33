"""Cheaper cache misses: canonical cache keys, shared timeline points, the one-scan event page and
the join-free event detail give what the plain queries give (issue #9, cold-cache reads)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.api import queries
from marsad.api.db import StoreAccess
from marsad.config import Settings
from marsad.store.store import ORDERS, EventQuery, Store

PAGES = [EventQuery(), EventQuery(dyad=("ISR", "EGY")), EventQuery(actor="JOR"), EventQuery(root="11"),
         EventQuery(quad=3, since=date(2024, 5, 1)), EventQuery(country="PSE"), EventQuery(actor="NOPE"),
         EventQuery(text="القصف")]


@pytest.fixture(scope="module")
def store(api_store):
    with Store(api_store, read_only=True) as s:
        yield s


@pytest.mark.parametrize("order", sorted(ORDERS))
@pytest.mark.parametrize("limit,offset", [(2, 0), (3, 2), (100, 0), (5, 10_000), (1, 1)])
def test_event_page_is_store_events_and_count(store, order, limit, offset):
    for q in PAGES:
        q.limit, q.offset, q.order = limit, offset, order
        rows, total = queries.event_page(store, q)
        assert (rows, total) == (store.events(q), store.count_events(q)), q


def _event_detail_by_sql_join(store, event_id):
    """The event page as one SQL join with ORDER BY (the code before the join moved to Python)."""
    ev = queries._rows(store.con.execute("SELECT * FROM events WHERE event_id = ?", [event_id]))
    cols = ", ".join(f"m.{c}" for c in queries.MENTION_COLUMNS)
    mentions = queries._rows(store.con.execute(
        f"SELECT {cols}, a.article_id, a.title, a.outlet, a.url, a.pub_date FROM mentions m "
        "JOIN articles a USING (content_hash) WHERE m.event_id = ? ORDER BY a.pub_date NULLS LAST, "
        "a.ingested_at, m.content_hash, m.idx", [event_id]))
    return {"event": ev[0], "mentions": [queries.shape_mention(m) for m in mentions]}


def test_event_detail_is_the_sql_join(store):
    events = store.con.execute("SELECT event_id FROM events ORDER BY num_mentions DESC, event_id").fetchall()
    assert store.con.execute("SELECT max(num_mentions) FROM events").fetchone()[0] >= 2
    for (eid,) in events:
        assert queries.event_detail(store, eid) == _event_detail_by_sql_join(store, eid)
    assert queries.event_detail(store, "nope") is None


def test_article_mentions_are_in_index_order(store):
    for (h,) in store.con.execute("SELECT content_hash FROM articles").fetchall():
        idx = [m["idx"] for m in queries.article_detail(store, h)["mentions"]]
        assert idx == sorted(idx)


def test_a_dyad_in_either_order_and_parameters_in_any_order_share_one_entry(client):
    client.app.state.access.clear_cache()
    first = client.get("/api/events?dyad=ISR,EGY&limit=7")
    again = client.get("/api/events?limit=7&dyad=EGY,ISR")
    spelled = client.get("/api/events?limit=7&dyad=EGY%2CISR&offset=0&order=date_desc&background=true")
    assert first.status_code == again.status_code == spelled.status_code == 200
    assert first.content == again.content == spelled.content and first.json()["events"]
    assert [r.headers["x-cache"] for r in (first, again, spelled)] == ["miss", "hit", "hit"]
    assert client.get("/api/events?limit=7&dyad=EGY,ISR").headers["x-cache"] == "hit"  # now before routing
    other = client.get("/api/events?limit=6&dyad=EGY,ISR")
    assert other.headers["x-cache"] == "miss" and len(other.json()["events"]) <= 6
    m1, m2 = client.get("/api/map?dyad=EGY,ISR"), client.get("/api/map?dyad=ISR,EGY")
    assert m1.content == m2.content and m2.headers["x-cache"] == "hit"


def test_a_dyad_timeline_shares_its_points_across_orders(client):
    access = client.app.state.access
    access.clear_cache()
    calls = []
    memo = access.memo

    def counting(key, compute):
        calls.append(key)
        return memo(key, compute)
    access.memo = counting
    try:
        ab = client.get("/api/timeline", params={"a": "ISR", "b": "EGY", "interval": "day"}).json()
        ba = client.get("/api/timeline", params={"a": "EGY", "b": "ISR", "interval": "day"}).json()
    finally:
        del access.memo
    assert (ab["a"], ab["b"], ba["a"], ba["b"]) == ("ISR", "EGY", "EGY", "ISR")
    assert ab["points"] == ba["points"] and ab["points"]
    assert len(calls) == 2 and calls[0] == calls[1] and access.cache_get(calls[0]) is not None


def test_memo_and_aliases_do_not_outlive_a_write(tmp_path):
    access = StoreAccess(Settings(db_path=str(tmp_path / "none.duckdb")))
    assert access.memo("k", lambda: b"1") == b"1"
    assert access.memo("k", lambda: b"2") == b"1"  # kept
    access.cache_put("canonical", b"{}")
    assert access.cache_alias("own", "canonical") == b"{}" and access.cache_get("own") == b"{}"
    access.clear_cache()
    assert access.cache_alias("own2", "canonical") is None and access.cache_get("own2") is None
    assert access.memo("k", lambda: b"3") == b"3"

    def across_a_write() -> bytes:
        access.clear_cache()  # an ingest while the value was computed: it is not kept
        return b"4"
    assert access.memo("j", across_a_write) == b"4" and access.cache_get("j") is None
