"""Measure the trigger lexicon: match counts on a news sample, recall on the train set.

A deliberately simple reference matcher (the package matcher lives in
``marsad.coding``): pattern words match one token through its clitic readings,
``~`` skips 0-3 tokens without crossing punctuation, the last pattern word may
carry a pronoun suffix.

    PYTHONPATH=src .venv/bin/python scripts/lexicon_stats.py news --articles 5000
    PYTHONPATH=src .venv/bin/python scripts/lexicon_stats.py train
    PYTHONPATH=src .venv/bin/python scripts/lexicon_stats.py conflicts
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.text.normalize import normalize_text  # noqa: E402
from marsad.text.tokens import candidates, suffix_readings, tokenize, word_key  # noqa: E402

LEXICON = ROOT / "src" / "marsad" / "resources" / "lexicon"
SHARED = ROOT.parent / "shared"
GAP = 3


@dataclass(frozen=True)
class Entry:
    file: str
    line: int
    pattern: str
    words: tuple[frozenset[str] | None, ...]  # None = gap
    cameo: str
    flags: str

    @property
    def solid(self) -> int:
        return sum(1 for w in self.words if w is not None)


def load(lexdir: Path = LEXICON) -> list[Entry]:
    out = []
    for f in sorted(lexdir.glob("*.tsv")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if n == 1 or not line.strip() or line.startswith("#"):
                continue
            pattern, cameo, flags, *_ = line.split("\t") + ["", ""]
            words = tuple(
                None if w == "~" else frozenset(word_key(normalize_text(a)) for a in w.split("|"))
                for w in pattern.split(" ")
            )
            out.append(Entry(f.stem, n, pattern, words, cameo, flags))
    return out


SUFFIXES = ("ه", "ها", "هم", "هما")


def load_stoplist(lexdir: Path = LEXICON) -> frozenset[str]:
    f = lexdir / "stoplist.tsv"
    if not f.exists():
        return frozenset()
    rows = [ln.split("\t")[0] for ln in f.read_text(encoding="utf-8").splitlines()[1:]]
    return frozenset(word_key(normalize_text(r)) for r in rows if r and not r.startswith("#"))


def readings(tokens, stop: frozenset[str] = frozenset()) -> list[tuple[set[str], set[str]]]:
    """Per token: (keys, keys incl. readings without a pronoun suffix ه/ها/هم/هما)."""
    out = []
    for t in tokens:
        if not t.norm[0].isalnum() or t.key in stop:
            out.append((set(), set()))
            continue
        keys = {k for _, k in candidates(t.norm)}
        suf = set(keys)
        for k in keys:
            suf.update(s for s, x in suffix_readings(k) if x in SUFFIXES)
        out.append((keys, suf))
    return out


def _match_from(entry: Entry, toks, reads, i: int, w: int) -> int | None:
    """End token index (exclusive) of a match of words[w:] starting at token i."""
    words = entry.words
    if w == len(words):
        return i
    pw = words[w]
    if pw is None:
        for skip in range(GAP + 1):
            j = i + skip
            if j > len(toks):
                break
            if skip and not toks[j - 1].norm[0].isalnum():
                break
            end = _match_from(entry, toks, reads, j, w + 1)
            if end is not None:
                return end
        return None
    if i >= len(toks):
        return None
    keys, suf = reads[i]
    pool = suf if w == len(words) - 1 else keys
    if pw & pool:
        return _match_from(entry, toks, reads, i + 1, w + 1)
    return None


class Matcher:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.stop = load_stoplist()
        self.index: dict[str, list[Entry]] = defaultdict(list)
        for e in entries:
            for k in e.words[0] or ():
                self.index[k].append(e)

    def find(self, text: str) -> list[tuple[Entry, int, int, list]]:
        """(entry, start token, end token, tokens) for every match in ``text``."""
        toks = tokenize(normalize_text(text))
        reads = readings(toks, self.stop)
        out = []
        for i, (_, suf) in enumerate(reads):
            seen: set[int] = set()
            for k in suf:
                for e in self.index.get(k, ()):
                    if id(e) in seen:
                        continue
                    seen.add(id(e))
                    end = _match_from(e, toks, reads, i, 0)
                    if end is not None:
                        out.append((e, i, end, toks))
        return out


def resolve(matches):
    """Keep, among overlapping matches, the ones with most solid pattern words."""
    best = []
    for m in sorted(matches, key=lambda m: (-m[0].solid, m[1])):
        if all(m[2] <= b[1] or m[1] >= b[2] for b in best):
            best.append(m)
    return best


def cmd_news(args) -> None:
    matcher = Matcher(load())
    counts: Counter = Counter()
    kept: Counter = Counter()
    examples: dict[tuple, list[str]] = defaultdict(list)
    with open(SHARED / "data/news/saudinewsnet.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= args.articles:
                break
            text = json.loads(line).get("text") or ""
            ms = matcher.find(text)
            for e, i, end, toks in ms:
                counts[(e.file, e.line)] += 1
            for e, i, end, toks in resolve(ms):
                key = (e.file, e.line)
                kept[key] += 1
                if len(examples[key]) < args.examples:
                    lo, hi = max(0, i - 6), min(len(toks), end + 6)
                    ctx = " ".join(t.norm for t in toks[lo:i]) + " [" + " ".join(t.norm for t in toks[i:end]) + "] "
                    examples[key].append(ctx + " ".join(t.norm for t in toks[end:hi]))
    byline = {(e.file, e.line): e for e in matcher.entries}
    for key, c in counts.most_common(args.top):
        e = byline[key]
        print(f"{c:6d} {kept[key]:6d}  {e.file}:{e.line} {e.cameo} [{e.flags}] {e.pattern[:70]}")
        for x in examples[key]:
            print("         ", x)


def _roots(ev) -> set[str]:
    return {ev["cameo"][:2]} | {c[:2] for c in ev.get("cameo_alt") or []}


def cmd_train(args) -> None:
    matcher = Matcher(load())
    tot: Counter = Counter()
    hit_ev: Counter = Counter()
    hit_tr: Counter = Counter()
    misses: dict[str, Counter] = defaultdict(Counter)
    with open(SHARED / "eval/train/saudinewsnet.jsonl", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            for ev in art["events"]:
                if ev["background"]:
                    continue
                root = ev["cameo"][:2]
                tot[root] += 1
                roots = _roots(ev)
                ms = [m for m in matcher.find(ev["evidence"]) if m[0].cameo[:2] in roots]
                if ms:
                    hit_ev[root] += 1
                trig = normalize_text(ev["trigger"])
                if any(trig in " ".join(t.norm for t in m[3][m[1]:m[2]]) or
                       " ".join(t.norm for t in m[3][m[1]:m[2]]) in trig for m in ms):
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


def cmd_conflicts(args) -> None:
    """Single-token forms listed under more than one code (the matcher must choose)."""
    where: dict[str, set[str]] = defaultdict(set)
    for e in load():
        if len(e.words) == 1:
            for k in e.words[0]:
                where[k].add(e.cameo)
    for k, codes in sorted(where.items()):
        if len(codes) > 1:
            print(k, sorted(codes))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    n = sub.add_parser("news")
    n.add_argument("--articles", type=int, default=5000)
    n.add_argument("--top", type=int, default=80)
    n.add_argument("--examples", type=int, default=3)
    t = sub.add_parser("train")
    t.add_argument("--misses", action="store_true")
    sub.add_parser("conflicts")
    args = ap.parse_args()
    {"news": cmd_news, "train": cmd_train, "conflicts": cmd_conflicts}[args.cmd](args)


if __name__ == "__main__":
    main()
