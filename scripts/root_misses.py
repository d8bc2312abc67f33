"""Root-level view of the misses: why a gold root of an article has no output event of that root.

usage: python scripts/root_misses.py [dev|train|PATH.jsonl]

The scorer's `root` line counts (article, root) pairs.  For each gold pair (roots of cameo_alt
included) this says whether an output event has the root (hit), only a candidate that the
confidence model dropped has it (filtered), or no asserted, non-background candidate has it at
all (no candidate: a trigger the lexicon does not know); and lists the output roots no gold event
of the article has (false roots).  Articles are coded with the shipped models, once with the
confidence model switched off.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from miss_reasons import SETS, coder_both_ways, score  # scripts/ is on the path when run as a script


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("which", nargs="?", default="dev", help="dev, train or an annotated JSONL (default dev)")
    path = SETS.get(ap.parse_args().which) or Path(ap.parse_args().which)
    code = coder_both_ways()
    counts: Counter = Counter()
    missed: Counter = Counter()
    false: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        cands, out = code(art)
        gold: dict[str, set[str]] = {}
        for g in art["events"]:
            if score.scorable(g):
                gold.setdefault(score.root_of(g), set()).update(score.alt_roots(g))
        out_roots = {e.root for e in out if not e.background and e.modality == "asserted"}
        cand_roots = {e.root for e in cands if not e.background and e.modality == "asserted"}
        for root, alts in gold.items():
            why = "hit" if alts & out_roots else "filtered" if alts & cand_roots else "no candidate"
            counts[why] += 1
            if why != "hit":
                missed[(root, why)] += 1
        allowed = set().union(*gold.values()) if gold else set()
        false.update(out_roots - allowed)
    print(f"{path.name}: {sum(counts.values())} gold (article, root) pairs: hit {counts['hit']}, "
          f"filtered {counts['filtered']}, no candidate {counts['no candidate']}; false roots {sum(false.values())}")
    print("missed: " + ", ".join(f"{r} {w} {n}" for (r, w), n in sorted(missed.items())))
    print("false: " + ", ".join(f"{r} {n}" for r, n in sorted(false.items())))


if __name__ == "__main__":
    main()
