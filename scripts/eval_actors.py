"""Actor code accuracy on matched events of an annotated set (dev by default).

usage: python scripts/eval_actors.py [dev|train|PATH.jsonl] [--list]

A gold (non-background) event is matched to a system event of the same root (or a cameo_alt
root) whose trigger overlaps the gold trigger, or failing that whose evidence overlaps the gold
evidence.  For matched pairs it reports source-code and target-code accuracy (the target only
where gold has one), and the agent accuracy of the source.  The system output is the default
`marsad code` output.  ``--list`` prints every wrong source or target code (role, gold code and
agent, system code, agent and text, trigger, evidence), tab-separated, for grouping errors.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from marsad.api_lib import Coder
from marsad.config import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
SETS = {"dev": SHARED / "dev" / "articles.jsonl", "train": SHARED / "train" / "saudinewsnet.jsonl"}


def span_of(text: str, sub: str, after: int = 0) -> tuple[int, int]:
    i = text.find(sub, max(after, 0))
    return (i, i + len(sub)) if i >= 0 else (-1, -1)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] >= 0 and b[0] >= 0 and a[0] < b[1] and b[0] < a[1]


def parse_args(doc: str = __doc__) -> argparse.Namespace:
    """`[dev|train|PATH.jsonl] [--list]`, the command line of this script and of eval_actor_mentions.py."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("which", nargs="?", default="dev", help="dev, train or an annotated JSONL (default dev)")
    ap.add_argument("--list", action="store_true", help="list the errors, tab-separated")
    return ap.parse_args()


def main() -> None:
    args = parse_args()
    listing = args.list
    path = SETS.get(args.which) or Path(args.which)
    coder = Coder(Settings.from_env())  # MARSAD_ARG_MODEL_PATH=... and the like try other models
    n = src_ok = tgt_n = tgt_ok = agent_n = agent_ok = gold_n = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        doc = coder.code(art["text"], date=art.get("date"), id=art["id"])
        for g in art["events"]:
            if g.get("background"):
                continue
            gold_n += 1
            roots = {g["root"], *(str(c).zfill(3)[:2] for c in g.get("cameo_alt") or [])}
            ev = span_of(art["text"], g["evidence"])
            tr = span_of(art["text"], g["trigger"], ev[0])
            cands = [e for e in doc.events if e.root in roots and not e.background]
            hit = [e for e in cands if overlaps((e.trigger.start, e.trigger.end), tr)] or \
                  [e for e in cands if overlaps((e.evidence.start, e.evidence.end), ev)]
            if not hit:
                continue
            n += 1
            best = max(hit, key=lambda e: (e.source.code == g["source"]["code"],
                                           (e.target.code if e.target else None) == (g.get("target") or {}).get("code")))
            src_ok += best.source.code == g["source"]["code"]
            if listing and best.source.code != g["source"]["code"]:
                _show("source", g["source"], best.source, best)
            if g.get("target"):
                tgt_n += 1
                tgt_ok += bool(best.target) and best.target.code == g["target"]["code"]
                if listing and not (best.target and best.target.code == g["target"]["code"]):
                    _show("target", g["target"], best.target, best)
            if g["source"].get("agent"):
                agent_n += 1
                agent_ok += (best.source.agent or "") == g["source"]["agent"]
    print(f"{path.name}: {gold_n} gold events, {n} matched by root + trigger/evidence overlap")
    print(f"source code accuracy {src_ok / max(n, 1):.3f} ({src_ok}/{n}); target code accuracy "
          f"{tgt_ok / max(tgt_n, 1):.3f} ({tgt_ok}/{tgt_n}); source agent accuracy {agent_ok / max(agent_n, 1):.3f} "
          f"({agent_ok}/{agent_n})")


def _show(role: str, gold: dict, actor, ev) -> None:
    got = (actor.code, actor.agent or "", actor.span.text) if actor is not None else ("", "", "")
    print("\t".join([role, gold["code"], gold.get("agent") or "", *got, ev.trigger.text, ev.evidence.text[:160]]))


if __name__ == "__main__":
    main()
