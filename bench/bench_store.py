"""Store benchmarks (prints figures; not a test).

    PYTHONPATH=src python bench/bench_store.py ingest [--n 3000] [--threads 1] [--batch-size 500]
    PYTHONPATH=src python bench/bench_store.py dyad [--events 1000000] [--queries 50] [--threads 1]

* ``ingest``: the first N SaudiNewsNet articles are coded (timed: coding only), then stored
  in a fresh DuckDB file in batches of 500 (timed: storage, including de-duplication and the
  events table).  No per-article time budget, so a loaded machine rejects nothing more.  Prints articles/s for coding only, storage only and coding + storage, and
  the share of time storage adds, by wall clock and by CPU time of the process (the per-core
  figure, less sensitive to other load on the machine).
* ``dyad``: a synthetic events table (N events, 60 actors, 10 years, QuadClass and Goldstein
  drawn at random, in the store's schema) and the tension-index query of
  :func:`marsad.store.tension.dyad_timeline` for random dyads and periods; prints p50/p99.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from marsad.api_lib import Coder
from marsad.config import Settings
from marsad.ingest.readers import article_from_record
from marsad.store.store import Store
from marsad.store.tension import dyad_timeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def bench_ingest(n: int, threads: int, path: Path, batch_size: int = 500) -> dict:
    records = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            records.append(article_from_record(json.loads(line), f"l{i}"))
    settings = Settings(time_budget_ms=0)
    coder = Coder(settings)
    coder.code("تمهيد")  # load resources before timing
    t0, c0 = time.perf_counter(), time.process_time()
    docs = [coder.code_article(a) for a in records]
    t_code, c_code = time.perf_counter() - t0, time.process_time() - c0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.duckdb", settings) as store:
        store.con.execute(f"SET threads = {threads}")
        t1, c1 = time.perf_counter(), time.process_time()
        stats = store.ingest(docs, batch_size=batch_size)
        t_store, c_store = time.perf_counter() - t1, time.process_time() - c1
        counts = store.counts()
        t2 = time.perf_counter()
        again = store.ingest(docs, batch_size=batch_size)
        t_again = time.perf_counter() - t2
    return {
        "articles": n, "stored": stats.articles, "rejected": stats.rejected, "mentions": counts["mentions"],
        "events": counts["events"], "coding_s": round(t_code, 2), "storage_s": round(t_store, 2),
        "coding_articles_per_s": round(n / t_code, 1), "storage_articles_per_s": round(n / t_store, 1),
        "coding_plus_storage_articles_per_s": round(n / (t_code + t_store), 1),
        "storage_share_of_time": round(t_store / (t_code + t_store), 3),
        "cpu_coding_s": round(c_code, 2), "cpu_storage_s": round(c_store, 2),
        "cpu_storage_share": round(c_store / (c_code + c_store), 3),
        "cpu_coding_articles_per_s": round(n / c_code, 1), "cpu_storage_articles_per_s": round(n / c_store, 1),
        "cpu_coding_plus_storage_articles_per_s": round(n / (c_code + c_store), 1),
        "reingest_s": round(t_again, 2), "reingest_duplicates": again.duplicates,
    }


SYNTH_SQL = """
CREATE TABLE events AS
SELECT printf('%016x', i) AS event_id,
       actors[1 + (hash(i) % 60)::INT] AS source_code,
       actors[1 + (hash(i * 7 + 1) % 60)::INT] AS target_code,
       DATE '2015-01-01' + CAST(hash(i * 13 + 5) % 3650 AS INTEGER) AS date,
       CAST(1 + hash(i * 17 + 3) % 4 AS TINYINT) AS quad,
       round(-10 + (hash(i * 19 + 11) % 200) / 10.0, 1) AS goldstein
FROM range(?) t(i), (SELECT list(printf('A%02d', j)) AS actors FROM range(60) s(j))
"""


def bench_dyad(n_events: int, n_queries: int, threads: int) -> dict:
    import random

    rnd = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "d.duckdb") as store:
        con = store.con
        con.execute(f"SET threads = {threads}")
        con.execute("DROP TABLE events")
        t0 = time.perf_counter()
        con.execute(SYNTH_SQL, [n_events])
        con.execute("CHECKPOINT")
        t_build = time.perf_counter() - t0
        n = con.execute("SELECT count(*) FROM events").fetchone()[0]
        lat, cpu, points = [], [], 0
        for q in range(n_queries + 5):
            a, b = rnd.sample(range(60), 2)
            by = ("day", "week", "month")[q % 3]
            t1, c1 = time.perf_counter(), time.process_time()
            pts = dyad_timeline(con, f"A{a:02d}", f"A{b:02d}", by=by)
            if q >= 5:  # warm-up
                lat.append((time.perf_counter() - t1) * 1000)
                cpu.append((time.process_time() - c1) * 1000)
                points += len(pts)
    lat.sort()
    cpu.sort()
    return {"events": n, "build_s": round(t_build, 1), "queries": len(lat),
            "p50_ms": round(statistics.median(lat), 1), "p99_ms": round(_p99(lat), 1),
            "cpu_p50_ms": round(statistics.median(cpu), 1), "cpu_p99_ms": round(_p99(cpu), 1),
            "mean_points_per_query": points // max(1, len(lat))}


def _p99(xs: list[float]) -> float:
    return xs[min(len(xs) - 1, int(0.99 * len(xs)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["ingest", "dyad"])
    ap.add_argument("--n", type=int, default=3000, help="Articles for the ingest benchmark.")
    ap.add_argument("--events", type=int, default=1_000_000, help="Synthetic events for the dyad benchmark.")
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--threads", type=int, default=1, help="DuckDB threads (1 = per-core figures).")
    ap.add_argument("--batch-size", type=int, default=500, help="Articles per ingest transaction.")
    ap.add_argument("--corpus", type=Path, default=SHARED / "data" / "news" / "saudinewsnet.jsonl")
    args = ap.parse_args(argv)
    if args.what == "ingest":
        out = bench_ingest(args.n, args.threads, args.corpus, args.batch_size)
    else:
        out = bench_dyad(args.events, args.queries, args.threads)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
