"""Score Marsad on an annotated set with ../shared/eval/score.py, plus per-root misses/false alarms.

usage: python scripts/eval_events.py [dev|train|PATH.jsonl] [--per-root] [--out OUT.jsonl]

Runs the library on every article of the gold file (same as `marsad code GOLD -o OUT`),
prints score.py's report, the time taken, and with --per-root a table of true positives,
misses and false alarms per CAMEO root (triples).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
SETS = {"dev": SHARED / "dev" / "articles.jsonl", "train": SHARED / "train" / "saudinewsnet.jsonl"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("which", nargs="?", default="dev")
    ap.add_argument("--per-root", action="store_true")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    gold_path = SETS.get(args.which, Path(args.which))
    out = Path(args.out or f"/tmp/marsad_{args.which if args.which in SETS else 'eval'}.jsonl")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "marsad.cli", "code", str(gold_path), "-o", str(out), "-q"], check=True)
    secs = time.perf_counter() - t0
    print(f"coded {gold_path.name} in {secs:.2f} s (wall, including start-up)")
    subprocess.run([sys.executable, str(SHARED / "score.py"), str(gold_path), str(out)], check=True)
    if args.per_root:
        per_root(gold_path, out)


def per_root(gold_path: Path, out: Path) -> None:
    sys.path.insert(0, str(SHARED))
    import score  # type: ignore[import-not-found]

    gold, system = score.load(str(gold_path)), score.load(str(out))
    tp, miss, fa = Counter(), Counter(), Counter()
    key = score.KEYS["triple"]
    for doc_id, g in gold.items():
        s = system.get(doc_id, {"events": []})
        _, _, _, pairs = score.match_doc(g.get("events", []), s.get("events", []), key)
        matched_g = {id(p[0]) for p in pairs}
        matched_s = {id(p[1]) for p in pairs}
        bg = {key(b, r) for b in g.get("events", []) if b.get("background") for r in score.alt_roots(b)}
        gold_seen = set()  # a (source, target, root) the gold lists twice is one event, as score.py counts it
        for e in g.get("events", []):
            k = key(e, score.root_of(e))
            if score.scorable(e) and k not in gold_seen:
                (tp if id(e) in matched_g else miss)[score.root_of(e)] += 1
            gold_seen.add(k)
        seen = set()
        for e in s.get("events", []):
            k = key(e, score.root_of(e))
            if score.scorable(e) and id(e) not in matched_s and k not in seen and k not in bg:
                fa[score.root_of(e)] += 1
            seen.add(k)
    print("root  tp  miss  false_alarm")
    for r in sorted(set(tp) | set(miss) | set(fa)):
        print(f"{r:>4} {tp[r]:>3} {miss[r]:>5} {fa[r]:>6}")


if __name__ == "__main__":
    main()
