"""Where a gold event the coder misses in its article is lost: coded alone, coded in the article.

usage: python scripts/lost_in_article.py [train|dev|PATH.jsonl] [--list STAGE|all]

Each scorable gold event that :mod:`miss_reasons` puts in "no candidate of the root" or "filtered
out" has its evidence coded alone (no article around it, no confidence filter, then with it), and
is put in one class:

* ``no trigger of the root alone`` — alone no lexicon row of its root matches, nor any other row;
* ``trigger but no event alone`` — alone a row of its root matches, yet no candidate of the root
  comes of it (no source found, a no-event rule);
* ``trigger of another root alone`` — alone no row of its root matches, a row of another root does;
* ``wrong arguments alone`` — alone a candidate of its root, none with its source and target
  (for a "filtered out" miss: the article gave the right arguments, from context);
* ``kept alone, filtered in article`` — alone the triple is output; in the article the candidate
  is there and the confidence model drops it (the article features: told once, a minor pair, a
  small share of the actor mentions; alone these features are absent);
* ``filtered alone too`` — alone the triple is a candidate but not output either;
* ``sentence has no root candidate`` — alone the triple is a candidate, in the article there is
  no candidate of its root at all (lost to the article: the tag line or sport rule, a longer row
  of the full sentence, actors found otherwise in context);
* ``evidence not found`` — the gold event has no evidence text.

With MARSAD_ARG_MODEL=0 in the environment the clause heuristics choose the arguments.  On the
train set the models have seen the articles: use it to see where recall is lost, not to measure.
Train at 9611b6f: of 69 "no candidate" misses 68 have no candidate of the root alone either (39, 10,
19) and one a longer row of its full sentence takes (خرق للهدنة); of 43 "filtered out", 14 are kept
alone, 1 filtered alone too, 12 have their arguments and 16 their trigger's event only in context.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(SHARED))
sys.path.insert(0, str(ROOT / "scripts"))
import score  # type: ignore[import-not-found]  # noqa: E402
from miss_reasons import SETS, coded_gold, coder_both_ways, reason  # noqa: E402

from marsad.api_lib import Coder  # noqa: E402
from marsad.coding.lexicon import find_triggers  # noqa: E402
from marsad.config import Settings  # noqa: E402

STAGES = ("no trigger of the root alone", "trigger but no event alone", "trigger of another root alone", "wrong arguments alone", "kept alone, filtered in article",
          "filtered alone too",
          "sentence has no root candidate", "evidence not found")
LOST = ("no candidate of the root", "filtered out")


def _squash(text: str) -> str:
    return " ".join(text.split())


def stage_of(gold: dict, art_cands: list, art_out: list, alone_cands: list, alone_out: list,
             alone_roots: set[str]) -> str:
    """The class of one missed gold event; ``alone_roots``: the roots of the lexicon rows that
    match in its sentence coded alone."""
    key = score.KEYS["triple"]
    roots = score.alt_roots(gold)
    wanted = {key(gold, r) for r in roots}

    def hit(evs) -> bool:
        return any(key(e.to_dict(), e.root) in wanted for e in evs)

    if not any(e.root in roots for e in alone_cands):
        if alone_roots & set(roots):
            return "trigger but no event alone"
        return "trigger of another root alone" if alone_roots else "no trigger of the root alone"
    if not hit(alone_cands):
        return "wrong arguments alone"
    if hit(art_cands):
        return "kept alone, filtered in article" if hit(alone_out) else "filtered alone too"
    return "sentence has no root candidate"


def trigger_roots() -> Callable[[str], set[str]]:
    """A function giving the roots of the lexicon rows that match in a text coded alone."""
    coder = Coder(Settings(), errors="raise")
    lexicon = next(s for s in coder.pipeline.stages if s.name == "events").lexicon

    def roots(text: str) -> set[str]:
        doc = coder.code(text)
        readings = lexicon.readings(doc.tokens)
        return {tm.pattern.cameo[:2] for sent in doc.sentences
                for tm in find_triggers(lexicon, doc.tokens, sent.first_token, sent.last_token, readings)}

    return roots


def _args(evs: list, roots: set) -> str:
    out = [f"{e.source.code}>{e.target.code if e.target else '-'}@{e.trigger.text}" for e in evs if e.root in roots]
    return "; ".join(list(dict.fromkeys(out))[:6])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("which", nargs="?", default="train")
    ap.add_argument("--list", default="", choices=("", "all", *STAGES), metavar="STAGE")
    a = ap.parse_args()
    path = SETS.get(a.which, Path(a.which))
    code = coder_both_ways()
    roots_of = trigger_roots()
    by: dict[str, Counter] = {c: Counter() for c in LOST}
    listed: list[str] = []
    for art, art_cands, art_out, g in coded_gold(path, code):
        why = reason(g, art_out, art_cands)
        if why not in LOST:
            continue
        ev = (g.get("evidence") or "").strip()
        if not ev:
            by[why]["evidence not found"] += 1
            continue
        alone_cands, alone_out = code({"id": art["id"], "text": ev, "date": art.get("date")})
        stage = stage_of(g, art_cands, art_out, alone_cands, alone_out, roots_of(ev))
        by[why][stage] += 1
        if a.list in (stage, "all"):
            roots = score.alt_roots(g)
            tgt = (g.get("target") or {}).get("code") or "-"
            listed.append("\t".join((stage, art["id"], g["cameo"], f"{g['source']['code']}>{tgt}",
                                     g.get("trigger") or "", "alone: " + _args(alone_cands, roots),
                                     "article: " + _args(art_cands, roots), _squash(ev)[:150])))
    print(f"{path.name}: missed gold events by where they are lost")
    print("| class (miss_reasons) | " + " | ".join(STAGES) + " |")
    print("|---" * (len(STAGES) + 1) + "|")
    for why in LOST:
        print(f"| {why} | " + " | ".join(str(by[why][s]) for s in STAGES) + " |")
    if listed:
        print(f"\n{len(listed)} gold events: {a.list} (id, cameo, gold source>target, trigger, alone, article, evidence)")
        print("\n".join(sorted(listed, key=lambda r: (r.split("\t")[0], r.split("\t")[2]))))


if __name__ == "__main__":
    main()
