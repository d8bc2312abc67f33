"""Validate annotations/saudinewsnet_extra.jsonl and join it with the SaudiNewsNet corpus (issue #4).

The annotation file holds events only (no article text: SaudiNewsNet is CC BY-NC-SA); this script
checks every event against the corpus text and the CAMEO table and, when asked, writes a full JSONL
with the same keys as ../shared/eval/train/saudinewsnet.jsonl (text included), for training or scoring.

usage: python scripts/extra_annotations.py [--annotations F] [--corpus F] [--out /tmp/x.jsonl]

--annotations annotations/saudinewsnet_random.jsonl validates and joins the random held-out set
(drawn by scripts/draw_random_articles.py; reserved for choosing models, see annotations/README.md),
annotations/saudinewsnet_random2.jsonl the second one (seed 20, other crawl days; reserved the same way).

Exit codes: 0 valid (and written with --out), 1 validation errors (listed, nothing written),
2 a file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANNOTATIONS = ROOT / "annotations" / "saudinewsnet_extra.jsonl"
CORPUS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl"

ARTICLE_KEYS = {"id", "outlet", "date", "title", "events"}
EVENT_KEYS = {"evidence", "trigger", "source", "target", "cameo", "cameo_alt", "root", "quad", "place",
              "date", "reported_by", "quantities", "background"}
ACTOR_KEYS = {"text", "code", "agent", "name"}
PLACE_KEYS = {"text", "name", "country"}
AGENTS = {"GOV", "MIL", "POL", "LEG", "JUD", "REB", "OPP", "MED", "CVL", "BUS", "NGO", "REL", "REF"}
IGOS = {"UN", "EU", "NATO", "ARABLEAGUE", "AU", "GCC", "OIC", "OPEC", "IAEA", "ICC", "ICRC", "WHO",
        "IMF", "WORLDBANK", "OTHER"}
NSAS = {"ISIS", "ALQAEDA"}
ISO3 = re.compile(r"[A-Z]{3}")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Cameo:
    """code -> (root, quad), from the package's CAMEO table (src/marsad/resources/cameo/cameo.tsv)."""

    def __init__(self, rows: Iterable[dict[str, str]]) -> None:
        self.codes = {r["code"]: (r["root"], int(r["quad"])) for r in rows}

    @classmethod
    def load(cls) -> Cameo:
        sys.path.insert(0, str(ROOT / "src"))
        from marsad import resources

        return cls(resources.read_tsv(resources.path("cameo")))


def read_jsonl(path: Path) -> list[dict]:
    """Objects of a JSONL file; a bad line raises ValueError naming its number."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: not JSON ({exc})") from exc
    return out


def read_corpus(path: Path, ids: set[str]) -> dict[str, dict]:
    """The corpus articles whose id is in ``ids``, by id."""
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                if r.get("id") in ids:
                    out[r["id"]] = r
    return out


def actor_errors(a: object, side: str, text: str) -> list[str]:
    """Problems of a source/target object (None is allowed for the target only)."""
    if a is None:
        return [] if side == "target" else ["source is null"]
    if not isinstance(a, dict) or set(a) != ACTOR_KEYS:
        return [f"{side} must have exactly the keys {sorted(ACTOR_KEYS)}"]
    errs = []
    if a["text"] is not None and a["text"] not in text:
        errs.append(f"{side}.text not in the article: {a['text']!r}")
    if not valid_actor_code(a["code"]):
        errs.append(f"{side}.code invalid: {a['code']!r}")
    if a["agent"] is not None and a["agent"] not in AGENTS:
        errs.append(f"{side}.agent invalid: {a['agent']!r}")
    return errs


def valid_actor_code(code: object) -> bool:
    """ISO3, IGO:<known> or NSA:<known> (ANNOTATION.md, 'Actor codes')."""
    if not isinstance(code, str):
        return False
    kind, _, rest = code.partition(":")
    if rest:
        return (kind == "IGO" and rest in IGOS) or (kind == "NSA" and rest in NSAS)
    return bool(ISO3.fullmatch(code))


def code_errors(e: dict, cameo: Cameo) -> list[str]:
    """cameo, cameo_alt, root and quad consistent with the CAMEO table; root 01 is not annotated."""
    code = e["cameo"]
    if code not in cameo.codes:
        return [f"unknown cameo {code!r}"]
    root, quad = cameo.codes[code]
    errs = []
    if e["root"] != root or root == "01":
        errs.append(f"root {e['root']!r} wrong for cameo {code} (table: {root}; 01 is not annotated)")
    if e["quad"] != quad:
        errs.append(f"quad {e['quad']!r} wrong for cameo {code} (table: {quad})")
    alts = e["cameo_alt"]
    if not isinstance(alts, list) or any(c not in cameo.codes or c == code for c in alts):
        errs.append(f"cameo_alt invalid: {alts!r}")
    return errs


def other_errors(e: dict, text: str) -> list[str]:
    """place, date, reported_by, quantities, background."""
    errs = []
    p = e["place"]
    if p is not None:
        if not isinstance(p, dict) or set(p) != PLACE_KEYS:
            errs.append(f"place must have exactly the keys {sorted(PLACE_KEYS)}")
        else:
            if p["text"] is not None and p["text"] not in text:
                errs.append(f"place.text not in the article: {p['text']!r}")
            if not (isinstance(p["country"], str) and ISO3.fullmatch(p["country"])):
                errs.append(f"place.country invalid: {p['country']!r}")
    if e["date"] is not None and not (isinstance(e["date"], str) and ISO_DATE.fullmatch(e["date"])):
        errs.append(f"date not ISO: {e['date']!r}")
    if not (isinstance(e["reported_by"], list) and all(isinstance(s, str) and s for s in e["reported_by"])):
        errs.append(f"reported_by must be a list of names: {e['reported_by']!r}")
    qs = e["quantities"]
    if not isinstance(qs, list) or any(
            not isinstance(q, dict) or set(q) != {"value", "unit"} or isinstance(q["value"], bool)
            or not isinstance(q["value"], (int, float)) or not isinstance(q["unit"], str) for q in qs):
        errs.append(f"quantities must be a list of {{value: number, unit: str}}: {qs!r}")
    if not isinstance(e["background"], bool):
        errs.append(f"background must be true/false: {e['background']!r}")
    return errs


def event_errors(e: object, text: str, cameo: Cameo) -> list[str]:
    """Every problem of one event, given its article's text."""
    if not isinstance(e, dict) or set(e) != EVENT_KEYS:
        have = sorted(e) if isinstance(e, dict) else type(e).__name__
        return [f"event must have exactly the keys {sorted(EVENT_KEYS)} (has {have})"]
    errs = []
    ev, trig = e["evidence"], e["trigger"]
    if not (isinstance(ev, str) and ev and ev in text):
        errs.append(f"evidence not in the article: {str(ev)[:60]!r}")
    if not (isinstance(trig, str) and trig and isinstance(ev, str) and trig in ev):
        errs.append(f"trigger not in the evidence: {trig!r}")
    errs += actor_errors(e["source"], "source", text)
    errs += actor_errors(e["target"], "target", text)
    errs += code_errors(e, cameo)
    errs += other_errors(e, text)
    return errs


