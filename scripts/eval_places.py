"""Diagnostics for place resolution: dev accuracy with gold evidence, speed, load time, memory.

Usage:  PYTHONPATH=src .venv/bin/python scripts/eval_places.py [--shared ../shared] [--news 2000] [--show]

Accuracy: each gold event of eval/dev becomes an Event whose evidence/trigger (and
source/target spans, when the gold gives their text) are the gold spans; assign_places
then sets its place.  Reported over gold events with a place: country accuracy and
city-level name accuracy (exact English name, and a loose match where one name contains
the other, e.g. "Gaza" / "Gaza Strip"); over gold events without a place: the share we
also leave empty.  Speed: find_places over the first N SaudiNewsNet articles (documents
prepared beforehand; the preparation time is reported separately).
"""

from __future__ import annotations

import argparse
import json
import os
import time
import tracemalloc
import unicodedata
from pathlib import Path

from marsad.document import ActorMention, Document, Event, Span
from marsad.text.prepare import document_from_text
from marsad.when_where.places import Gazetteer, assign_places, find_places

ROOT = Path(__file__).resolve().parents[1]


def fold(name: str | None) -> str:
    s = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    return " ".join(s.replace("-", " ").replace("'", "").split())


def _find(text: str, needle: str | None, lo: int = 0, hi: int | None = None) -> Span:
    if not needle:
        return Span(lo, lo, "")
    i = text.find(needle, lo, hi if hi is not None else len(text))
    if i < 0:
        i = text.find(needle)
    return Span(i, i + len(needle), needle) if i >= 0 else Span(lo, lo, "")


def _sentence_of(doc: Document, pos: int) -> int:
    for k, s in enumerate(doc.sentences):
        if s.start <= pos < s.end:
            return k
    return 0


def gold_events(doc: Document, events: list[dict]) -> list[Event]:
    text = doc.article.text
    out = []
    for g in events:
        ev = _find(text, g["evidence"])
        trig = _find(text, g.get("trigger"), ev.start, ev.end)
        src = g.get("source") or {}
        tgt = g.get("target") or None
        source = ActorMention(_find(text, src.get("text"), ev.start, ev.end), src.get("code") or "")
        target = ActorMention(_find(text, tgt.get("text"), ev.start, ev.end), tgt.get("code") or "") if tgt else None
        out.append(Event(source, target, g.get("cameo") or "010", trig, ev, sentence=_sentence_of(doc, ev.start)))
    return out


def dev_accuracy(shared: Path, gaz: Gazetteer, show: bool) -> dict:
    n_place = country_ok = name_ok = name_loose = n_null = null_ok = 0
    for line in (shared / "eval/dev/articles.jsonl").open(encoding="utf-8"):
        art = json.loads(line)
        doc = document_from_text(art["text"], id=art["id"])
        doc.events = gold_events(doc, art["events"])
        assign_places(doc, gaz)
        for g, ev in zip(art["events"], doc.events, strict=True):
            gold, pred = g.get("place"), ev.place
            if gold is None:
                n_null += 1
                null_ok += pred is None
                continue
            n_place += 1
            c = pred is not None and pred.country == gold.get("country")
            exact = pred is not None and fold(pred.name) == fold(gold.get("name"))
            loose = pred is not None and bool(fold(pred.name)) and (
                fold(pred.name) in fold(gold.get("name")) or fold(gold.get("name")) in fold(pred.name))
            country_ok += c
            name_ok += exact
            name_loose += loose
            if show and not (c and loose):
                got = f"{pred.name}/{pred.country} [{pred.span.text if pred.span else ''}]" if pred else None
                print(f"{art['id']}: gold {gold.get('name')}/{gold.get('country')} [{gold.get('text')}] got {got}")
    return {
        "events_with_gold_place": n_place,
        "country_accuracy": round(country_ok / n_place, 3),
        "name_accuracy_exact": round(name_ok / n_place, 3),
        "name_accuracy_loose": round(name_loose / n_place, 3),
        "events_without_gold_place": n_null,
        "null_when_gold_null": round(null_ok / max(n_null, 1), 3),
    }


