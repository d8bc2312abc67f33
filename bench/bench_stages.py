"""CPU time and resource memory of each pipeline stage on SaudiNewsNet (prints figures; not a test).

    PYTHONPATH=src python bench/bench_stages.py [--limit N] [--file PATH]

* **Memory of each stage's resources**: the stages load their lexicons, gazetteer and models
  on first use.  Each stage's first call (on a one-sentence warm-up article, in pipeline order)
  runs under ``tracemalloc``; the Python memory it allocated and kept is the size of what that
  stage loaded (the NER model's CRFsuite weights are C memory, not traced: its file size is
  printed beside it).  Process RSS after loading and at the end.
* **Time of each stage**: every stage is wrapped in a timer (CPU time of the process around its
  call), then the first N articles are coded as ``marsad code`` does (per-process GC settings of
  :func:`marsad.runtime.settle_gc`, no time budget).  For each stage: CPU seconds, ms per
  article, the articles/s that stage alone would sustain on one core, and its share.

The issue asks for the actor stage's throughput and memory (issue #3); the other stages come
for free.  Compare within one run: the machine is noisy.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _proc import NEWS, ROOT, rss_mb  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))

from marsad.api_lib import WARM_UP_TEXT  # noqa: E402
from marsad.config import Settings  # noqa: E402
from marsad.document import Article, Document  # noqa: E402
from marsad.ingest.readers import article_from_record  # noqa: E402
from marsad.runtime import settle_gc  # noqa: E402
from marsad.stages import build_pipeline  # noqa: E402


class Timed:
    """A stage with a CPU-time counter around its call (same name, requires, provides)."""

    def __init__(self, stage) -> None:
        self.stage = stage
        self.name, self.requires, self.provides = stage.name, stage.requires, stage.provides
        self.cpu = 0.0
        self.calls = 0

    def __call__(self, doc: Document) -> Document:
        c = time.process_time()
        try:
            return self.stage(doc)
        finally:
            self.cpu += time.process_time() - c
            self.calls += 1


def load_memory(pipeline) -> list[tuple[str, float, float]]:
    """(stage, MB allocated and kept by its first call, CPU s of that call), in pipeline order."""
    doc = Document(Article(id="warm-up", text=WARM_UP_TEXT, date=date(2024, 1, 2)))
    out = []
    for st in pipeline.stages:
        tracemalloc.start()
        c = time.process_time()
        doc = st(doc)
        cpu = time.process_time() - c
        kept = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        out.append((st.name, kept / 2**20, cpu))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="first N articles (0: all)")
    ap.add_argument("--file", type=Path, default=NEWS)
    args = ap.parse_args(argv)
    settings = Settings(time_budget_ms=0)
    rss0 = rss_mb()
    pipeline = build_pipeline(settings)
    loaded = load_memory(pipeline)
    rss_loaded = rss_mb()
    timed = [Timed(s) for s in pipeline.stages]
    pipeline.stages = timed
    settle_gc()
    n, events = 0, 0
    c0, t0 = time.process_time(), time.perf_counter()
    with open(args.file, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if args.limit and i >= args.limit:
                break
            doc = pipeline(Document(article_from_record(json.loads(line), f"l{i}")))
            n += 1
            events += len(doc.events)
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ner = ROOT / "src" / "marsad" / "resources" / "models" / "ner_anercorp.crfsuite"
    print(f"{n} articles, {events} events; {cpu:.1f} CPU s ({n / cpu:.1f} articles/s per core), {wall:.1f} s wall")
    print(f"RSS: {rss0:.0f} MB after imports, {rss_loaded:.0f} MB with every resource loaded, peak {peak:.0f} MB")
    print()
    print("| stage | resources loaded (traced MB) | load CPU s | CPU s | ms per article | articles/s for this stage | share |")
    print("|---|---|---|---|---|---|---|")
    total = sum(t.cpu for t in timed)
    for t, (name, mb, load_cpu) in zip(timed, loaded, strict=True):
        ms = 1000 * t.cpu / max(1, n)
        rate = n / t.cpu if t.cpu else float("inf")
        print(f"| {name} | {mb:.1f} | {load_cpu:.2f} | {t.cpu:.1f} | {ms:.2f} | {rate:,.0f} | {t.cpu / total:.1%} |")
    print(f"| all stages | {sum(x[1] for x in loaded):.1f} | {sum(x[2] for x in loaded):.2f} | {total:.1f} | "
          f"{1000 * total / max(1, n):.2f} | {n / total:,.0f} | 100% |")
    print(f"\n(the NER model's CRFsuite weights are C memory: {ner.stat().st_size / 2**20:.1f} MB file)"
          if ner.exists() else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
