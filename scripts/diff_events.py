"""Show gold and system events side by side per article (for error analysis on the TRAIN set).

usage: python scripts/diff_events.py GOLD.jsonl SYSTEM.jsonl [--ids a,b] [--limit N]
"""

from __future__ import annotations

import argparse
import json


def load(p: str) -> dict[str, dict]:
    out = {}
    with open(p, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                o = json.loads(line)
                out[str(o["id"])] = o
    return out


def trip(e: dict) -> tuple[str, str, str]:
    s = (e.get("source") or {}).get("code") or "-"
    t = (e.get("target") or {}).get("code") or "-"
    return s, t, str(e.get("cameo") or "")[:2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("--ids", default="")
    ap.add_argument("--limit", type=int, default=10)
    a = ap.parse_args()
    gold, system = load(a.gold), load(a.system)
    ids = a.ids.split(",") if a.ids else list(gold)[: a.limit]
    for i in ids:
        g, s = gold[i], system.get(i, {"events": []})
        gt = {trip(e) for e in g["events"] if not e.get("background")}
        st = {trip(e) for e in s["events"]}
        print(f"=== {i}  gold={len(gt)} sys={len(st)} tp={len(gt & st)}")
        for e in g["events"]:
            mark = "  " if e.get("background") else ("OK" if trip(e) in st else "--")
            print(f" G{mark} {trip(e)} {e['cameo']} [{e['trigger']}] src={e['source'].get('text')} "
                  f"tgt={(e.get('target') or {}).get('text')} | {e['evidence'][:90]}")
        for e in s["events"]:
            mark = "OK" if trip(e) in gt else "++"
            print(f" S{mark} {trip(e)} {e['cameo']} [{e['trigger']['text']}] src={e['source'].get('text')} "
                  f"tgt={(e.get('target') or {}).get('text')} | {e['evidence']['text'][:90]}")


if __name__ == "__main__":
    main()
