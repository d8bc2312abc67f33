"""API load test and dashboard page-load measurement (prints figures; not a test).

    PYTHONPATH=src python bench/load_api.py store  --db /tmp/marsad-100k.duckdb [--events 100000]
    PYTHONPATH=src python bench/load_api.py load   --db /tmp/marsad-100k.duckdb [--clients 50] [--seconds 60] [--max-requests 200000]
    PYTHONPATH=src python bench/load_api.py page   --db /tmp/marsad-100k.duckdb [--runs 5]
    PYTHONPATH=src python bench/load_api.py all    --db /tmp/marsad-100k.duckdb

* ``store``: a synthetic store with N events (one article and one mention each; 60 actors,
  40 places, 5 years, random CAMEO codes from the packaged table), inserted with SQL through
  the Store's connection in the store's schema.  Reused when the file exists.
* ``load``: starts ``marsad serve`` on a free 127.0.0.1 port and runs N concurrent asyncio +
  httpx clients for at most ``--seconds`` and ``--max-requests``: reads (event pages with
  filters, one event, one article, dyad timeline, top dyads, map, health) mixed with
  ``POST /api/code`` (``--code-share``, default 5 %).  Prints throughput and p50/p99 per endpoint, and errors.
* ``page``: headless Debian chromium (Playwright, ``/usr/bin/chromium``) loads the dashboard:
  time to DOMContentLoaded and to the first data render (event table filled,
  ``performance.mark('marsad-first-render')``) and until map and timeline are drawn
  (``marsad-all-views``).  The first run meets a cold response cache, later runs a warm one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ["EGY", "ISR", "PSE", "JOR", "SAU", "IRN", "IRQ", "SYR", "LBN", "TUR", "USA", "RUS", "YEM", "QAT", "ARE",
          "KWT", "OMN", "BHR", "LBY", "TUN", "DZA", "MAR", "SDN", "FRA", "GBR", "DEU", "CHN", "IGO:UN", "IGO:ARL",
          "NSA:HAMAS", "NSA:HEZBOLLAH", "NSA:HOUTHI", "NSA:ISIS"] + [f"X{i:02d}" for i in range(27)]
PLACES = [("Cairo", "EGY", 30.04, 31.24), ("Gaza", "PSE", 31.50, 34.47), ("Rafah", "PSE", 31.30, 34.25),
          ("Jerusalem", "ISR", 31.77, 35.21), ("Amman", "JOR", 31.95, 35.93), ("Riyadh", "SAU", 24.69, 46.72),
          ("Tehran", "IRN", 35.69, 51.39), ("Baghdad", "IRQ", 33.34, 44.40), ("Damascus", "SYR", 33.51, 36.29),
          ("Beirut", "LBN", 33.89, 35.50), ("Ankara", "TUR", 39.93, 32.86), ("Sanaa", "YEM", 15.35, 44.21),
          ("Aden", "YEM", 12.78, 45.04), ("Doha", "QAT", 25.29, 51.53), ("Abu Dhabi", "ARE", 24.45, 54.38),
          ("Tripoli", "LBY", 32.89, 13.19), ("Tunis", "TUN", 36.81, 10.18), ("Algiers", "DZA", 36.75, 3.06),
          ("Rabat", "MAR", 34.02, -6.84), ("Khartoum", "SDN", 15.50, 32.56), ("Washington", "USA", 38.90, -77.04),
          ("Moscow", "RUS", 55.76, 37.62), ("Paris", "FRA", 48.86, 2.35), ("London", "GBR", 51.51, -0.13),
          ("Berlin", "DEU", 52.52, 13.40), ("Beijing", "CHN", 39.90, 116.41), ("Mosul", "IRQ", 36.34, 43.13),
          ("Aleppo", "SYR", 36.20, 37.13), ("Idlib", "SYR", 35.93, 36.63), ("Basra", "IRQ", 30.51, 47.78),
          ("Jeddah", "SAU", 21.49, 39.19), ("Muscat", "OMN", 23.59, 58.41), ("Manama", "BHR", 26.23, 50.59),
          ("Kuwait", "KWT", 29.37, 47.98), ("Benghazi", "LBY", 32.12, 20.09), ("Hodeidah", "YEM", 14.80, 42.95),
          ("Hebron", "PSE", 31.53, 35.10), ("Nablus", "PSE", 32.22, 35.26), ("Erbil", "IRQ", 36.19, 44.01),
          ("Istanbul", "TUR", 41.01, 28.98)]
SENTENCE = "قالت مصادر إن وزير خارجية {s} بحث مع نظيره {t} تطورات الأوضاع في المنطقة خلال اتصال هاتفي اليوم."


# ------------------------------------------------------------------ synthetic store
def make_store(db: Path, n: int, seed: int = 7) -> dict:
    from marsad.coding.cameo import CameoTable
    from marsad.store.store import Store

    if db.exists():
        with Store(db, read_only=True) as s:
            return {"store": str(db), "reused": True, **s.counts()}
    codes = [c for c in CameoTable().codes.values() if len(c.code) == 3]
    t0 = time.perf_counter()
    with Store(db) as store:
        con = store.con
        con.execute("CREATE TEMP TABLE actors_t AS SELECT * FROM (SELECT unnest(?) AS code, "
                    "generate_subscripts(?, 1) - 1 AS i)", [ACTORS, ACTORS])
        con.execute("CREATE TEMP TABLE places_t AS SELECT unnest(?) AS name, unnest(?) AS country, "
                    "unnest(?) AS lat, unnest(?) AS lon, generate_subscripts(?, 1) - 1 AS i",
                    [[p[0] for p in PLACES], [p[1] for p in PLACES], [p[2] for p in PLACES],
                     [p[3] for p in PLACES], [p[0] for p in PLACES]])
        con.execute("CREATE TEMP TABLE codes_t AS SELECT unnest(?) AS cameo, unnest(?) AS goldstein, "
                    "unnest(?) AS quad, unnest(?) AS ptype, generate_subscripts(?, 1) - 1 AS i",
                    [[c.code for c in codes], [c.goldstein for c in codes], [c.quad for c in codes],
                     [c.plover_type for c in codes], [c.code for c in codes]])
        con.execute(f"SELECT setseed({seed / 100})")
        con.execute("""
            CREATE TEMP TABLE gen AS
            SELECT i, sha256('synthetic' || i) AS h, substr(md5('ev' || i), 1, 16) AS event_id,
                   DATE '2020-01-01' + CAST(floor(random() * 1826) AS INTEGER) AS d,
                   CAST(floor(pow(random(), 2) * ?) AS INTEGER) AS si,
                   CAST(floor(pow(random(), 2) * ?) AS INTEGER) AS ti,
                   CAST(floor(random() * ?) AS INTEGER) AS ci,
                   CAST(floor(pow(random(), 1.5) * ?) AS INTEGER) AS pi,
                   1 + CAST(floor(pow(random(), 4) * 12) AS INTEGER) AS nm
            FROM range(?) r(i)""", [len(ACTORS), len(ACTORS), len(codes), len(PLACES), n])
        con.execute("""
            CREATE TEMP TABLE rows_t AS
            SELECT g.*, s.code AS src, CASE WHEN t.code = s.code THEN 'USA' ELSE t.code END AS tgt,
                   c.cameo, c.goldstein, c.quad, c.ptype, p.name AS pname, p.country AS pcountry,
                   p.lat AS plat, p.lon AS plon,
                   replace(replace(?, '{s}', s.code), '{t}', t.code) AS text
            FROM gen g JOIN actors_t s ON s.i = g.si JOIN actors_t t ON t.i = g.ti
            JOIN codes_t c ON c.i = g.ci JOIN places_t p ON p.i = g.pi""", [SENTENCE])
        con.execute("BEGIN TRANSACTION")
        con.execute("""
            INSERT INTO articles BY NAME
            SELECT h AS content_hash, 'syn' || i AS article_id, 'https://example.org/syn/' || i AS url,
                   'Outlet ' || (i % 40) AS outlet, 'خبر ' || i AS title, d AS pub_date, 'ar' AS language,
                   text, 1 AS n_events, now()::TIMESTAMP AS ingested_at FROM rows_t""")
        con.execute("""
            INSERT INTO mentions BY NAME
            SELECT h || ':0' AS mention_id, h AS content_hash, 0 AS idx, event_id,
                   src AS source_code, 'GOV' AS source_agent, src AS source_text, 0 AS source_start, 3 AS source_end,
                   tgt AS target_code, 'GOV' AS target_agent, cameo, substr(cameo, 1, 2) AS root, quad, goldstein,
                   ptype AS plover_type, d AS date, 'day' AS date_precision, pname AS place_name,
                   pcountry AS place_country, plat AS place_lat, plon AS place_lon,
                   'بحث' AS trigger_text, 30 AS trigger_start, 33 AS trigger_end, text AS evidence_text,
                   0 AS evidence_start, length(text) AS evidence_end, 'asserted' AS modality, false AS background,
                   '[]' AS reported_by, '[]' AS quantities, 0.9 AS confidence, 0 AS sentence,
                   d AS event_date, 'day' AS event_date_precision, 'text' AS event_date_source
            FROM rows_t""")
        con.execute("""
            INSERT INTO events BY NAME
            SELECT event_id, src AS source_code, 'GOV' AS source_agent, tgt AS target_code, 'GOV' AS target_agent,
                   cameo, substr(cameo, 1, 2) AS root, quad, goldstein, ptype AS plover_type, d AS date,
                   'day' AS date_precision, pname AS place_name, pcountry AS place_country, plat AS place_lat,
                   plon AS place_lon, false AS background, 'asserted' AS modality, d AS day_min, d AS day_max,
                   nm AS num_mentions, 1 AS num_articles, 1 AS num_sources, h AS first_hash,
                   now()::TIMESTAMP AS first_seen, h || ':0' AS founder, text AS evidence_text
            FROM rows_t""")
        con.execute("COMMIT")
        counts = store.counts()
    return {"store": str(db), "reused": False, "seconds": round(time.perf_counter() - t0, 1), **counts}


# ------------------------------------------------------------------ server
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, src: Path = ROOT / "src") -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(src) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"marsad serve exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("marsad serve did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), including its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


# ------------------------------------------------------------------ load test
CODE_TEXT = ("القاهرة - أجرى وزير الخارجية المصري سامح شكري اتصالاً هاتفياً مع نظيره الأردني أيمن الصفدي "
             "تناول تطورات الأوضاع في قطاع غزة، وأدان استمرار العمليات العسكرية في رفح.")


def request_mix(rng: random.Random, ids: list[str], arts: list[str], code_share: float = 0.05,
                ) -> tuple[str, str, str, dict]:
    """(label, method, path, kwargs) of one request drawn from the mix (``code_share`` POST /api/code)."""
    a, b = rng.sample(ACTORS[:20], 2)
    year = rng.randint(2020, 2024)
    if rng.random() < code_share:
        return "POST /api/code", "POST", "/api/code", {"json": {"text": CODE_TEXT, "date": "2024-03-11"}}
    r = rng.random()
    if r < 0.30:
        params = rng.choice([{}, {"actor": a}, {"dyad": f"{a},{b}"}, {"root": f"{rng.randint(1, 20):02d}"},
                             {"quad": rng.randint(1, 4), "since": f"{year}-01-01", "until": f"{year}-06-30"},
                             {"country": rng.choice(PLACES)[1], "order": "mentions_desc"}])
        return "GET /api/events", "GET", "/api/events", {"params": {**params, "limit": 50}}
    if r < 0.45:
        return "GET /api/events/{id}", "GET", f"/api/events/{rng.choice(ids)}", {}
    if r < 0.60:
        return "GET /api/articles/{key}", "GET", f"/api/articles/{rng.choice(arts)}", {}
    if r < 0.72:
        return "GET /api/timeline", "GET", "/api/timeline", {"params": {"a": a, "b": b, "interval": "week"}}
    if r < 0.80:
        return "GET /api/top/dyads", "GET", "/api/top/dyads", {"params": {"since": f"{year}-01-01",
                                                                           "until": f"{year}-12-31"}}
    if r < 0.90:
        return "GET /api/map", "GET", "/api/map", {"params": rng.choice([{}, {"actor": a}, {"quad": 4}])}
    return "GET /health", "GET", "/health", {}


class RawConnection:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams (a few µs of CPU per request).

    httpx spends about 3.5 ms of CPU per request; on a 2-core machine the load generator would
    then take as much CPU as the server and its own queueing would show up as server latency.
    Handles ``Content-Length`` and chunked bodies and reconnects when the server closes.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, params: dict | None = None, json_body: object = None,
                      ) -> tuple[int, dict[str, str]]:
        from urllib.parse import urlencode

        if params:
            path = f"{path}?{urlencode(params)}"
        body = json.dumps(json_body, ensure_ascii=False).encode() if json_body is not None else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\n"
        if method == "POST":
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        data = (head + "\r\n").encode() + body
        for attempt in (0, 1):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            try:
                self.writer.write(data)
                return await self._response()
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    async def _response(self) -> tuple[int, dict[str, str]]:
        assert self.reader is not None
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
        if headers.get("transfer-encoding", "").lower() == "chunked":  # the body is read and dropped
            while size := int((await self.reader.readuntil(b"\r\n")).strip(), 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        else:
            await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, headers

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def _targets(base: str) -> tuple[list[str], list[str]]:
    """Event ids and article hashes to request (and one POST /api/code to load the coder before timing)."""
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=60) as c:
        page = (await c.get("/api/events", params={"limit": 500})).json()["events"]
        ids = [e["event_id"] for e in page]
        arts = []
        for eid in ids[:50]:
            ev = (await c.get(f"/api/events/{eid}")).json()
            arts.append(ev["mentions"][0]["article"]["content_hash"])
        await c.post("/api/code", json={"text": CODE_TEXT})
    return ids, arts


async def run_load(base: str, clients: int, seconds: float, max_requests: int, seed: int,
                   code_share: float = 0.05, server_pid: int | None = None, client: str = "raw") -> dict:
    import httpx

    ids, arts = await _targets(base)
    lat: dict[str, list[float]] = {}
    by_cache: dict[str, list[float]] = {}  # reads by the server's X-Cache header (hit / miss)
    errors: dict[str, int] = {}
    reads_at: list[tuple[float, float, bool]] = []  # (start s into the run, latency s, cache miss)
    issued = 0
    deadline = time.monotonic() + seconds
    host, port = base.rsplit("//", 1)[1].split(":")

    async def worker(k: int, shared: httpx.AsyncClient) -> None:
        nonlocal issued
        rng = random.Random(seed * 1000 + k)
        conn = RawConnection(host, int(port))
        while time.monotonic() < deadline and issued < max_requests:
            issued += 1
            label, method, path, kw = request_mix(rng, ids, arts, code_share)
            t = time.perf_counter()
            try:
                if client == "raw":
                    status, headers = await conn.request(method, path, kw.get("params"), kw.get("json"))
                else:
                    resp = await shared.request(method, path, **kw)
                    status, headers = resp.status_code, resp.headers
                ok = status == 200
                cache = headers.get("x-cache")
                key = label if ok else f"{label} HTTP {status}"
            except Exception as exc:  # noqa: BLE001 - counted and reported
                ok, key = False, f"{label} {type(exc).__name__}"
            if ok:
                dt = time.perf_counter() - t
                lat.setdefault(label, []).append(dt)
                if cache:
                    by_cache.setdefault(f"reads, cache {cache}", []).append(dt)
                if method == "GET":
                    reads_at.append((t - t0, dt, cache == "miss"))
            else:
                errors[key] = errors.get(key, 0) + 1
        await conn.close()

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    cpu0 = cpu_seconds(server_pid) if server_pid else 0.0
    children0 = _children_cpu(server_pid)
    loads: list[float] = []
    own0 = time.process_time()
    t0 = time.perf_counter()

    async def sample_load() -> None:
        while time.monotonic() < deadline:
            loads.append(os.getloadavg()[0])
            await asyncio.sleep(5)

    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as shared:
        sampler = asyncio.create_task(sample_load())
        await asyncio.gather(*(worker(k, shared) for k in range(clients)))
        sampler.cancel()
    wall = time.perf_counter() - t0
    server_cpu = cpu_seconds(server_pid) - cpu0 if server_pid else None
    coder_cpu = _children_cpu(server_pid) - children0
    own_cpu = time.process_time() - own0
    done = sum(len(v) for v in lat.values())
    return {"clients": clients, "client": client, "code_share": code_share, "seconds": round(wall, 1),
            "requests": done + sum(errors.values()), "ok": done, "throughput_rps": round(done / wall, 1),
            "errors": errors, "server_cpu_s": round(server_cpu, 1) if server_cpu is not None else None,
            "server_cpu_ms_per_request": round(server_cpu * 1000 / max(1, done), 2) if server_cpu else None,
            "coding_workers_cpu_s": round(coder_cpu, 1), "client_cpu_s": round(own_cpu, 1),
            "load_average_1min": {"min": min(loads, default=None), "max": max(loads, default=None),
                                  "mean": round(statistics.mean(loads), 2) if loads else None},
            "all_reads": _pcts([x for k, v in lat.items() if k.startswith("GET") for x in v]),
            "reads_by_window": _windows(reads_at, 10.0),
            "reads_by_cache": {k: _pcts(v) for k, v in sorted(by_cache.items())},
            "endpoints": {k: _pcts(v) for k, v in sorted(lat.items())}}


def _children_cpu(pid: int | None) -> float:
    """CPU seconds of the live child processes of ``pid`` (the API's coding workers)."""
    if not pid:
        return 0.0
    total = 0.0
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            try:
                total += cpu_seconds(int(child))
            except (FileNotFoundError, ProcessLookupError):
                continue
    return total


def _windows(reads: list[tuple[float, float, bool]], width: float) -> list[dict]:
    """Reads by the ``width``-second window they started in: p50/p99 and how many missed the cache
    (the first windows meet a cold response cache; later ones show the warm server)."""
    out: dict[int, list[tuple[float, bool]]] = {}
    for start, dt, miss in reads:
        out.setdefault(int(start // width), []).append((dt, miss))
    return [{"from_s": k * width, **_pcts([dt for dt, _ in v]), "misses": sum(m for _, m in v)}
            for k, v in sorted(out.items())]


def _pcts(xs: list[float]) -> dict:
    if not xs:
        return {"n": 0}
    xs = sorted(xs)
    q = statistics.quantiles(xs, n=100, method="inclusive") if len(xs) > 1 else [xs[0]] * 99
    return {"n": len(xs), "p50_ms": round(q[49] * 1000, 1), "p99_ms": round(q[98] * 1000, 1),
            "max_ms": round(xs[-1] * 1000, 1)}


# ------------------------------------------------------------------ page load
def page_load(base: str, runs: int, screenshot: Path | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    out: dict[str, list[float]] = {"dom_content_loaded_ms": [], "first_data_render_ms": [], "all_views_ms": [],
                                   "wall_clock_to_all_views_ms": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for _ in range(runs):
            ctx = browser.new_context(viewport={"width": 1280, "height": 900})
            pg = ctx.new_page()
            t0 = time.perf_counter()
            pg.goto(base + "/")
            pg.wait_for_selector("html[data-loaded]", timeout=60_000)
            wall = (time.perf_counter() - t0) * 1000
            # evaluate() of a function is allowed by the page's CSP (no string eval)
            dcl = pg.evaluate("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
            first = pg.evaluate("() => performance.getEntriesByName('marsad-first-render')[0].startTime")
            views = pg.evaluate("() => performance.getEntriesByName('marsad-all-views')[0].startTime")
            out["dom_content_loaded_ms"].append(dcl)
            out["first_data_render_ms"].append(first)
            out["all_views_ms"].append(views)
            out["wall_clock_to_all_views_ms"].append(wall)
            if screenshot is not None:
                pg.screenshot(path=str(screenshot), full_page=False)
                screenshot = None
            ctx.close()
        browser.close()
    return {k: {"median": round(statistics.median(v), 1), "max": round(max(v), 1), "runs": len(v)}
            for k, v in out.items()}


# ------------------------------------------------------------------ main
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["store", "load", "page", "all"])
    ap.add_argument("--db", type=Path, default=Path("/tmp/marsad-bench-100k.duckdb"))
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--screenshot", type=Path, help="save a screenshot of the loaded dashboard (page)")
    ap.add_argument("--code-share", type=float, default=0.05, help="share of POST /api/code requests")
    ap.add_argument("--server-src", type=Path, default=ROOT / "src",
                    help="run `marsad serve` from this source tree (e.g. a git worktree of an older commit)")
    ap.add_argument("--client", choices=["raw", "httpx"], default="raw",
                    help="raw asyncio HTTP/1.1 (default; cheap) or httpx (the tool before 2026-11-29 05:00)")
    a = ap.parse_args()
    report: dict = {"store": make_store(a.db, a.events)}
    if a.what == "store":
        print(json.dumps(report, indent=1))
        return
    port = free_port()
    proc = start_server(a.db, port, a.server_src)
    base = f"http://127.0.0.1:{port}"
    try:
        if a.what in ("load", "all"):
            report["load"] = asyncio.run(run_load(base, a.clients, a.seconds, a.max_requests, a.seed,
                                                  a.code_share, proc.pid, a.client))
            print(json.dumps(report["load"], ensure_ascii=False), file=sys.stderr, flush=True)
        if a.what in ("page", "all"):
            report["page"] = page_load(base, a.runs, a.screenshot)
    finally:
        stop(proc)
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
