"""Measure the trigger lexicon: match counts on a news sample, recall on the train set.

Uses the package matcher (``marsad.coding.lexicon``) with the lexicon's stoplist
applied (a text token whose whole normalized form is in stoplist.tsv is never
read as a trigger).

    PYTHONPATH=src .venv/bin/python scripts/lexicon_stats.py news --articles 5000
    PYTHONPATH=src .venv/bin/python scripts/lexicon_stats.py train
    PYTHONPATH=src .venv/bin/python scripts/lexicon_stats.py precision --worst 30
    PYTHONPATH=src .venv/bin/python scripts/lexicon_stats.py conflicts
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from _gold import evidence_span  # scripts/ is on the path when run as a script

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.coding.lexicon import Pattern, TriggerLexicon, find_triggers  # noqa: E402
from marsad.text.normalize import normalize, normalize_text  # noqa: E402
from marsad.text.tokens import tokenize  # noqa: E402

LEXICON = ROOT / "src" / "marsad" / "resources" / "lexicon"
SHARED = ROOT.parent / "shared"


def load_stoplist(lexdir: Path = LEXICON) -> frozenset[str]:
    f = lexdir / "stoplist.tsv"
    if not f.exists():
        return frozenset()
    rows = [ln.split("\t")[0] for ln in f.read_text(encoding="utf-8").splitlines()[1:]]
    return frozenset(normalize_text(r) for r in rows if r and not r.startswith("#"))


class Matcher:
    """The package trigger matcher, plus the stoplist (tokens never read as triggers)."""

    def __init__(self, use_stoplist: bool = True) -> None:
        self.lex = TriggerLexicon(LEXICON)
        self.stop = load_stoplist() if use_stoplist else frozenset()

    def find(self, text: str) -> list[tuple[Pattern, int, int, list]]:
        """(pattern, start token, end token, tokens) of the chosen (non-overlapping) matches."""
        toks = tokenize(normalize_text(text))
        empty = (frozenset(), frozenset(), (), None)
        full = self.lex.readings(toks)
        # a stoplisted token starts no pattern but may be a later word of one, as in the coder
        reads = [empty if not t.norm[0].isalnum() else (r[0], r[1], (), None) if t.norm in self.stop else r
                 for t, r in zip(toks, full, strict=False)]
        return [(m.pattern, m.start, m.end, toks) for m in find_triggers(self.lex, toks, 0, len(toks), reads)]


def _context(toks, i: int, end: int, width: int = 6) -> str:
    lo, hi = max(0, i - width), min(len(toks), end + width)
    return " ".join(
        [t.norm for t in toks[lo:i]] + ["[" + " ".join(t.norm for t in toks[i:end]) + "]"] + [t.norm for t in toks[end:hi]]
    )


def cmd_news(args) -> None:
    """Most frequent patterns on a news sample, with a few contexts each."""
    matcher = Matcher(not args.no_stoplist)
    counts: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    pats: dict[str, Pattern] = {}
    with open(SHARED / "data/news/saudinewsnet.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= args.articles:
                break
            for pat, i, end, toks in matcher.find(json.loads(line).get("text") or ""):
                counts[pat.source] += 1
                pats[pat.source] = pat
                if len(examples[pat.source]) < args.examples and n % 7 == len(examples[pat.source]):
                    examples[pat.source].append(_context(toks, i, end))
    for src, c in counts.most_common(args.top):
        p = pats[src]
        print(f"{c:6d}  {src} {p.cameo} [{','.join(sorted(p.flags))}]")
        for x in examples[src]:
            print("         ", x)


def _roots(ev) -> set[str]:
    return {ev["cameo"][:2]} | {c[:2] for c in ev.get("cameo_alt") or []}


def cmd_train(args) -> None:
    """Share of gold (non-background) events whose evidence contains a pattern of the right root."""
    matcher = Matcher()
    tot: Counter = Counter()
    hit_ev: Counter = Counter()
    hit_tr: Counter = Counter()
    misses: dict[str, Counter] = defaultdict(Counter)
    with open(SHARED / "eval/train/saudinewsnet.jsonl", encoding="utf-8") as fh:
        for line in fh:
            for ev in json.loads(line)["events"]:
                if ev["background"]:
                    continue
                root, roots = ev["cameo"][:2], _roots(ev)
                tot[root] += 1
                ms = [m for m in matcher.find(ev["evidence"]) if m[0].cameo[:2] in roots]
                trig = normalize_text(ev["trigger"])
                spans = [" ".join(t.norm for t in m[3][m[1]:m[2]]) for m in ms]
                if ms:
                    hit_ev[root] += 1
                if any(trig in sp or sp in trig for sp in spans):
                    hit_tr[root] += 1
                elif not ms:
                    misses[root][trig] += 1
    print("root  gold  in-evidence  on-trigger")
    for r in sorted(tot):
        print(f"{r}   {tot[r]:4d}  {hit_ev[r]:4d} {hit_ev[r] / tot[r]:5.0%}   {hit_tr[r]:4d} {hit_tr[r] / tot[r]:5.0%}")
    t = sum(tot.values())
    print(f"all   {t:4d}  {sum(hit_ev.values()):4d} {sum(hit_ev.values()) / t:5.0%}   "
          f"{sum(hit_tr.values()):4d} {sum(hit_tr.values()) / t:5.0%}")
    if args.misses:
        for r in sorted(misses):
            print(r, "; ".join(f"{k}({c})" for k, c in misses[r].most_common(25)))


def cmd_precision(args) -> None:
    """Precision proxy on the train articles: share of matches inside a gold evidence of the same root."""
    matcher = Matcher()
    tot: Counter = Counter()
    ok: Counter = Counter()
    by_pattern: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with open(SHARED / "eval/train/saudinewsnet.jsonl", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            text = art["text"]
            spans = []
            for ev in art["events"]:
                if sp := evidence_span(text, ev):
                    spans.append((*sp, _roots(ev)))
            omap = normalize(text)[1]
            for pat, i, end, toks in matcher.find(text):
                a, b = omap.to_raw(toks[i].start, toks[end - 1].end)
                root = pat.cameo[:2]
                flags = "weak" if "weak" in pat.flags else "strong"
                tot[(root, flags)] += 1
                hit = any(s <= a and b <= e and root in roots for s, e, roots in spans)
                ok[(root, flags)] += hit
                by_pattern[pat.source][0] += 1
                by_pattern[pat.source][1] += hit
    print("root  strong: matches  in-gold   weak: matches  in-gold")
    for r in sorted({k[0] for k in tot}):
        st, wk = (r, "strong"), (r, "weak")
        print(f"{r}    {tot[st]:6d} {ok[st] / max(tot[st], 1):7.0%}     {tot[wk]:6d} {ok[wk] / max(tot[wk], 1):7.0%}")
    if args.worst:
        rows = sorted(by_pattern.items(), key=lambda kv: kv[1][1] - kv[1][0])[: args.worst]
        for src, (n, h) in rows:
            print(f"  {src}: {n} matches, {h} in gold")


def cmd_conflicts(args) -> None:
    """Forms that a token can reach in two ways, with different codes.

    (1) the same single-word form under two codes; (2) a form that is another
    form plus a proclitic (بحث = ب + حث): the package matcher tries every
    reading, so such a token matches both entries.
    """
    where: dict[str, set[str]] = defaultdict(set)
    first: dict[str, set[str]] = defaultdict(set)
    for p in Matcher().lex.patterns():
        for k in p.words[0]:
            first[k].add(p.cameo)
        if len(p.words) == 1:
            for k in p.words[0]:
                where[k].add(p.cameo)
    for k, codes in sorted(where.items()):
        if len(codes) > 1:
            print("same form:", k, sorted(codes))
    for k, codes in sorted(first.items()):
        for pre in ("و", "ف", "ب", "ل", "ك", "س"):
            if k.startswith(pre) and k[len(pre):] in first and first[k[len(pre):]] - codes:
                print(f"clitic: {k} = {pre} + {k[len(pre):]}", sorted(codes), sorted(first[k[len(pre):]]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    n = sub.add_parser("news")
    n.add_argument("--articles", type=int, default=5000)
    n.add_argument("--top", type=int, default=80)
    n.add_argument("--examples", type=int, default=3)
    n.add_argument("--no-stoplist", action="store_true")
    t = sub.add_parser("train")
    t.add_argument("--misses", action="store_true")
    sub.add_parser("conflicts")
    pr = sub.add_parser("precision")
    pr.add_argument("--worst", type=int, default=0)
    args = ap.parse_args()
    commands = {"news": cmd_news, "train": cmd_train, "precision": cmd_precision, "conflicts": cmd_conflicts}
    commands[args.cmd](args)


if __name__ == "__main__":
    main()
