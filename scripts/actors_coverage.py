"""Measure the actor dictionaries against real text (development aid).

Two reports:

* ``--gold``: share of gold actor mentions in eval/train whose gold code is
  given by some dictionary entry found inside the gold actor text, plus the
  share where the longest entry found gives the gold code.
* ``--news N``: how often each entry matches in the first N SaudiNewsNet
  articles (written to a TSV for review of false positives).

The matcher here is a simple approximation of the real one: per token it tries
the readings of marsad.text.tokens.candidates, takes the longest entry starting
at each token, and drops matches that fall inside a stoplist phrase.

    PYTHONPATH=src .venv/bin/python scripts/actors_coverage.py --gold
    PYTHONPATH=src .venv/bin/python scripts/actors_coverage.py --news 30100 --out /tmp/freq.tsv
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from marsad.text.normalize import normalize_text
from marsad.text.tokens import candidates, phrase_key, tokenize

ROOT = Path(__file__).resolve().parents[1]
RES = ROOT / "src" / "marsad" / "resources" / "actors"

Index = dict[str, list[tuple[tuple[str, ...], dict[str, str]]]]


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a resource TSV (header line, `#` comments)."""
    lines = [ln.rstrip("\n") for ln in path.open(encoding="utf-8") if ln.strip() and not ln.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=False)) for ln in lines[1:]]


def build_index(rows: list[dict[str, str]]) -> Index:
    """First key -> [(keys, row)], longest first."""
    idx: Index = {}
    for r in rows:
        keys = phrase_key(normalize_text(r["ar"]))
        if keys:
            idx.setdefault(keys[0], []).append((keys, r))
    for v in idx.values():
        v.sort(key=lambda e: -len(e[0]))
    return idx


def surfaces(word: str) -> set[str]:
    """Readings of a normalized word for the surface stoplist (article kept).

    A leading و/ف is removed; then ب/ك/ل before the article (لل -> ال), or a
    single ب/ك/ل before a bare word.
    """
    if word[:1] in "وف" and len(word) > 3:
        word = word[1:]
    out = {word}
    if word.startswith("لل") and len(word) > 4:
        out.add("ال" + word[2:])
    elif word[:1] in "بكل" and len(word) > 3:
        out.add(word[1:])
    return out


def token_surfaces(text: str) -> list[set[str]]:
    """The surface readings of every word token of a text."""
    return [surfaces(t.norm) for t in tokenize(normalize_text(text)) if t.norm[0].isalnum()]


def token_keys(text: str) -> list[set[str]]:
    """Every reading key of every word token of a text."""
    out = []
    for t in tokenize(normalize_text(text)):
        if t.norm[0].isalnum():
            out.append({k for _, k in candidates(t.norm)})
    return out


def find(idx: Index, toks: list[set[str]]) -> list[tuple[int, int, dict[str, str]]]:
    """Longest entry match at each token: (start, end, row)."""
    found = []
    for i, readings in enumerate(toks):
        for r in readings:
            for keys, row in idx.get(r, ()):
                n = len(keys)
                if i + n <= len(toks) and all(keys[j] in toks[i + j] for j in range(1, n)):
                    found.append((i, i + n, row))
                    break
    return found


def matches(idx: Index, stop: Index, text: str, bare: frozenset[str] = frozenset()) -> list[tuple[int, int, dict[str, str]]]:
    """Entry matches not swallowed by a stoplist phrase or a longer match."""
    toks = token_keys(text)
    blocked = [(s, e) for s, e, _ in find(stop, toks)]
    blocked += [(i, i + 1) for i, ws in enumerate(token_surfaces(text)) if ws & bare]
    out = []
    for s, e, row in sorted(find(idx, toks), key=lambda m: (m[0], -(m[1] - m[0]))):
        if any(bs <= s and e <= be for bs, be in blocked):
            continue
        if out and s < out[-1][1]:
            continue
        out.append((s, e, row))
    return out


def predicted_agent(ms: list, agent_idx: Index, text: str) -> str:
    """The agent of the longest entry match, else of the first role noun."""
    for _, _, row in sorted(ms, key=lambda m: m[0] - m[1]):
        if row["agent"]:
            return row["agent"]
    roles = sorted(find(agent_idx, token_keys(text)), key=lambda m: (m[0], m[0] - m[1]))
    return roles[0][2]["agent"] if roles else ""