def speed(shared: Path, gaz: Gazetteer, n: int, repeats: int = 5) -> dict:
    """find_places time per article: min over ``repeats`` runs, CPU (process) and wall clock.

    CPU time is the robust figure on a shared machine; wall time is also given
    with the load average at the end of the run.
    """
    docs = []
    t0 = time.perf_counter()
    with (shared / "data/news/saudinewsnet.jsonl").open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            docs.append(document_from_text(json.loads(line)["text"], id=str(i)))
    t_prep = time.perf_counter() - t0
    gaz.entries  # noqa: B018  (load outside the timed loop)
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        found = sum(len(find_places(d, gaz)) for d in docs)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    per = 1000 / len(docs)
    return {"articles": len(docs), "repeats": repeats,
            "find_places_cpu_ms_per_article_min": round(min(cpu) * per, 3),
            "find_places_wall_ms_per_article_min": round(min(wall) * per, 3),
            "find_places_wall_ms_per_article_median": round(sorted(wall)[len(wall) // 2] * per, 3),
            "prepare_ms_per_article": round(t_prep * per, 3), "places_found": found,
            "load_average": os.getloadavg()[0], "cpus": os.cpu_count()}


def load_cost(repeats: int = 5) -> dict:
    """Gazetteer load time (min over runs, wall and CPU) and its memory (tracemalloc)."""
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        Gazetteer().entries  # noqa: B018
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    tracemalloc.start()
    g = Gazetteer()
    g.entries  # noqa: B018
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"load_wall_s_min": round(min(wall), 3), "load_cpu_s_min": round(min(cpu), 3),
            "load_wall_s_median": round(sorted(wall)[len(wall) // 2], 3),
            "memory_mb": round(current / 2**20, 1), "peak_mb": round(peak / 2**20, 1)}


def stoplist_sample(shared: Path, gaz: Gazetteer, n_articles: int, n_show: int, seed: int = 7) -> dict:
    """Matches the stoplist and context rule remove, against an unfiltered gazetteer.

    The unfiltered matcher knows every name of gazetteer.tsv, no stoplist, no
    context rule, no clitic blocks.  Over ``n_articles`` random SaudiNewsNet articles
    (outside the first 2,000 used for speed) it prints ``n_show`` random removed and
    kept matches with five words of context on each side, for judging by hand.
    """
    import random

    from marsad.when_where.gazetteer import IndexItem, _read_tsv, build_index, match_tokens, name_key
    from marsad.when_where.places import locate

    items = {nk: IndexItem(nk, places=[0]) for row in _read_tsv("gazetteer.tsv") if (nk := name_key(row[0]))}
    full = build_index(items.items())
    lines = (shared / "data/news/saudinewsnet.jsonl").read_text(encoding="utf-8").splitlines()[2000:]
    rng = random.Random(seed)
    removed, kept, n_raw = [], [], 0

    def context(d: Document, i: int, j: int) -> str:
        lo, hi = max(0, i - 5), min(len(d.tokens), j + 5)
        return d.span(d.tokens[lo].start, d.tokens[hi - 1].end).text.replace("\n", " ")

    for line in rng.sample(lines, n_articles):
        d = document_from_text(json.loads(line)["text"])
        mentions = locate(d, gaz, unlisted=False)
        covered = {i for pm in mentions for i in range(pm.start, pm.end)}
        raw = match_tokens(d.tokens, full)
        n_raw += len(raw)
        removed += [(d.token_span(m.start, m.end).text, context(d, m.start, m.end))
                    for m in raw if not covered.intersection(range(m.start, m.end))]
        kept += [(f"{pm.span.text} -> {pm.entry.name}/{pm.entry.country}", context(d, pm.start, pm.end))
                 for pm in mentions]
    long_removed = [r for r in removed if len(r[0]) >= 4]
    for label, pool in (("REMOVED", removed), ("REMOVED(>=4 letters)", long_removed), ("KEPT", kept)):
        print(f"--- {label}: sample of {min(n_show, len(pool))} / {len(pool)}")
        for k, (what, ctx) in enumerate(rng.sample(pool, min(n_show, len(pool))), 1):
            print(f"{k:3d} {what} || {ctx}")
    return {"articles": n_articles, "unfiltered_matches": n_raw, "removed": len(removed),
            "removed_4plus_letters": len(long_removed), "kept": len(kept)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT / "../shared")
    ap.add_argument("--news", type=int, default=2000)
    ap.add_argument("--show", action="store_true", help="print the misses")
    ap.add_argument("--stoplist-sample", type=int, default=0, metavar="N",
                    help="only print N removed and N kept matches (300 random news articles) for judging")
    ap.add_argument("--seed", type=int, default=7, help="random seed of --stoplist-sample")
    args = ap.parse_args()
    if args.stoplist_sample:
        print(json.dumps(stoplist_sample(args.shared, Gazetteer(), 300, args.stoplist_sample, args.seed)))
        return
    report = {"load": load_cost()}
    gaz = Gazetteer()
    report["dev"] = dev_accuracy(args.shared, gaz, args.show)
    report["speed"] = speed(args.shared, gaz, args.news)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
