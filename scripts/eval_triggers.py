"""Trigger lexicon coverage against annotated events (before arguments and filtering).

usage: python scripts/eval_triggers.py [train|dev|PATH] [--misses N]

For every scorable gold event, is there a lexicon trigger inside its evidence with the
event's root (or a cameo_alt root)?  ``recall`` is that share; ``other root`` counts
events whose evidence only holds triggers of other roots.  ``precision`` is the share of
triggers (in sentences) that lie inside the evidence of some gold event of their root —
a lower bound, since background and unannotated mentions count against it.  With
``--misses N`` the first N missed gold triggers per root are listed (use the TRAIN set
for that; keep dev for measuring).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(SHARED))
import score  # type: ignore[import-not-found]  # noqa: E402
from _gold import evidence_span  # noqa: E402  (scripts/ is on the path when run as a script)

from marsad.api_lib import Coder  # noqa: E402
from marsad.coding.lexicon import find_triggers  # noqa: E402
from marsad.config import Settings  # noqa: E402

SETS = {"train": SHARED / "train" / "saudinewsnet.jsonl", "dev": SHARED / "dev" / "articles.jsonl"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("which", nargs="?", default="train")
    ap.add_argument("--misses", type=int, default=0)
    a = ap.parse_args()
    path = SETS.get(a.which, Path(a.which))
    coder = Coder(Settings(event_filter=False))
    lex = next(s for s in coder.pipeline.stages if s.name == "events").lexicon
    c: Counter = Counter()
    per_root: dict[str, Counter] = defaultdict(Counter)
    misses: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        doc = coder.code(art["text"], date=art.get("date"), id=art["id"])
        toks = doc.tokens
        spans = []
        for s in doc.sentences:
            for t in find_triggers(lex, toks, s.first_token, s.last_token, lex.readings(toks)):
                sp = doc.span(toks[t.start].start, toks[t.end - 1].end)  # raw offsets, like the gold
                spans.append((sp.start, sp.end, t.pattern.cameo[:2]))
        gold = []
        for e in art["events"]:
            ev = evidence_span(art["text"], e)
            if ev and (score.scorable(e) or e.get("background")):
                gold.append((*ev, score.alt_roots(e), e))
        for s, e_, roots, g in gold:
            if not score.scorable(g):
                continue
            root = score.root_of(g)
            inside = [r for a_, b, r in spans if s <= a_ and b <= e_]
            kind = "hit" if any(r in roots for r in inside) else ("other_root" if inside else "none")
            c[kind] += 1
            per_root[root][kind] += 1
            if kind != "hit":
                misses[root].append(f"{g.get('cameo')} {g.get('trigger')!r} ({kind})")
        for a_, b, r in spans:
            c["triggers"] += 1
            c["aligned"] += any(s <= a_ and b <= e_ and r in roots for s, e_, roots, _ in gold)
    n = c["hit"] + c["other_root"] + c["none"]
    print(f"{path.name}: {n} gold events; trigger recall {c['hit'] / n:.3f} "
          f"(other root only {c['other_root']}, no trigger {c['none']}); "
          f"{c['triggers']} triggers, precision (lower bound) {c['aligned'] / max(1, c['triggers']):.3f}")
    for root in sorted(per_root):
        k = per_root[root]
        tot = sum(k.values())
        print(f"  {root}: recall {k['hit'] / tot:.2f} (n={tot}, other root {k['other_root']}, none {k['none']})")
    if a.misses:
        for root in sorted(misses):
            print(f"== {root}")
            for m in misses[root][:a.misses]:
                print("   " + m)


if __name__ == "__main__":
    main()