def gold_report(idx: Index, stop: Index, bare: frozenset[str], path: Path, show: int,
                agent_idx: Index | None = None) -> None:
    """Coverage of gold actor texts (codes, and agents when ``agent_idx`` is given)."""
    total = anycov = longest = found = 0
    agents: Counter[str] = Counter()
    misses: Counter[tuple[str, str]] = Counter()
    wrong: Counter[tuple[str, str, str]] = Counter()
    for line in path.open(encoding="utf-8"):
        for ev in json.loads(line)["events"]:
            for role in ("source", "target"):
                a = ev.get(role)
                if not a or not a.get("text"):
                    continue
                total += 1
                ms = matches(idx, stop, a["text"], bare)
                codes = [m[2]["code"] for m in ms]
                found += bool(ms)
                if a["code"] in codes:
                    anycov += 1
                elif ms:
                    wrong[(a["code"], " ".join(codes), a["text"])] += 1
                else:
                    misses[(a["code"], a["text"])] += 1
                if ms and max(ms, key=lambda m: m[1] - m[0])[2]["code"] == a["code"]:
                    longest += 1
                if agent_idx is not None and a.get("agent"):
                    got = predicted_agent(ms, agent_idx, a["text"])
                    agents["gold"] += 1
                    agents["found"] += bool(got)
                    agents["right"] += got == a["agent"]
    print(f"gold actor mentions with text: {total}")
    print(f"  gold code among entries found in the text: {anycov} ({anycov / total:.1%})")
    print(f"  longest entry found gives the gold code:   {longest} ({longest / total:.1%})")
    print(f"  some entry found: {found}; of these the gold code is among them: {anycov / max(found, 1):.1%}")
    if agents["gold"]:
        print(f"gold mentions with text and agent: {agents['gold']}; an agent predicted: {agents['found']}; "
              f"right: {agents['right']} ({agents['right'] / agents['gold']:.1%}, "
              f"{agents['right'] / max(agents['found'], 1):.1%} of predicted)")
    for (code, got, text), n in wrong.most_common(show):
        print(f"  wrong {n}\t{code}\tgot {got}\t{text}")
    for (code, text), n in misses.most_common(show):
        print(f"  miss {n}\t{code}\t{text}")


def news_report(idx: Index, stop: Index, bare: frozenset[str], path: Path, limit: int, out: Path) -> None:
    """Match counts per entry over the news corpus."""
    counts: Counter[tuple[str, str, str]] = Counter()
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            doc = json.loads(line)
            for _, _, row in matches(idx, stop, doc.get("title", "") + "\n" + doc["text"], bare):
                counts[(row["ar"], row["code"], row["kind"])] += 1
    with out.open("w", encoding="utf-8") as fh:
        fh.write("count\tar\tcode\tkind\n")
        for (ar, code, kind), n in counts.most_common():
            fh.write(f"{n}\t{ar}\t{code}\t{kind}\n")
    print(f"{sum(counts.values())} matches of {len(counts)} entries in {min(limit, i + 1)} articles -> {out}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT / "../shared")
    ap.add_argument("--gold", action="store_true", help="coverage of eval/train gold actors")
    ap.add_argument("--news", type=int, default=0, help="count matches in the first N news articles")
    ap.add_argument("--out", type=Path, default=Path("actor_freq.tsv"))
    ap.add_argument("--show", type=int, default=60, help="misses to print")
    args = ap.parse_args(argv)
    rows = read_rows(RES / "states.tsv") + read_rows(RES / "organisations.tsv")
    idx, stop = build_index(rows), build_index(read_rows(RES / "stoplist.tsv"))
    bare = frozenset(normalize_text(r["ar"]) for r in read_rows(RES / "surface_stoplist.tsv"))
    if args.gold:
        agent_idx = build_index(read_rows(RES / "agents.tsv"))
        gold_report(idx, stop, bare, args.shared / "eval/train/saudinewsnet.jsonl", args.show, agent_idx)
    if args.news:
        news_report(idx, stop, bare, args.shared / "data/news/saudinewsnet.jsonl", args.news, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
