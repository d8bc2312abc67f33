"""Boundary errors of the actor stage against gold argument mentions (issue #3).

usage: python scripts/eval_actor_bounds.py [dev|train|PATH.jsonl] [--list]

For every distinct (text, code) of a gold event's source or target found in its article (as
``eval_actor_mentions.py`` does), it counts the gold mentions the actor stage cuts wrongly:
``split``, overlapped by two or more system mentions (الحكومة | السورية); ``joined``, inside a
longer system mention that also overlaps another gold argument (الحكومة اليمنية المنظمات);
``longer``, inside a longer system mention that runs over other words only.  ``--list`` prints
the cases with the system mentions.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from eval_actors import SETS, parse_args  # the same sets (scripts/ is on the path when run as a script)

from marsad.api_lib import Coder


def gold_spans(art: dict) -> list[tuple[int, int, str, str]]:
    """Distinct gold argument mentions found in the text: (start, end, text, code)."""
    out: list[tuple[int, int, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for ev in art["events"]:
        for role in ("source", "target"):
            g = ev.get(role) or {}
            text, code = g.get("text"), g.get("code")
            i = art["text"].find(text) if text else -1
            if i >= 0 and (text, code) not in seen:
                seen.add((text, code))
                out.append((i, i + len(text), text, code))
    return out


def classify(gold: tuple[int, int, str, str], others: list[tuple[int, int, str, str]],
             spans: list[tuple[int, int, str]]) -> str | None:
    """The boundary error of one gold mention, or None when there is none (or no mention at all)."""
    i, j = gold[0], gold[1]
    hits = [(s, e) for s, e, _ in spans if s < j and i < e]
    if len(hits) >= 2:
        return "split"
    if len(hits) == 1 and (hits[0][0] < i or hits[0][1] > j):
        s, e = hits[0]
        if any(s < oj and oi < e and not (oi < j and i < oj) for oi, oj, _, _ in others):
            return "joined"
        return "longer"
    return None


def main() -> None:
    args = parse_args(__doc__)
    path = SETS.get(args.which) or Path(args.which)
    coder = Coder()
    total = 0
    counts: Counter = Counter()
    cases: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        doc = coder.code(art["text"], date=art.get("date"))
        spans = [(m.span.start, m.span.end, m.code) for m in doc.actors if not m.implied]
        golds = gold_spans(art)
        for g in golds:
            total += 1
            kind = classify(g, [o for o in golds if o is not g], spans)
            if kind is None:
                continue
            counts[kind] += 1
            got = " | ".join(f"{art['text'][s:e]} ({c or '-'})" for s, e, c in spans if s < g[1] and g[0] < e)
            cases.append(f"{kind}\t{g[3]}\t{g[2]}\t{got}")
    print(f"{path.name}: {total} gold argument mentions; split {counts['split']}, joined {counts['joined']}, "
          f"longer {counts['longer']}")
    if args.list:
        print("\n".join(sorted(cases)))


if __name__ == "__main__":
    main()
