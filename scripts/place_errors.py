"""Event places on any annotated file: place_country over triple-matched events, and the errors by kind.

Usage:  PYTHONPATH=src .venv/bin/python scripts/place_errors.py GOLD.jsonl [GOLD2.jsonl …]
            [--show missing,wrong] [--shared ../shared]

GOLD files hold articles with "id", "text" and gold "events" (the train file, or the extra and
random sets joined with their texts by scripts/extra_annotations.py).  Each is coded with the
shipped pipeline (no time budget), events are matched to gold by (source, target, root) exactly as
../shared/eval/score.py does, and over the matched pairs the script prints:

* ``place_country``: score.py's figure (pairs whose gold place has a country; right / all);
* counts of ``ok`` / ``wrong`` (another country) / ``missing`` (none given) / ``extra`` (a place
  where gold has none; score.py does not count these) / ``both-null``;
* with ``--show``, each pair of the listed kinds with the gold place, ours, the evidence and a hint
  of why: ``dateline`` (gold's place is the dateline city), ``no-text`` (gold names no place text:
  the country of an actor or of the setting), ``homonym`` (same place text, another country),
  ``actor`` (our place is an actor's state: nothing in the text placed the event),
  ``outside`` (gold's place text is not in the event's evidence: another sentence), ``other``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter
from pathlib import Path
from typing import Any

from marsad.api_lib import Coder
from marsad.config import Settings
from marsad.document import Document
from marsad.when_where.dateline import detect_dateline
from marsad.when_where.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("ok", "wrong", "missing", "extra", "both-null")


def load_score(shared: Path) -> Any:
    """../shared/eval/score.py as a module (its matching is the one the figures use)."""
    spec = importlib.util.spec_from_file_location("score", shared / "eval/score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py under {shared}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def kind_of(gold: dict | None, ours: dict | None) -> str:
    gc, sc = (gold or {}).get("country"), (ours or {}).get("country")
    if gc:
        return "ok" if sc == gc.upper() else "wrong" if sc else "missing"
    return "extra" if sc else "both-null"


def why(gold: dict | None, ours: dict | None, event: dict, doc: Document, gaz: Gazetteer) -> str:
    """A rough reason for a wrong or missing place (see the module docstring)."""
    g_text = (gold or {}).get("text")
    dateline = detect_dateline(doc, gaz)
    if g_text and dateline is not None and (g_text in dateline.text or dateline.text in g_text):
        return "dateline"
    if not g_text:
        return "no-text"
    o_text = (ours or {}).get("text") or ""
    if o_text and (o_text in g_text or g_text in o_text):
        return "homonym"
    actors = {(event.get("source") or {}).get("text"), (event.get("target") or {}).get("text")}
    if ours and o_text in actors:
        return "actor"
    evidence = (event.get("evidence") or {}).get("text") or ""
    return "outside" if g_text not in evidence else "other"


def _short(place: dict | None) -> str:
    if not place:
        return "-"
    return f"{place.get('name')}/{place.get('country')} [{place.get('text')}]"


def run(path: Path, coder: Coder, score: Any, gaz: Gazetteer, show: set[str]) -> Counter:
    arts = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    counts: Counter = Counter()
    for art in arts:
        doc = coder.code(art["text"], date=art.get("date"), id=art["id"])
        system = [e.to_dict() for e in doc.events]
        _, _, _, pairs = score.match_doc(art.get("events", []), system, score.KEYS["triple"])
        for g, s in pairs:
            k = kind_of(g.get("place"), s.get("place"))
            counts[k] += 1
            if k in show:
                reason = why(g.get("place"), s.get("place"), s, doc, gaz) if k in ("wrong", "missing") else ""
                counts[f"{k}:{reason}"] += bool(reason)
                print(f"--- {k} {reason} {art['id']} {s.get('cameo')} "
                      f"{(s.get('source') or {}).get('code')}>{(s.get('target') or {}).get('code')}")
                print(f"    gold {_short(g.get('place'))} | ours {_short(s.get('place'))}")
                print(f"    {((s.get('evidence') or {}).get('text') or '')[:300]}")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--show", default="", help="comma-separated kinds to list (wrong,missing,extra)")
    ap.add_argument("--shared", type=Path, default=ROOT / "../shared")
    args = ap.parse_args()
    score = load_score(args.shared)
    coder = Coder(Settings(time_budget_ms=0))
    gaz = Gazetteer()
    show = {k for k in args.show.split(",") if k}
    total: Counter = Counter()
    for path in args.gold:
        c = run(path, coder, score, gaz, show)
        total += c
        n = c["ok"] + c["wrong"] + c["missing"]
        print(json.dumps({"file": str(path), "place_country": round(c["ok"] / n, 4) if n else None, "n": n,
                          **{k: c[k] for k in KINDS}, **{k: v for k, v in c.items() if ":" in k}}))
    if len(args.gold) > 1:
        n = total["ok"] + total["wrong"] + total["missing"]
        print(json.dumps({"file": "all", "place_country": round(total["ok"] / n, 4) if n else None, "n": n,
                          **{k: total[k] for k in KINDS}}))


if __name__ == "__main__":
    main()
