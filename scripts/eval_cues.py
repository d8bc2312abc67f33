"""Diagnostics for the cue functions (marsad.coding.cues) against the TRAIN gold set.

For every gold event the trigger is located (text.find(evidence), then the
trigger inside the evidence) and the cue functions are run on its sentence:

* quantities: share of gold quantities whose value is found, and value + unit
  (loose unit match: equal, or one unit's words contain the other's); share
  of events without gold quantities for which some quantity is returned;
* attribution: share of events whose reported_by count equals the number of
  sources found in the trigger's sentence, and found/not-found agreement;
* background: agreement with the gold flag, precision and recall, with the
  publication date unknown (as in the gold files) and with the date taken
  from the SaudiNewsNet id (``saudinewsnet-YYYY-MM-DD-…``);
* modality: gold events are all asserted by the guideline, so the share of
  non-asserted answers is an error rate; embedded_under classes are counted.

Also ``--bench``: microseconds per call on sentences of the news corpus.

Usage:
  PYTHONPATH=src .venv/bin/python scripts/eval_cues.py [--gold PATH] [--examples N]
  PYTHONPATH=src .venv/bin/python scripts/eval_cues.py --bench [--docs 300]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from bisect import bisect_right
from collections import Counter
from datetime import date
from pathlib import Path

from _gold import evidence_span, trigger_span  # scripts/ is on the path when run as a script

from marsad.coding.cues import attribution, embedded_under, is_background, load_cues, modality, quantities
from marsad.text.prepare import document_from_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / "../shared"
WINDOWS = ("auto", "clause", "sentence")
_ID_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def locate(doc, ev) -> tuple[int, int] | None:
    """``(sentence, token)`` of the gold trigger's first word, or None."""
    evidence = evidence_span(doc.text, ev)
    trig = trigger_span(doc.text, ev, evidence) if evidence else None
    if trig is None:
        return None
    n = doc.offsets.to_norm(trig[0])
    starts = [t.start for t in doc.tokens]
    i = max(0, bisect_right(starts, n) - 1)
    if doc.tokens[i].end <= n and i + 1 < len(doc.tokens):
        i += 1
    for s, sent in enumerate(doc.sentences):
        if sent.first_token <= i < sent.last_token:
            return s, i
    return None


_SYNONYMS = {"wounded": "injured", "persons": "people", "airstrikes": "air strikes"}


def unit_match(gold: str, mine: str) -> bool:
    """Loose unit equality: synonyms folded, then equal or one's words contain the other's."""
    gold, mine = (" ".join(_SYNONYMS.get(w, w) for w in u.lower().split()) for u in (gold, mine))
    g, m = set(gold.split()), set(mine.split())
    return g <= m or m <= g or gold.rstrip("s") == mine.rstrip("s")


def evaluate(gold_path: Path, examples: int) -> None:
    cues = load_cues()
    c: Counter[str] = Counter()
    misses: dict[str, list[str]] = {"quantity": [], "attribution": [], "bg_fn": [], "bg_fp": [], "modality": []}
    for line in gold_path.open(encoding="utf-8"):
        art = json.loads(line)
        m = _ID_DATE.search(art["id"])
        id_date = date(int(m[1]), int(m[2]), int(m[3])) if m else None
        doc = document_from_text(art["text"], date=None)
        dated = document_from_text(art["text"], date=id_date)
        for ev in art["events"]:
            c["events"] += 1
            loc = locate(doc, ev)
            if loc is None:
                c["unlocated"] += 1
                continue
            s, ti = loc
            c["located"] += 1
            _quant(cues, doc, s, ti, ev, c, misses["quantity"])
            _attrib(cues, doc, s, ev, c, misses["attribution"])
            gold_bg = bool(ev.get("background"))
            for tag, d in (("nodate", doc), ("iddate", dated)):
                mine = is_background(cues, d, s, ti)
                c[f"bg_{tag}_{'t' if gold_bg else 'f'}{'t' if mine else 'f'}"] += 1
                if tag == "iddate" and mine != gold_bg:
                    misses["bg_fn" if gold_bg else "bg_fp"].append(f"{ev['trigger']} | {ev['evidence'][:120]}")
            mod = modality(cues, doc, s, ti)
            c[f"mod_{mod}"] += 1
            if mod != "asserted":
                c[f"modroot_{mod}_{ev['cameo'][:2]}"] += 1
                misses["modality"].append(f"{mod}: {ev['trigger']} | {ev['evidence'][:120]}")
            c[f"emb_{embedded_under(cues, doc, s, ti)}"] += 1
    _report(c, misses, examples)


def _quant(cues, doc, s, ti, ev, c, misses) -> None:
    gold = ev.get("quantities") or []
    for window in WINDOWS:
        mine = quantities(cues, doc, s, ti, window=window)
        if not gold:
            c[f"q_{window}_none_events"] += 1
            c[f"q_{window}_none_but_found"] += bool(mine)
            continue
        for q in gold:
            c[f"q_{window}_gold"] += 1
            vals = [x for x in mine if abs(x.value - float(q["value"])) < 1e-6]
            c[f"q_{window}_value"] += bool(vals)
            hit = any(unit_match(q["unit"], x.unit) for x in vals)
            c[f"q_{window}_value_unit"] += hit
            if not hit and window == "auto":
                misses.append(f"{q} got {[(x.value, x.unit) for x in mine]} | {ev['evidence'][:110]}")


