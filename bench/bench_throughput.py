"""Throughput of `marsad code` and `marsad ingest`, against a read-and-normalize baseline (prints figures).

    python bench/bench_throughput.py [--limit N] [--file PATH] [--startup-runs 3] [--repeat 1]

Each measurement runs in a fresh process on the same file in the same run:

* baseline: read the JSONL, build the articles, ``normalize`` every text (no coding);
* ``marsad code FILE -o /dev/null``;
* ``marsad ingest FILE --db fresh.duckdb``.

For each: wall-clock seconds, CPU seconds (user + system of the process: the per-core cost, less
sensitive to other jobs on the machine), articles/s by wall clock and per CPU-second (= per core),
the ratio of the per-core rate to the baseline's, and peak RSS (``wait4`` rusage).  Startup time
to first event: a fresh ``marsad code`` on one article, until its first output line (median), and
the CPU time of that whole one-article process (what startup costs without waiting for a CPU).
With ``--repeat N`` code and ingest run N times each, interleaved (code, ingest, code, …), and the
spread of their per-core rates is printed: one run of a fixed job varies on this machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _proc import BASELINE, NEWS, ROOT, env, head, load, run  # noqa: E402

ONE = ROOT / "src" / "marsad" / "resources" / "samples" / "articles.jsonl"


def startup(runs: int, tmp: Path) -> float:
    """Median seconds from starting `marsad code` on one article to its first output line."""
    one = tmp / "one.jsonl"
    one.write_bytes(ONE.read_bytes().splitlines(keepends=True)[0])
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.Popen([sys.executable, "-m", "marsad.cli", "code", str(one), "-q"], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=env())
        line = p.stdout.readline()
        times.append(time.perf_counter() - t)
        p.wait()
        assert b'"events": [{' in line, line[:200]
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", type=Path, default=NEWS)
    ap.add_argument("--limit", type=int, default=None, help="first N articles (default: all)")
    ap.add_argument("--startup-runs", type=int, default=3)
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="run code and ingest this many times each, interleaved")
    a = ap.parse_args()
    if not a.file.exists():
        sys.exit(f"no {a.file}: the benchmark needs ../shared")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        path, n = head(a.file, a.limit, tmp)
        print(f"{n} articles from {a.file.name}; {load()} at start")
        runs = {"read + normalize (baseline)": run(["-c", BASELINE, str(path)])}
        for k in range(a.repeat):
            tag = f" (run {k + 1})" if a.repeat > 1 else ""
            runs[f"marsad code{tag}"] = run(["-m", "marsad.cli", "code", str(path), "-o", "/dev/null", "-q"])
            if not a.skip_ingest:
                db = tmp / f"b{k}.duckdb"
                runs[f"marsad ingest{tag}"] = run(["-m", "marsad.cli", "ingest", str(path), "--db", str(db), "-q"])
                db.unlink(missing_ok=True)
        st = startup(a.startup_runs, tmp)
        one = run(["-m", "marsad.cli", "code", str(tmp / "one.jsonl"), "-o", "/dev/null", "-q"])
        print(f"{load()} at end\n")
        base = n / runs["read + normalize (baseline)"].cpu
        print("| | wall s | CPU s | articles/s (wall) | articles/s per core (CPU) | vs baseline | peak RSS MB |")
        print("|---|---|---|---|---|---|---|")
        for name, r in runs.items():
            wall_rate, cpu_rate = r.rate(n)
            print(f"| {name} | {r.wall:.1f} | {r.cpu:.1f} | {wall_rate:.1f} | {cpu_rate:.1f} | "
                  f"{cpu_rate / base:.4f} | {r.rss_mb:.0f} |" + ("" if r.returncode == 0 else " FAILED"))
        if a.repeat > 1:
            for cmd in ("marsad code", "marsad ingest"):
                rates = sorted(n / r.cpu for name, r in runs.items() if name.startswith(cmd) and r.cpu)
                if rates:
                    print(f"\n{cmd}: articles/s per core over {len(rates)} runs: min {rates[0]:.1f}, "
                          f"median {statistics.median(rates):.1f}, max {rates[-1]:.1f}", end="")
            print()
        print(f"\nstartup to first event (fresh `marsad code` on one article, median of {a.startup_runs}): {st:.2f} s "
              f"wall clock; the whole one-article run takes {one.cpu:.2f} s CPU ({one.rss_mb:.0f} MB peak RSS)")


if __name__ == "__main__":
    main()
