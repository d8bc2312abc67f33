"""Time per article of the date resolver on a JSONL news file.

Reports CPU time (``time.process_time``, robust to a busy machine) per article
for ``find_times`` on raw text (normalization included) and for
``find_times_stage`` on already prepared documents (what the pipeline pays).

Usage: PYTHONPATH=src .venv/bin/python scripts/bench_dates.py [PATH] [-n 2000]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from datetime import date as Date
from pathlib import Path

from marsad.text.prepare import document_from_text
from marsad.when_where.dates import find_times, find_times_stage

DEFAULT = Path(__file__).resolve().parents[1] / "../shared/data/news/saudinewsnet.jsonl"


def _per_article(func, items) -> list[float]:
    out = []
    for item in items:
        t = time.process_time()
        func(item)
        out.append((time.process_time() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("-n", type=int, default=2000)
    args = ap.parse_args()
    with args.path.open(encoding="utf-8") as fh:
        arts = [json.loads(line) for line in itertools.islice(fh, args.n)]
    data = [(a["text"], Date.fromisoformat(a["date"][:10]) if a.get("date") else None) for a in arts]
    docs = [document_from_text(t, date=d) for t, d in data]
    for _ in range(2):  # warm up
        for t, d in data:
            find_times(t, d)
    raw_total = time.process_time()
    raw = _per_article(lambda x: find_times(*x), data)
    raw_total = time.process_time() - raw_total
    stage = _per_article(find_times_stage, docs)
    found = sum(len(doc.times) for doc in docs)
    chars = [len(t) for t, _ in data]
    print(f"{len(data)} articles, median {statistics.median(chars):.0f} chars, {found} time expressions")
    print(f"find_times (raw text, normalization included): mean {statistics.mean(raw):.3f} ms, "
          f"median {statistics.median(raw):.3f} ms, total {raw_total:.2f} s")
    print(f"find_times_stage (prepared document): mean {statistics.mean(stage):.3f} ms, "
          f"median {statistics.median(stage):.3f} ms")


if __name__ == "__main__":
    main()
