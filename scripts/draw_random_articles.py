"""Draw SaudiNewsNet articles at random for the held-out annotation set (issue #4).

The rule is fixed before anything is read and does not look at what the coder finds:
corpus positions (0-based line numbers of ../shared/data/news/saudinewsnet.jsonl) 8000-9999 or 30000
and above (other ranges were read by helpers for error finding; 0-2999 is the events-per-article
benchmark), not in the training set, not in the extra set, 400-2,000 characters, at least two
distinct words of a short political list (POLITICAL, after stripping the article and the prefixes
و ف ب ل ك), no 4-gram overlap over 15 % with a training or extra article; the eligible articles are
shuffled with a fixed seed and kept in that order, dropping any whose 4-gram overlap with an
article drawn before it is over 15 % (one article per story). The annotator takes them in the
printed order and skips only those with no political content, recording the reason.

usage: python scripts/draw_random_articles.py [--seed 19] [--n 60] [--ranges 8000-9999,30000-]
           [--corpus F] [--train F] [--extra F] [--exclude F ...]

--ranges replaces the allowed corpus positions (inclusive LO-HI, or LO- for open-ended; the default
is the first random set's); --exclude adds annotation files (JSONL with an "id" per line, e.g. the
first random set) whose articles are excluded like the extra set's, 4-gram overlap included. The
second random set is `--seed 20 --ranges 3000-4999 --exclude annotations/saudinewsnet_random.jsonl`.

Prints one line per drawn article: order, corpus position, id, outlet, characters, title.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "data" / "news" / "saudinewsnet.jsonl"
TRAIN = SHARED / "eval" / "train" / "saudinewsnet.jsonl"
EXTRA = ROOT / "annotations" / "saudinewsnet_extra.jsonl"

RANGES = ((8000, 10000), (30000, 10**9))
MIN_CHARS, MAX_CHARS = 400, 2000
MAX_OVERLAP = 0.15
POLITICAL = frozenset({
    "وزير", "وزيرة", "وزراء", "رئيس", "رئيسة", "حكومة", "جيش", "قوات", "مجلس", "سفير", "سفارة",
    "اتفاق", "اتفاقية", "هجوم", "معارضة", "برلمان", "انتخابات", "مسلحين", "مسلحون", "متظاهرين",
})
PHRASES = ("الأمم المتحدة",)
WORD = re.compile(r"\w+")
PREFIX = re.compile(r"^(?:[وف]?(?:[بلك]?ال|لل)|[وف]?[بلك]|[وف])(?=\w{3})")


def stem(word: str) -> str:
    """The word without a leading conjunction, preposition or article (وبالجيش -> جيش)."""
    return PREFIX.sub("", word)


def political_words(text: str) -> set[str]:
    """The distinct words of POLITICAL (and PHRASES) found in ``text``."""
    found = {w for t in WORD.findall(text) for w in (t, stem(t)) if w in POLITICAL}
    return found | {p for p in PHRASES if p in text}


def four_grams(text: str) -> set[str]:
    """Word 4-grams of a text (the measure of tests/unit/test_extra_annotations.py)."""
    words = WORD.findall(text)
    return {" ".join(words[i:i + 4]) for i in range(len(words) - 3)}


def overlap(grams: set[str], others: list[set[str]]) -> float:
    """The largest share of ``grams`` found in one of ``others``."""
    if not grams:
        return 1.0
    return max((len(grams & o) / len(grams) for o in others), default=0.0)


Ranges = tuple[tuple[int, int], ...]


def parse_ranges(spec: str) -> Ranges:
    """``"3000-4999"`` or ``"8000-9999,30000-"`` (inclusive bounds) -> half-open (lo, hi) pairs."""
    out = []
    for part in spec.split(","):
        lo, sep, hi = part.strip().partition("-")
        if not sep or not lo.isdigit() or not (hi.isdigit() or hi == "") or (hi and int(hi) < int(lo)):
            raise ValueError(f"bad range {part!r}: use LO-HI or LO- (inclusive corpus positions)")
        out.append((int(lo), int(hi) + 1 if hi else 10**9))
    return tuple(out)


def in_range(pos: int, ranges: Ranges = RANGES) -> bool:
    """Whether a corpus position is in one of the allowed ranges."""
    return any(lo <= pos < hi for lo, hi in ranges)


def eligible(corpus: list[dict], excluded: set[str], seen_grams: list[set[str]],
             ranges: Ranges = RANGES) -> list[int]:
    """Positions of the articles that pass every fixed criterion (before the shuffle)."""
    out = []
    for pos, r in enumerate(corpus):
        text = r.get("text") or ""
        if not in_range(pos, ranges) or r["id"] in excluded or not MIN_CHARS <= len(text) <= MAX_CHARS:
            continue
        if len(political_words(text)) < 2:
            continue
        if overlap(four_grams(text), seen_grams) > MAX_OVERLAP:
            continue
        out.append(pos)
    return out


def draw(corpus: list[dict], excluded: set[str], seen_grams: list[set[str]], seed: int, n: int,
         ranges: Ranges = RANGES) -> list[int]:
    """``n`` positions in draw order: eligible ones shuffled with ``seed``, one per story."""
    pool = eligible(corpus, excluded, seen_grams, ranges)
    random.Random(seed).shuffle(pool)
    drawn: list[int] = []
    drawn_grams: list[set[str]] = []
    for pos in pool:
        grams = four_grams(corpus[pos]["text"])
        if overlap(grams, drawn_grams) > MAX_OVERLAP:
            continue
        drawn.append(pos)
        drawn_grams.append(grams)
        if len(drawn) == n:
            break
    return drawn


def read_jsonl(path: Path) -> list[dict]:
    """Objects of a JSONL file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--train", type=Path, default=TRAIN)
    ap.add_argument("--extra", type=Path, default=EXTRA)
    ap.add_argument("--ranges", default="8000-9999,30000-",
                    help="allowed corpus positions, inclusive: LO-HI[,LO-HI...], LO- open-ended")
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="another annotation file whose articles are excluded (repeatable)")
    a = ap.parse_args(argv)
    try:
        ranges = parse_ranges(a.ranges)
        corpus = read_jsonl(a.corpus)
        train = read_jsonl(a.train)
        extra_ids = {x["id"] for f in [a.extra, *a.exclude] for x in read_jsonl(f)}
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    by_id = {r["id"]: r for r in corpus}
    excluded = {r["id"] for r in train} | extra_ids
    seen = [four_grams(r["text"]) for r in train] + [four_grams(by_id[i]["text"]) for i in extra_ids if i in by_id]
    for k, pos in enumerate(draw(corpus, excluded, seen, a.seed, a.n, ranges), 1):
        r = corpus[pos]
        print(f"{k}\t{pos}\t{r['id']}\t{r.get('source')}\t{len(r['text'])}\t{r.get('title')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
