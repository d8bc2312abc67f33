"""Events per article, root distribution and coding throughput on a news corpus.

usage: python scripts/corpus_stats.py [PATH.jsonl] [--n 3000]

Default corpus: ../shared/data/news/saudinewsnet.jsonl (first N articles).  Throughput is
CPU time of the coding alone (one process, one core), after the coder has loaded.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import Counter
from itertools import islice
from pathlib import Path

from marsad.api_lib import Coder
from marsad.ingest.readers import InputRejection, read_inputs

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--n", type=int, default=3000)
    a = ap.parse_args()
    arts = [x for x in islice(read_inputs([a.path]), a.n) if not isinstance(x, InputRejection)]
    coder = Coder()
    roots, rejected, events, n_with = Counter(), Counter(), 0, 0
    t = time.process_time()
    for art in arts:
        doc = coder.code_article(art)
        if doc.rejection is not None:
            rejected[doc.rejection.code] += 1
            continue
        scored = [e for e in doc.events if not e.background]
        events += len(scored)
        n_with += bool(scored)
        roots.update(e.root for e in scored)
    cpu = time.process_time() - t
    coded = len(arts) - sum(rejected.values())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(arts)} articles read, {coded} coded, rejected: {dict(rejected)}")
    print(f"events (asserted, not background): {events}; {events / max(coded, 1):.2f} per coded article; "
          f"{n_with / max(coded, 1):.1%} of articles have at least one")
    print("root distribution: " + ", ".join(f"{r}:{c} ({c / max(events, 1):.1%})" for r, c in sorted(roots.items())))
    print(f"throughput: {len(arts) / cpu:.0f} articles/s per core (CPU time {cpu:.1f} s); peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
