"""Score Marsad on an annotated set with ../shared/eval/score.py, plus per-root misses/false alarms.

usage: python scripts/eval_events.py [dev|train|PATH.jsonl] [--per-root] [--list-fa ROOTS] [--out OUT.jsonl]

Runs the library on every article of the gold file (same as `marsad code GOLD -o OUT`),
prints score.py's report, the time taken, and with --per-root a table of true positives,
misses and false alarms per CAMEO root (triples).  With --list-fa (comma-separated roots or
"all") it lists the false alarms (one per distinct triple, as score.py counts them) with their
trigger and evidence and a first guess at their class, from the gold events of the same article:
  wrong_args   a gold event of the same root is stated in the same evidence (other actors);
  other_root   the (source, target) pair is a true triple under another root in the article;
  gold_near    a gold event of another root is stated in the same evidence;
  no_gold      no gold event is stated in that evidence (a non-event sense, an unasserted or
               background act, a re-mention, or an event the gold did not code: read them).
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
    ap.add_argument("--list-fa", default="", metavar="ROOTS",
                    help='list the false alarms of these roots ("04,19" or "all") with a guess at their class')
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
    if args.list_fa:
        list_false_alarms(gold_path, out, None if args.list_fa == "all" else set(args.list_fa.split(",")))


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


def overlaps(text: str, a: str, b: str) -> bool:
    """Do the evidence strings ``a`` and ``b`` overlap in ``text`` (first occurrences)?"""
    i, j = text.find(a), text.find(b)
    return i >= 0 and j >= 0 and i < j + len(b) and j < i + len(a)


def fa_class(score, g: dict, e: dict, tp_pairs: set) -> str:
    """A first guess at why the system event ``e`` of gold article ``g`` is a false alarm."""
    key, root = score.KEYS["triple"], score.root_of(e)
    ev = (e.get("evidence") or {}).get("text") or ""
    near = [x for x in g.get("events", []) if x.get("evidence") and overlaps(g["text"], ev, x["evidence"])]
    if any(root in score.alt_roots(x) and not x.get("background") for x in near):
        return "wrong_args"
    if key(e, root)[:2] in tp_pairs:
        return "other_root"
    return "gold_near" if near else "no_gold"


def around_trigger(e: dict, width: int = 120) -> str:
    """The event's evidence around its trigger, the trigger in [brackets]."""
    trig, ev = e.get("trigger") or {}, e.get("evidence") or {}
    text, t = ev.get("text", ""), trig.get("text", "")
    i = max(0, (trig.get("start") or 0) - (ev.get("start") or 0))
    if text[i:i + len(t)] != t:
        i = max(0, text.find(t))
    return f"{text[max(0, i - width):i]}[{t}]{text[i + len(t):i + len(t) + width]}"


def list_false_alarms(gold_path: Path, out: Path, roots: set[str] | None) -> None:
    """Print the false alarms of ``roots`` (None: all), one per distinct triple, with a class guess."""
    sys.path.insert(0, str(SHARED))
    import score  # type: ignore[import-not-found]

    gold, system = score.load(str(gold_path)), score.load(str(out))
    key, classes = score.KEYS["triple"], Counter()
    for doc_id, g in gold.items():
        events = system.get(doc_id, {"events": []})["events"]
        _, _, _, pairs = score.match_doc(g.get("events", []), events, key)
        matched = {id(p[1]) for p in pairs}
        tp_pairs = {key(p[1], score.root_of(p[1]))[:2] for p in pairs}
        bg = {key(b, r) for b in g.get("events", []) if b.get("background") for r in score.alt_roots(b)}
        seen: set = set()
        for e in events:
            k = key(e, score.root_of(e))
            if not score.scorable(e) or id(e) in matched or k in seen or k in bg or (roots and k[2] not in roots):
                seen.add(k)
                continue
            seen.add(k)
            cls = fa_class(score, g, e, tp_pairs)
            classes[cls] += 1
            print(f"{cls:<10} {doc_id} {'>'.join(k[:2])} {e.get('cameo')} {around_trigger(e)}")
    print("false alarms by class: " + ", ".join(f"{c} {n}" for c, n in classes.most_common()))


if __name__ == "__main__":
    main()
