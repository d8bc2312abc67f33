"""Gold actors that the actor stage never offers as a candidate, grouped by cause (issue #3).

usage: python scripts/actor_gaps.py [train|dev|PATH.jsonl] [--list] [--id-date]

For every non-background gold event and each of its roles (source, target), the gold
code is looked for among the argument-usable actor mentions (not locative, not media)
of the article:

    at_text     a mention overlapping the gold actor text has the gold code
    sentence    some mention in the sentence(s) of the evidence has it
    article     only a mention elsewhere in the article has it       -> gap
    absent      no usable mention in the article has it               -> gap

A gap is then given a cause from what the stage produced over the gold actor text:

    implicit         the gold actor has no text (pro-drop subject, unnamed attacker)
    role_no_country  a role noun (الشرطة، المصلين) left without a code: no antecedent
    ner_no_code      a person found by the NER model only, with no code
    coref_wrong      a role noun or name resolved by coreference to another actor
    wrong_<kind>     a dictionary mention of another code (kind: person, state, demonym…)
    locative         the right code, but read as a place (في لبنان) or a media outlet
    context          nothing here, although the text alone gives the code (blocked in context)
    role_only        nothing here; the text alone gives only a role noun
    unknown          nothing here, and the text alone gives nothing (missing name, group…)

``--also`` adds the count of gold events whose root was matched (as in eval_actors.py)
but whose source or target code is wrong.  ``--id-date`` codes train articles with the
date in their id (the gold files have none).  Development aid; reads ../shared.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from marsad.api_lib import Coder
from marsad.coding.coder import is_argument
from marsad.document import ActorMention, Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
SETS = {"dev": SHARED / "dev" / "articles.jsonl", "train": SHARED / "train" / "saudinewsnet.jsonl"}
GAPS = ("article", "absent")


def find(text: str, sub: str, after: int) -> tuple[int, int]:
    """Raw span of ``sub``, looked for from ``after`` first, then from the start."""
    i = text.find(sub, max(after, 0))
    if i < 0:
        i = text.find(sub)
    return (i, i + len(sub)) if i >= 0 else (-1, -1)


def overlapping(ms: list[ActorMention], a: int, b: int) -> list[ActorMention]:
    return [m for m in ms if a >= 0 and m.span.start < b and a < m.span.end]


def level(doc: Document, code: str, at_text: list[ActorMention], sent: tuple[int, int]) -> str:
    usable = [m for m in doc.actors if m.code == code and is_argument(m)]
    if any(m in usable for m in at_text):
        return "at_text"
    if overlapping(usable, *sent):
        return "sentence"
    return "article" if usable else "absent"


def cause(coder: Coder, actor: dict, at_text: list[ActorMention], date: str | None) -> str:
    code = actor["code"]
    if not actor.get("text"):
        return "implicit"
    if any(m.code == code for m in at_text):
        return "locative"
    if any(m.kind == "coref" for m in at_text):
        return "coref_wrong"
    wrong = [m for m in at_text if m.code]
    if wrong:
        return "wrong_" + wrong[0].kind
    if any(m.kind == "ner" for m in at_text):
        return "ner_no_code"
    if at_text:
        return "role_no_country"
    alone = coder.code(actor["text"], date=date).actors
    if any(m.code == code for m in alone):
        return "context"
    return "role_only" if any(not m.code for m in alone) else "unknown"


def evidence_sentences(doc: Document, ev: tuple[int, int]) -> tuple[int, int]:
    ss = [s for s in doc.sentences if s.start < ev[1] and ev[0] < s.end]
    return (min(s.start for s in ss), max(s.end for s in ss)) if ss else ev


def root_matched_wrong(doc: Document, g: dict, ev: tuple[int, int], tr: tuple[int, int]) -> bool:
    """Is the gold event matched by root + trigger/evidence (eval_actors.py) with a wrong code?"""
    roots = {g["root"], *(str(c).zfill(3)[:2] for c in g.get("cameo_alt") or [])}
    cands = [e for e in doc.events if e.root in roots and not e.background]
    hit = [e for e in cands if e.trigger.start < tr[1] and tr[0] < e.trigger.end] or \
          [e for e in cands if e.evidence.start < ev[1] and ev[0] < e.evidence.end]
    gt = (g.get("target") or {}).get("code")
    return bool(hit) and not any(e.source.code == g["source"]["code"] and
                                 (e.target.code if e.target else None) == gt for e in hit)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("which", nargs="?", default="train")
    ap.add_argument("--list", action="store_true", help="print every gap")
    ap.add_argument("--id-date", action="store_true", help="date articles from their id (train)")
    args = ap.parse_args()
    coder = Coder()
    levels: Counter = Counter()
    causes: Counter = Counter()
    codes: Counter = Counter()
    wrong_n = wrong_gap = 0
    for line in SETS.get(args.which, Path(args.which)).read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        date = art["id"][13:23] if args.id_date else art.get("date")
        doc = coder.code(art["text"], date=date, id=art["id"])
        text = art["text"]
        for g in art["events"]:
            if g.get("background"):
                continue
            ev = find(text, g["evidence"], 0)
            tr = find(text, g["trigger"], ev[0])
            sent = evidence_sentences(doc, ev)
            wrong = root_matched_wrong(doc, g, ev, tr)
            wrong_n += wrong
            any_gap = False
            for role in ("source", "target"):
                actor = g.get(role)
                if not actor:
                    continue
                at_text = overlapping(doc.actors, *find(text, actor["text"], ev[0])) if actor.get("text") else []
                lv = level(doc, actor["code"], at_text, sent)
                levels[role, lv] += 1
                if lv not in GAPS:
                    continue
                any_gap = True
                why = cause(coder, actor, at_text, date)
                causes[why] += 1
                codes[why, actor["code"]] += 1
                if args.list:
                    found = "; ".join(f"{m.span.text}|{m.code}|{m.agent}|{m.kind}" for m in at_text)
                    print(f"{art['id']}\t{lv}\t{why}\t{role}\t{actor['code']}\t{actor.get('agent')}\t"
                          f"{actor.get('text')}\t{actor.get('name')}\t{found}")
            wrong_gap += wrong and any_gap
    print("levels (role, level): " + ", ".join(f"{r}/{lv} {n}" for (r, lv), n in sorted(levels.items())))
    total = sum(causes.values())
    print(f"gaps (article + absent): {total}")
    for why, n in causes.most_common():
        top = [(c, k) for (w, c), k in codes.most_common() if w == why][:8]
        print(f"  {why:16} {n:4}   " + " ".join(f"{c}:{k}" for c, k in top))
    print(f"root matched but source/target code wrong: {wrong_n} events, of which {wrong_gap} with a gap")


if __name__ == "__main__":
    main()
