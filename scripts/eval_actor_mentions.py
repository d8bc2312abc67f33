"""Recall of the gold argument mentions by the actor stage (no event coding involved).

usage: python scripts/eval_actor_mentions.py [dev|train|PATH.jsonl] [--list]

For every distinct (text, code) of a gold event's source or target that has a text, it finds the
text in the article and asks whether a system actor mention overlaps it (the actor was found) and
whether one of the overlapping mentions has the gold code (it was resolved right).  This measures
the actor stage alone, whatever the events do with the mentions; ``scripts/eval_actors.py`` scores
the codes of matched events instead.  ``--list`` prints the gold mentions missed or coded otherwise,
most frequent first.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from eval_actor_bounds import gold_spans  # scripts/ is on the path when run as a script
from eval_actors import SETS, parse_args  # the same sets

from marsad.api_lib import Coder


def main() -> None:
    args = parse_args(__doc__)
    path = SETS.get(args.which) or Path(args.which)
    coder = Coder()
    total = found = right = 0
    missed: Counter = Counter()
    wrong: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        doc = coder.code(art["text"], date=art.get("date"))
        spans = [(m.span.start, m.span.end, m.code) for m in doc.actors if not m.implied]
        for i, j, text, code in gold_spans(art):
            total += 1
            hits = [c for s, e, c in spans if s < j and i < e]
            if not hits:
                missed[(text, code)] += 1
                continue
            found += 1
            if code in hits:
                right += 1
            else:
                wrong[(text, code, hits[0])] += 1
    print(f"{path.name}: {total} gold argument mentions; overlapped by a system actor {found / max(total, 1):.3f}, "
          f"with the gold code {right / max(total, 1):.3f}")
    if args.list:
        for (text, code), n in missed.most_common():
            print(f"missed\t{n}\t{code}\t{text}")
        for (text, code, got), n in wrong.most_common():
            print(f"other code\t{n}\t{code}\t{got or '-'}\t{text}")


if __name__ == "__main__":
    main()
