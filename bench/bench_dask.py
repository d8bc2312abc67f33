"""`marsad batch` on a LocalCluster with 1 and 2 workers: speed-up and efficiency (prints figures).

    python bench/bench_dask.py [--limit 2000] [--partition-size 250] [--workers 1,2] [--repeat 1]

The same first N SaudiNewsNet articles are batched with each worker count (processes, one thread
each).  The map step (coding and staging Parquet) is timed by wall clock, and the load
(DuckDB, whole-batch de-duplication, Parquet export) separately.  Speed-up = map time with 1 worker
/ map time with W; efficiency = speed-up / W.  With ``--repeat R`` the worker counts run R times,
interleaved (1, 2, 1, 2, …), and the speed-up is also given from the median map times: a fixed
job's CPU time varies by up to a quarter between runs minutes apart on this machine.  The machine's other load is printed: on a shared
2-core machine the second worker competes with other jobs, so the speed-up is a lower bound.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _proc import NEWS, ROOT, head, load  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    from marsad.batch.run import run_batch
    from marsad.config import Settings

    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--partition-size", type=int, default=250)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--repeat", type=int, default=1, help="run every worker count this many times, interleaved")
    a = ap.parse_args()
    counts = [int(x) for x in a.workers.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as d:
        path, n = head(NEWS, a.limit, Path(d))
        print(f"{n} articles, partitions of {a.partition_size}")
        for k, w in ((k, w) for k in range(a.repeat) for w in counts):
            before = load()
            rep = run_batch([str(path)], Path(d) / f"out{w}-{k}", Settings(time_budget_ms=0), workers=w,
                            lines_per_partition=a.partition_size)
            rows.append((w, rep, k, load()))
            print(f"  {w} workers: {rep.summary()}  [{before} → {load()}]", flush=True)
    base = {k: rep.map_seconds for w, rep, k, _ in rows if w == counts[0]}  # per repetition
    print("\n| workers | map s (wall) | articles/s | worker CPU s | load + dedup s | speed-up | efficiency |")
    print("|---|---|---|---|---|---|---|")
    for w, rep, k, _ in rows:
        sp = base[k] / rep.map_seconds
        print(f"| {w} | {rep.map_seconds:.1f} | {n / rep.map_seconds:.1f} | {rep.cpu_seconds:.1f} | "
              f"{rep.load_seconds:.1f} | {sp:.2f} | {sp / w:.2f} |")
    if a.repeat > 1:
        med = {w: statistics.median(rep.map_seconds for x, rep, _, _ in rows if x == w) for w in counts}
        print("\nfrom the median map time of each worker count over", a.repeat, "runs: " + ", ".join(
            f"{w} workers {med[w]:.1f} s, speed-up {med[counts[0]] / med[w]:.2f}" for w in counts))


if __name__ == "__main__":
    main()
