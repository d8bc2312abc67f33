"""Root confusion at the gold trigger: which root the system gives where a gold event is stated.

usage: python scripts/root_confusion.py [train|dev|PATH.jsonl] [--stage cand|out] [--list G,S] [--min N]

Each article is coded twice with the shipped models (as scripts/miss_reasons.py does): once with
the confidence filter switched off (every candidate event, ``cand``) and once as `marsad code`
does (``out``).  For every scorable gold event the gold trigger is located in the text (its
evidence, then the trigger inside it) and the system events are matched to it:

* ``trigger`` — events whose trigger span overlaps the gold trigger;
* ``evidence`` — if there are none, events whose trigger lies inside the gold evidence;
* none — the cell's system root is ``--``.

The system root of a gold event is its gold root (or a cameo_alt root) when a matched event has it,
else the most frequent root among the matched events (ties: lowest code).  The table is gold root
(rows) x system root (columns); the diagonal is right-root, ``--`` is no event near the gold
trigger, the rest is root confusion.  Arguments are ignored: a right root with the wrong actors is
still on the diagonal.  ``--list G,S`` prints the gold events of one cell (id, gold cameo, system
cameo@trigger, gold trigger, sentence); it is refused on dev, which is for measuring only (counts).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from _gold import evidence_span, trigger_span  # scripts/ is on the path when run as a script
from miss_reasons import (  # scripts/ is on the path when run as a script
    SETS,
    coded_gold,
    coder_both_ways,
    score,
)

NONE = "--"


def gold_spans(text: str, gold: dict) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Raw-text spans of the gold trigger and evidence (the first occurrence), or None."""
    ev = evidence_span(text, gold)
    trig = trigger_span(text, gold, ev)
    if trig is None or (ev and trig[1] > ev[1]):
        trig = trigger_span(text, gold)
    return trig, ev


def near(events: list, trig: tuple[int, int] | None, ev: tuple[int, int] | None) -> tuple[str, list]:
    """The events at the gold trigger (overlap), else those with a trigger inside the evidence."""
    if trig:
        hit = [e for e in events if e.trigger.start < trig[1] and trig[0] < e.trigger.end]
        if hit:
            return "trigger", hit
    if ev:
        hit = [e for e in events if ev[0] <= e.trigger.start and e.trigger.end <= ev[1]]
        if hit:
            return "evidence", hit
    return "none", []


def system_root(gold_roots: set[str], events: list) -> str:
    """The gold root if a matched event has it, else the most frequent matched root, else ``--``."""
    roots = Counter(e.root for e in events)
    for r in sorted(gold_roots):
        if r in roots:
            return r
    if not roots:
        return NONE
    return min(roots, key=lambda r: (-roots[r], r))


def table(cells: Counter, title: str) -> list[str]:
    """A gold x system root table (markdown) with row totals and the diagonal share."""
    gold = sorted({g for g, _ in cells})
    sys_roots = sorted({s for _, s in cells} - {NONE}) + [NONE]
    lines = [title, "| gold \\ system | " + " | ".join(sys_roots) + " | all | right | confused |",
             "|---" * (len(sys_roots) + 4) + "|"]
    for g in gold:
        row = [cells[(g, s)] for s in sys_roots]
        total, right = sum(row), cells[(g, g)]
        confused = total - right - cells[(g, NONE)]
        lines.append(f"| {g} | " + " | ".join(str(n) if n else "." for n in row)
                     + f" | {total} | {right} | {confused} |")
    total = sum(cells.values())
    right = sum(n for (g, s), n in cells.items() if g == s)
    none = sum(n for (_, s), n in cells.items() if s == NONE)
    lines.append(f"all {total}: right root {right}, other root {total - right - none}, no event near {none}")
    return lines


def largest(cells: Counter, n: int) -> str:
    """The largest off-diagonal cells as 'G>S n'."""
    off = [(k, v) for k, v in cells.items() if k[0] != k[1] and k[1] != NONE]
    off.sort(key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{g}>{s} {v}" for (g, s), v in off[:n])


def _row(art_id: str, gold: dict, events: list, how: str, width: int = 200) -> str:
    got = "; ".join(dict.fromkeys(f"{e.cameo}@{e.trigger.text} ({e.source.code}/{e.source.agent or '-'} {e.source.kind})"
                                 for e in events))
    sent = " ".join((gold.get("evidence") or "").split())[:width]
    return "\t".join((art_id, gold["cameo"], f"{how}: {got}", gold.get("trigger") or "", sent))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("which", nargs="?", default="train")
    ap.add_argument("--stage", choices=("cand", "out", "both"), default="both",
                    help="candidates before the filter, the output after it, or both tables")
    ap.add_argument("--list", default="", metavar="G,S", help="list the gold events of one cell (not on dev)")
    ap.add_argument("--top", type=int, default=12, help="how many of the largest confusions to name")
    a = ap.parse_args()
    if a.list and a.which == "dev":
        raise SystemExit("--list is refused on dev (for measuring only); use train")
    path = SETS.get(a.which, Path(a.which))
    want = tuple(a.list.split(",")) if a.list else None
    code = coder_both_ways()
    cells = {"cand": Counter(), "out": Counter()}
    how_n: Counter = Counter()
    listed: list[str] = []
    for art, cands, out, g in coded_gold(path, code):
        trig, ev = gold_spans(art["text"], g)
        roots = score.alt_roots(g)
        for stage, events in (("cand", cands), ("out", out)):
            how, hit = near(events, trig, ev)
            s = system_root(roots, hit)
            cells[stage][(score.root_of(g), s)] += 1
            if stage == "cand":
                how_n[how] += 1
            if want and stage == ("out" if a.stage == "out" else "cand") and (score.root_of(g), s) == want:
                listed.append(_row(art["id"], g, hit, how))
    print(f"{path.name}: gold events by the root of the system events at their trigger (shipped models)")
    print(f"located by trigger overlap {how_n['trigger']}, by evidence only {how_n['evidence']}, "
          f"nothing near {how_n['none']}")
    for stage in (("cand", "out") if a.stage == "both" else (a.stage,)):
        name = "candidates (filter off)" if stage == "cand" else "output (after the filter)"
        print()
        print("\n".join(table(cells[stage], f"{name}:")))
        print(f"largest confusions ({stage}): {largest(cells[stage], a.top)}")
    if want:
        print(f"\n{len(listed)} gold events, gold {want[0]} -> system {want[1]} "
              "(id, gold cameo, how: system cameo@trigger (source code/agent kind), gold trigger, evidence)")
        print("\n".join(listed))


if __name__ == "__main__":
    main()