def _attrib(cues, doc, s, ev, c, misses) -> None:
    gold = len(ev.get("reported_by") or [])
    for inherit in (False, True):
        mine = attribution(cues, doc, s, inherit=inherit)
        tag = f"a_{'inherit' if inherit else 'own'}"
        c[f"{tag}_exact"] += gold == len(mine)
        c[f"{tag}_gold_pos"] += gold > 0
        c[f"{tag}_gold_pos_found"] += gold > 0 and len(mine) > 0
        c[f"{tag}_gold_neg"] += gold == 0
        c[f"{tag}_gold_neg_found"] += gold == 0 and len(mine) > 0
        if gold != len(mine) and not inherit:
            got = [(a.name, a.anonymous) for a in mine]
            misses.append(f"{ev.get('reported_by')} got {got} | {ev['evidence'][:90]}")


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100 * a / b:.1f}%" if b else f"{a}/0"


def _report(c: Counter, misses: dict[str, list[str]], examples: int) -> None:
    print(f"events {c['events']}, trigger located {c['located']} (unlocated {c['unlocated']})")
    for w in WINDOWS:
        print(f"quantities (window={w}{', the default' if w == 'auto' else ''})")
        print(f"  gold quantities with value found       {_pct(c[f'q_{w}_value'], c[f'q_{w}_gold'])}")
        print(f"  gold quantities with value+unit found  {_pct(c[f'q_{w}_value_unit'], c[f'q_{w}_gold'])}")
        print(f"  events w/o gold quantity, some found   {_pct(c[f'q_{w}_none_but_found'], c[f'q_{w}_none_events'])}")
    for tag in ("own", "inherit"):
        t = f"a_{tag}"
        print(f"attribution ({'trigger sentence only' if tag == 'own' else 'inherit=True: subjectless sentences take earlier sources'})")
        print(f"  count equal to gold reported_by        {_pct(c[f'{t}_exact'], c['located'])}")
        print(f"  gold has sources, >=1 found            {_pct(c[f'{t}_gold_pos_found'], c[f'{t}_gold_pos'])}")
        print(f"  gold has none, some found              {_pct(c[f'{t}_gold_neg_found'], c[f'{t}_gold_neg'])}")
    for tag in ("nodate", "iddate"):
        tt, tf, ft, ff = (c[f"bg_{tag}_{x}"] for x in ("tt", "tf", "ft", "ff"))
        print(f"background ({'no publication date' if tag == 'nodate' else 'date from id'})")
        print(f"  agreement {_pct(tt + ff, tt + tf + ft + ff)}; precision {_pct(tt, tt + ft)}; recall {_pct(tt, tt + tf)}")
    mods = {k[4:]: v for k, v in c.items() if k.startswith("mod_")}
    print(f"modality on gold (all asserted by guideline): {mods}")
    roots = {k[8:]: v for k, v in sorted(c.items()) if k.startswith("modroot_")}
    print(f"  gold roots of the non-asserted answers: {roots}")
    print(f"embedded_under on gold triggers: { {k[4:]: v for k, v in c.items() if k.startswith('emb_')} }")
    for name, lines in misses.items():
        if examples and lines:
            print(f"\n-- {name} misses (first {examples} of {len(lines)})")
            for ln in lines[:examples]:
                print("  " + ln)


def bench(n_docs: int) -> None:
    """Microseconds of CPU time per call of each cue function on real sentences."""
    cues = load_cues().warm()
    docs = []
    with (SHARED / "data/news/saudinewsnet.jsonl").open(encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k >= n_docs:
                break
            d = json.loads(line)
            docs.append(document_from_text(d["text"], date=date.fromisoformat(d["date"]) if d.get("date") else None))
    calls = [(d, s, (sent.first_token + sent.last_token) // 2)
             for d in docs for s, sent in enumerate(d.sentences) if sent.last_token > sent.first_token]
    print(f"{len(docs)} documents, {len(calls)} sentences (trigger = middle token)")
    for name, fn in (("modality", modality), ("embedded_under", embedded_under), ("is_background", is_background),
                     ("quantities", quantities)):
        t = time.process_time()
        for d, s, ti in calls:
            fn(cues, d, s, ti)
        print(f"  {name:15s} {1e6 * (time.process_time() - t) / len(calls):6.1f} µs/call")
    t = time.process_time()
    for d, s, _ in calls:
        attribution(cues, d, s)
    print(f"  {'attribution':15s} {1e6 * (time.process_time() - t) / len(calls):6.1f} µs/call")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "eval/train/saudinewsnet.jsonl")
    ap.add_argument("--examples", type=int, default=0, help="print this many misses per family")
    ap.add_argument("--bench", action="store_true")
    ap.add_argument("--docs", type=int, default=300)
    args = ap.parse_args()
    if args.bench:
        bench(args.docs)
    else:
        evaluate(args.gold, args.examples)


if __name__ == "__main__":
    main()
