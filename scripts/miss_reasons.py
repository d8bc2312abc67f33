"""Why gold events are missed, per root: filtered out, not asserted, wrong source, wrong target, no candidate.

usage: python scripts/miss_reasons.py [train|dev|PATH.jsonl] [--roots 02,11,19] [--list CLASS]

Each article is coded twice with the shipped models: once as `marsad code` does (the output), once
with the confidence filter switched off (every candidate event).  Every scorable gold event (keyed
as ../shared/eval/score.py keys triples, cameo_alt roots included) is then put in one class:

* ``hit`` — a triple of the output matches it;
* ``filtered out`` — an asserted, non-background candidate matches it, the confidence model dropped it;
* ``not asserted / background`` — only a negated, hypothetical or background candidate matches it;
* ``wrong target`` — candidates of its root exist and one has its source, none its target;
* ``wrong source`` — candidates of its root exist, none with its source;
* ``no candidate of the root`` — no candidate of its root in the article.

Gold events with the same key count once each, so these are counts of gold events, not of the
unique keys ``score.py`` matches.  ``--list "wrong target"`` (or ``"wrong source"``) also shows
the system's candidates of the gold event's root (source>target@trigger), to group the errors by
construction.  On the train set the models have seen the articles (in-sample):
use it to see where the errors are, not to measure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(SHARED))
import score  # type: ignore[import-not-found]  # noqa: E402

from marsad.api_lib import Coder  # noqa: E402
from marsad.config import Settings  # noqa: E402

SETS = {"dev": SHARED / "dev" / "articles.jsonl", "train": SHARED / "train" / "saudinewsnet.jsonl"}
CLASSES = ("hit", "filtered out", "not asserted / background", "wrong target", "wrong source",
           "no candidate of the root")


def reason(gold: dict, output: list, candidates: list) -> str:
    """The class of one scorable gold event (see the module docstring)."""
    key = score.KEYS["triple"]
    roots = score.alt_roots(gold)
    wanted = {key(gold, r) for r in roots}

    def matches(events) -> bool:
        return any(key(e.to_dict(), e.root) in wanted for e in events)

    if matches(output):
        return "hit"
    if matches([e for e in candidates if not e.background and e.modality == "asserted"]):
        return "filtered out"
    if matches(candidates):
        return "not asserted / background"
    same_root = [e for e in candidates if e.root in roots]
    if not same_root:
        return "no candidate of the root"
    if gold["source"]["code"] in {e.source.code for e in same_root}:
        return "wrong target"
    return "wrong source"


def _row(art_id: str, gold: dict, system: str = "", width: int = 160) -> str:
    """One listed gold event: article id, cameo, source>target, trigger, (shortened) evidence and,
    for wrong arguments, the system's candidates of the root (source>target@trigger text)."""
    target = (gold.get("target") or {}).get("code") or "-"
    evidence = " ".join((gold.get("evidence") or "").split())[:width]
    cols = (art_id, gold["cameo"], f"{gold['source']['code']}>{target}", gold.get("trigger") or "", evidence)
    return "\t".join(cols + ((f"system: {system}",) if system else ()))


def _same_root(gold: dict, candidates: list) -> str:
    """The candidates of the gold event's root(s): source>target@trigger, the first eight."""
    roots = score.alt_roots(gold)
    out = [f"{e.source.code}>{e.target.code if e.target else '-'}@{e.trigger.text}"
           for e in candidates if e.root in roots]
    return "; ".join(list(dict.fromkeys(out))[:8])


def coder_both_ways() -> Callable[[dict], tuple[list, list]]:
    """A function coding an annotated article with the shipped models twice: with the confidence
    filter switched off (every candidate event) and as `marsad code` does (the output)."""
    coder = Coder(Settings(), errors="raise")
    stage = next(s for s in coder.pipeline.stages if s.name == "events")
    model = stage.filter

    def code(art: dict) -> tuple[list, list]:
        stage.filter = None
        try:
            candidates = coder.code(art["text"], date=art.get("date"), id=art["id"]).events
        finally:
            stage.filter = model
        return candidates, coder.code(art["text"], date=art.get("date"), id=art["id"]).events

    return code


def coded_gold(path: Path, code: Callable[[dict], tuple[list, list]]) -> Iterator[tuple[dict, list, list, dict]]:
    """Each scorable gold event of the annotated file ``path`` as ``(article, candidates, output, gold)``,
    the article coded once by ``code`` (:func:`coder_both_ways`)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        candidates, output = code(art)
        for g in art["events"]:
            if score.scorable(g):
                yield art, candidates, output, g


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("which", nargs="?", default="train")
    ap.add_argument("--roots", default="", help="comma-separated roots (default: all)")
    ap.add_argument("--list", default="", choices=("", *CLASSES), metavar="CLASS",
                    help="also list the gold events of this class (id, code, trigger, evidence)")
    a = ap.parse_args()
    path = SETS.get(a.which, Path(a.which))
    code = coder_both_ways()
    by_root: dict[str, Counter] = {}
    listed: list[str] = []
    for art, candidates, output, g in coded_gold(path, code):
        root = score.root_of(g)
        if a.roots and root not in a.roots.split(","):
            continue
        why = reason(g, output, candidates)
        by_root.setdefault(root, Counter())[why] += 1
        if why == a.list:
            wrong = why in ("wrong target", "wrong source")
            listed.append(_row(art["id"], g, _same_root(g, candidates) if wrong else ""))
    print(f"{path.name}: gold events by what became of them (shipped models)")
    print("| root | " + " | ".join(CLASSES) + " |")
    print("|---" * (len(CLASSES) + 1) + "|")
    total: Counter = Counter()
    for root in sorted(by_root):
        total.update(by_root[root])
        print(f"| {root} | " + " | ".join(str(by_root[root][c]) for c in CLASSES) + " |")
    print("| all | " + " | ".join(str(total[c]) for c in CLASSES) + " |")
    if listed:
        print(f"\n{len(listed)} gold events: {a.list} (id, cameo, source>target, trigger, evidence)")
        print("\n".join(sorted(listed, key=lambda r: r.split("\t")[1])))


if __name__ == "__main__":
    main()
