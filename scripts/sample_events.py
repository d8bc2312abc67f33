"""Draw a random sample of coded events for reading, to measure precision on news nobody annotated.

    python scripts/sample_events.py ARTICLES.jsonl CODED.jsonl --seed 3131 --n 85

ARTICLES is the input of ``marsad code`` and CODED its output (one line per article); background events
are left out.  Each sampled event is printed with its article's outlet and title, its code, arguments,
trigger, confidence and evidence, numbered, for a reader to label right / wrong by the guideline
(``../shared/eval/ANNOTATION.md``).  The thirty-first session's sample (seed 3131, 85 events of main
b8d81ae on SaudiNewsNet positions 3000–17999 outside every annotated set) and its labels are in
``annotations/precision_sample_s31.txt``.
"""

from __future__ import annotations

import argparse
import json
import random


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("articles")
    ap.add_argument("coded")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n", type=int, default=80)
    args = ap.parse_args()
    arts = {}
    with open(args.articles, encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            arts[a["id"]] = a
    events = []
    with open(args.coded, encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            events += [(a["id"], i, e) for i, e in enumerate(a.get("events", [])) if not e.get("background")]
    print("non-background events", len(events))
    for k, (aid, i, e) in enumerate(random.Random(args.seed).sample(events, min(args.n, len(events))), 1):
        a, s, t = arts.get(aid, {}), e.get("source") or {}, e.get("target") or {}
        print(f"\n#{k} {aid}/{i} [{a.get('source') or a.get('outlet')}] T: {(a.get('title') or '')[:90]}")
        print(f"  {e['cameo']} {s.get('code')}/{s.get('agent')}「{s.get('text')}」 -> {t.get('code')}/{t.get('agent')}"
              f"「{t.get('text')}」 trig「{e['trigger']['text']}」 conf={e.get('confidence')}")
        print("  EV:", e["evidence"]["text"][:420])


if __name__ == "__main__":
    main()
