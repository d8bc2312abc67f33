"""Diagnostic of the date resolver on the dev set (not a tuning tool).

For every gold event with a non-null ``date`` in an article with a known
publication date it reports:

* **resolver**: the time expression closest to the gold trigger inside the gold
  evidence — else inside the sentence(s) the evidence overlaps — as found by
  ``find_times`` with the article's ``date``; correct when its date equals the
  gold date.
* **assign_dates**: the full policy of ``marsad.when_where.event_dates`` on an
  Event built from the gold evidence/trigger/background flag; also over all
  non-background gold events, where a null gold date must stay null.

Usage: PYTHONPATH=src .venv/bin/python scripts/eval_dates.py [--dev PATH] [--show]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date as Date
from pathlib import Path

from _gold import evidence_span, trigger_span  # scripts/ is on the path when run as a script

from marsad.document import ActorMention, Document, Event, Span
from marsad.text.prepare import document_from_text
from marsad.when_where.dates import find_times_stage
from marsad.when_where.event_dates import assign_dates

DEFAULT_DEV = Path(__file__).resolve().parents[1] / "../shared/eval/dev/articles.jsonl"


def _event(doc: Document, gold: dict) -> Event | None:
    ev = evidence_span(doc.text, gold)
    if ev is None:
        return None
    ev_start = ev[0]
    tr_start = (trigger_span(doc.text, gold, ev) or ev)[0]
    evidence = Span(ev_start, ev[1], gold["evidence"])
    trigger = Span(tr_start, tr_start + len(gold["trigger"]), gold["trigger"])
    sent = next((i for i, s in enumerate(doc.sentences) if s.start <= tr_start < s.end), 0)
    actor = ActorMention(Span(0, 0, ""), gold["source"]["code"])
    return Event(actor, None, gold["cameo"], trigger, evidence, background=bool(gold.get("background")),
                 sentence=sent)


def _resolver(doc: Document, ev: Event):
    """Closest time expression to the trigger in the evidence, else in its sentences."""
    def closest(lo: int, hi: int):
        inside = [t for t in doc.times if t.span.start >= lo and t.span.end <= hi]
        return min(inside, key=lambda t: abs(t.span.start - ev.trigger.start), default=None)

    t = closest(ev.evidence.start, ev.evidence.end)
    if t is None:
        sents = [s for s in doc.sentences if s.start < ev.evidence.end and s.end > ev.evidence.start]
        if sents:
            t = closest(sents[0].start, sents[-1].end)
    return t


def run(dev: Path, show: bool = False) -> dict[str, Counter]:
    stats = {"resolver": Counter(), "assign_dated": Counter(), "assign_all": Counter()}
    for line in dev.open(encoding="utf-8"):
        art = json.loads(line)
        if not art.get("date"):
            continue
        doc = document_from_text(art["text"], id=art["id"], date=Date.fromisoformat(art["date"]))
        find_times_stage(doc)
        pairs = [(g, _event(doc, g)) for g in art["events"]]
        pairs = [(g, e) for g, e in pairs if e is not None]
        doc.events = [e for _, e in pairs]
        assign_dates(doc)
        for gold, ev in pairs:
            gdate = gold.get("date")
            got = ev.date.isoformat() if ev.date else None
            if not gold.get("background"):
                stats["assign_all"]["correct" if got == gdate else "wrong"] += 1
            if not gdate:
                continue
            t = _resolver(doc, ev)
            verdict = "no_expression" if t is None else ("correct" if t.date.isoformat() == gdate else "wrong")
            stats["resolver"][verdict] += 1
            stats["assign_dated"]["correct" if got == gdate else ("null" if got is None else "wrong")] += 1
            if show and (verdict != "correct" or got != gdate):
                found = f"{t.span.text!r}->{t.date}" if t else "-"
                print(f"{art['id']}\tgold={gdate}\tresolver={found}\tassign={got}\t{gold['trigger']}")
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    ap.add_argument("--show", action="store_true", help="print the misses")
    args = ap.parse_args()
    stats = run(args.dev, args.show)
    r = stats["resolver"]
    n = sum(r.values())
    found = r["correct"] + r["wrong"]
    print(f"gold events with a date: {n}")
    print(f"resolver: correct {r['correct']}/{n} = {r['correct'] / max(n, 1):.3f}; "
          f"an expression found for {found}, correct among them {r['correct'] / max(found, 1):.3f}; "
          f"no expression {r['no_expression']}")
    a = stats["assign_dated"]
    print(f"assign_dates on dated gold events: correct {a['correct']}/{n} = {a['correct'] / max(n, 1):.3f} "
          f"(wrong {a['wrong']}, null {a['null']})")
    b = stats["assign_all"]
    m = sum(b.values())
    print(f"assign_dates on all non-background gold events (null must stay null): "
          f"{b['correct']}/{m} = {b['correct'] / max(m, 1):.3f}")


if __name__ == "__main__":
    main()