def article_errors(a: object, corpus: dict[str, dict], cameo: Cameo) -> list[str]:
    """Problems of one annotated article (its id prefixes each message)."""
    if not isinstance(a, dict) or set(a) != ARTICLE_KEYS:
        have = sorted(a) if isinstance(a, dict) else type(a).__name__
        return [f"article must have exactly the keys {sorted(ARTICLE_KEYS)} (has {have})"]
    aid = a["id"]
    src = corpus.get(aid)
    if src is None:
        return [f"{aid}: id not found in the corpus"]
    errs = []
    if a["outlet"] != src.get("source"):
        errs.append(f"outlet {a['outlet']!r} differs from the corpus ({src.get('source')!r})")
    if a["title"] != src.get("title"):
        errs.append("title differs from the corpus")
    if a["date"] is not None and not (isinstance(a["date"], str) and ISO_DATE.fullmatch(a["date"])):
        errs.append(f"date not ISO: {a['date']!r}")
    if not isinstance(a["events"], list):
        return [f"{aid}: events must be a list"]
    seen: set[str] = set()
    for i, e in enumerate(a["events"]):
        errs += [f"event {i}: {m}" for m in event_errors(e, src["text"], cameo)]
        key = json.dumps(e, sort_keys=True, ensure_ascii=False)
        if key in seen:
            errs.append(f"event {i}: duplicate of an earlier event")
        seen.add(key)
    return [f"{aid}: {m}" for m in errs]


def validate(annotations: list[dict], corpus: dict[str, dict], cameo: Cameo) -> list[str]:
    """All problems of the annotation file (empty when valid)."""
    errs = []
    ids = Counter(a.get("id") for a in annotations if isinstance(a, dict))
    errs += [f"{i}: id annotated {n} times" for i, n in ids.items() if n > 1]
    for a in annotations:
        errs += article_errors(a, corpus, cameo)
    return errs


def join(annotations: list[dict], corpus: dict[str, dict]) -> list[dict]:
    """Full articles with the train file's keys: id, url, outlet, date, title, text, events."""
    out = []
    for a in annotations:
        src = corpus[a["id"]]
        out.append({"id": a["id"], "url": src.get("url"), "outlet": a["outlet"], "date": a["date"],
                    "title": a["title"], "text": src["text"], "events": a["events"]})
    return out


def root_counts(annotations: list[dict]) -> tuple[Counter, Counter]:
    """Per-root counts of (events not background, background events)."""
    fg, bg = Counter(), Counter()
    for a in annotations:
        for e in a["events"]:
            (bg if e["background"] else fg)[e["root"]] += 1
    return fg, bg


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="SaudiNewsNet JSONL (../shared/data/news)")
    ap.add_argument("--out", type=Path, help="write the joined JSONL (text included) here")
    ap.add_argument("--counts", action="store_true", help="print per-root event counts")
    a = ap.parse_args(argv)
    try:
        annotations = read_jsonl(a.annotations)
        corpus = read_corpus(a.corpus, {x.get("id") for x in annotations if isinstance(x, dict)})
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    errs = validate(annotations, corpus, Cameo.load())
    if errs:
        print(f"{len(errs)} problem(s) in {a.annotations}:", file=sys.stderr)
        for m in errs:
            print(f"  {m}", file=sys.stderr)
        return 1
    n_ev = sum(len(x["events"]) for x in annotations)
    print(f"ok: {len(annotations)} articles, {n_ev} events")
    if a.counts:
        fg, bg = root_counts(annotations)
        for r in sorted(set(fg) | set(bg)):
            print(f"  root {r}: {fg[r]} (+{bg[r]} background)")
    if a.out:
        with open(a.out, "w", encoding="utf-8") as fh:
            for row in join(annotations, corpus):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
