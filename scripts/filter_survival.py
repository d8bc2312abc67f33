"""What the event filter keeps on unseen news: per root, by trigger familiarity, and for new lexicon rows.

usage: python scripts/filter_survival.py [--start 5000] [--end 8000] [--model FILE] [--since REV [--until REV]] [--list]

Codes the SaudiNewsNet articles of lines [start, end) of ../shared/data/news/saudinewsnet.jsonl
(train ids excluded) twice: with the confidence filter switched off (every candidate) and as
`marsad code` does (the shipped event filter, or ``--model FILE``).  An asserted, non-background
candidate *survives* when the output has its (source, target, code) triple.  Prints per root the
candidates and survivors, and how much the per-trigger and per-row weights (``trig=``, ``pat=``)
decide: the candidates whose trigger word or row has no weight (never seen in train), and the
decisions that flip when those weights are set to zero (score against the threshold, before the
root model's rescue).  With ``--since REV`` the same for the lexicon rows appended since the git
revision REV (the rows a lexicon change added: "how many of their asserted candidates survive";
``--until REV2``: only those the lexicon had at REV2), and ``--list`` prints those rows' candidates (code, score, kept, trigger, evidence).
The dev set is never read.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
from collections import Counter
from pathlib import Path

from marsad.api_lib import Coder
from marsad.coding.confidence import EventFilter
from marsad.coding.lexicon import BLOCK_NOTE
from marsad.config import Settings
from marsad.document import Event
from marsad.resources import parse_tsv, read_tsv

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NEWS = SHARED / "data" / "news" / "saudinewsnet.jsonl"
TRAIN = SHARED / "eval" / "train" / "saudinewsnet.jsonl"
LEXICON = Path("src") / "marsad" / "resources" / "lexicon"
SPECIFIC = ("trig=", "pat=")


def rows_at(rev: str, name: str) -> int:
    """Number of data rows of lexicon file ``name`` at git revision ``rev`` (0 if it had no such file)."""
    ok = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
                        capture_output=True, text=True)
    if ok.returncode != 0:
        raise SystemExit(f"{rev!r} is not a git revision of {ROOT}")
    old = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{(LEXICON / name).as_posix()}"],
                         capture_output=True, text=True)
    return sum(1 for _ in parse_tsv(old.stdout.splitlines(keepends=True))) if old.returncode == 0 else 0


def rows_since(rev: str, until: str = "") -> set[str]:
    """Pattern sources ("13.tsv:90", as ``TriggerLexicon`` names them) of the non-BLOCK rows appended to
    the lexicon TSVs after git revision ``rev`` (up to revision ``until``, default: the working tree).
    Rows are only ever appended, so a row's number stays."""
    out: set[str] = set()
    for path in sorted((ROOT / LEXICON).glob("[0-2][0-9].tsv")):
        before = rows_at(rev, path.name)
        upto = rows_at(until, path.name) if until else None
        for n, row in enumerate(read_tsv(path), 2):
            if n - 2 >= before and (upto is None or n - 2 < upto) and row.get("pattern") \
                    and not (row.get("note") or "").startswith(BLOCK_NOTE):
                out.add(f"{path.name}:{n}")
    return out


def triple(ev: Event) -> tuple[str, str, str]:
    return ev.source.code, ev.target.code if ev.target else "-", ev.cameo


def articles(start: int, end: int):
    """(id, text) of the news lines [start, end) that are not train articles."""
    train = {json.loads(line)["id"] for line in TRAIN.read_text(encoding="utf-8").splitlines() if line.strip()}
    with NEWS.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= end:
                break
            if i >= start:
                art = json.loads(line)
                if art["id"] not in train:
                    yield art["id"], art["text"]


def tally(c: Counter, ev: Event, kept: bool, model: EventFilter, new: set[str]) -> str:
    """Count one asserted candidate under its root, "all" and (a row of ``new``) "new rows"; returns
    its row when it is new, else ""."""
    f, weights = ev.features, model.weights
    floor = math.log(model.threshold / (1 - model.threshold))
    z = model.logit(f)
    zs = sum(weights.get(k, 0.0) for k in f if k.startswith(SPECIFIC))
    unseen = not any(k in weights for k in f if k.startswith("trig="))
    row = next(k[4:] for k in f if k.startswith("pat="))
    for key in (ev.root, "all") + (("new rows",) if row in new else ()):
        c[key, "n"] += 1
        c[key, "kept"] += kept
        c[key, "unseen"] += unseen
        c[key, "unseen kept"] += kept and unseen
        c[key, "flip+"] += z >= floor > z - zs  # kept thanks to the trig=/pat= weights
        c[key, "flip-"] += z - zs >= floor > z  # dropped because of them
    return row if row in new else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--start", type=int, default=5000)
    ap.add_argument("--end", type=int, default=8000)
    ap.add_argument("--model", default="", help="an event filter file instead of the shipped one")
    ap.add_argument("--since", default="", help="also report the lexicon rows appended since this git revision")
    ap.add_argument("--until", default="", help="with --since: only the rows the lexicon had at this revision")
    ap.add_argument("--list", action="store_true", help="list the candidates of the --since rows")
    a = ap.parse_args()
    coder = Coder(Settings(event_filter_path=a.model), errors="raise")
    stage = next(s for s in coder.pipeline.stages if s.name == "events")
    model = stage.filter
    new = rows_since(a.since, a.until) if a.since else set()
    c: Counter = Counter()
    listed: list[str] = []
    n_art = 0
    for aid, text in articles(a.start, a.end):
        n_art += 1
        stage.filter = None
        try:
            cands = coder.code(text, id=aid).events
        finally:
            stage.filter = model
        out = {triple(e) for e in coder.code(text, id=aid).events}
        for ev in cands:
            if ev.modality == "asserted" and not ev.background:
                row = tally(c, ev, triple(ev) in out, model, new)
                if row and a.list:
                    listed.append(f"{ev.cameo:5s} {model.score(ev.features):.2f} "
                                  f"{'kept' if triple(ev) in out else '    '} {row:11s} {triple(ev)[0]}>{triple(ev)[1]} "
                                  f"{ev.trigger.text} | {ev.evidence.text[:160]}")
    print(f"{n_art} unseen articles (lines {a.start}-{a.end}), asserted non-background candidates; "
          f"kept = its triple is in the output")
    print("root      cand   kept   %   | trigger unseen in train: cand  kept %  | trig/pat weights keep / drop")
    for key in sorted(k for k, v in c if v == "n"):
        n, u = c[key, "n"], c[key, "unseen"]
        print(f"{key:8s} {n:6d} {c[key, 'kept']:6d} {100 * c[key, 'kept'] / n:4.0f}   |"
              f" {u:28d} {c[key, 'unseen kept']:5d} {100 * c[key, 'unseen kept'] / max(u, 1):3.0f}  |"
              f" {c[key, 'flip+']:5d} / {c[key, 'flip-']}")
    for line in listed:
        print(line)


if __name__ == "__main__":
    main()
