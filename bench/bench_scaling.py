"""How the cost of coding grows (prints figures).

    python bench/bench_scaling.py [--sizes 1000,10000,30100] [--length-samples 30]

* **Size**: `marsad code` in a fresh process on the first 1k, 10k and 30k SaudiNewsNet articles:
  articles/s by wall clock and per CPU-second.  Linear growth = a flat rate.
* **Length**: in one process (pipeline loaded once, warmed up), CPU time per article for short
  (10th percentile of length), median and long (10× the median: real articles of about that
  length, else median articles joined) articles; ms per article and per 1000 characters.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _proc import NEWS, ROOT, head, load, run  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))


def by_size(sizes: list[int]) -> None:
    print("| articles | wall s | CPU s | articles/s (wall) | articles/s per core | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as d:
        for n in sizes:
            path, k = head(NEWS, n, Path(d))
            r = run(["-m", "marsad.cli", "code", str(path), "-o", "/dev/null", "-q"])
            w, c = r.rate(k)
            print(f"| {k} | {r.wall:.1f} | {r.cpu:.1f} | {w:.1f} | {c:.1f} | {r.rss_mb:.0f} |", flush=True)


def _groups(texts: list[dict], k: int) -> dict[str, list[dict]]:
    lengths = sorted(len(r["text"]) for r in texts)
    p10, med = lengths[len(lengths) // 10], lengths[len(lengths) // 2]
    near = lambda target: sorted(texts, key=lambda r: abs(len(r["text"]) - target))[:k]  # noqa: E731
    long = [r for r in near(10 * med) if abs(len(r["text"]) - 10 * med) < 0.2 * 10 * med]
    if len(long) < k:
        meds = near(med)
        long += [{"id": f"joined{i}", "date": meds[i]["date"],
                  "text": "\n".join(m["text"] for m in (meds * 10)[i:i + 10])} for i in range(k - len(long))]
    return {f"short (p10, ~{p10} chars)": near(p10), f"median (~{med} chars)": near(med),
            f"10x median (~{10 * med} chars)": long[:k]}


def by_length(k: int) -> None:
    from marsad.api_lib import Coder
    from marsad.config import Settings
    from marsad.ingest.readers import article_from_record

    texts = []
    with open(NEWS, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= 5000:
                break
            texts.append(json.loads(line))
    coder = Coder(Settings(time_budget_ms=0))
    coder.code("أجرى وزير الخارجية المصري اتصالاً هاتفياً مع نظيره الأردني.", date="2024-01-01")
    print("\n| length class | mean chars | ms per article (CPU) | ms per 1000 chars | events per article |")
    print("|---|---|---|---|---|")
    for name, recs in _groups(texts, k).items():
        arts = [article_from_record(r, r["id"]) for r in recs]
        t = time.process_time()
        docs = [coder.code_article(a) for a in arts]  # one pass: a repeat would hit warm caches
        cpu = (time.process_time() - t) / len(arts)
        chars = statistics.mean(len(a.text) for a in arts)
        ev = statistics.mean(len(d.events) for d in docs)
        print(f"| {name} | {chars:.0f} | {cpu * 1000:.1f} | {cpu * 1e6 / chars:.2f} | {ev:.1f} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,30100")
    ap.add_argument("--length-samples", type=int, default=50)
    ap.add_argument("--skip-sizes", action="store_true")
    a = ap.parse_args()
    print(f"{load()} at start")
    if not a.skip_sizes:
        by_size([int(s) for s in a.sizes.split(",")])
    by_length(a.length_samples)
    print(f"\n{load()} at end")


if __name__ == "__main__":
    main()
