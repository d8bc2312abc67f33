"""Validate the golden coder records in ``records*.jsonl`` (format, codes, tags, coverage).

This file only checks that the records are well formed; running the event coder over
them is a separate test. See README.md in this folder for the format.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from marsad.golden import record_files

HERE = Path(__file__).resolve().parent
CAMEO_TSV = Path(__file__).resolve().parents[2] / "../shared/data/reference/cameo/cameo_eventcodes.tsv"

ACTOR_RE = re.compile(r"^([A-Z]{3}|IGO:[A-Z]+|NSA:[A-Z0-9]+)$")
ID_RE = re.compile(r"^r\d{4}$")
CAMEO_RE = re.compile(r"^\d{3,4}$")
ARABIC_RE = re.compile(r"[\u0621-\u064A]")

ROOTS = [f"{n:02d}" for n in range(2, 21)]
ROOT_TAGS = {f"root{r}" for r in ROOTS}
OTHER_TAGS = {
    "svo",
    "vso",
    "passive",
    "nominal",
    "light_verb",
    "attribution",
    "conjunction",
    "symmetric",
    "visit",
    "negation",
    "hypothetical",
    "future",
    "intent",
    "threat",
    "background",
    "metonym",
    "demonym",
    "person",
    "igo",
    "group",
    "same_country",
    "no_event",
    "coref",
}
ALLOWED_TAGS = ROOT_TAGS | OTHER_TAGS
RECORD_KEYS = {"id", "date", "text", "expect", "tags"}
OPTIONAL_KEYS = {"note"}
EVENT_KEYS = {"source", "target", "cameo"}
OPTIONAL_EVENT_KEYS = {"cameo_alt"}

MIN_PER_ROOT = 12
# Minimum number of records carrying at least one of the tags in each group.
MIN_TAG_GROUPS = {
    ("negation", "hypothetical", "future", "no_event"): 30,
    ("passive",): 30,
    ("attribution",): 30,
    ("conjunction",): 25,
    ("symmetric", "visit"): 25,
    ("person",): 20,
    ("igo", "group"): 20,
}


def _load() -> list[dict]:
    records = []
    for path in record_files(HERE):
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:  # pragma: no cover - reported as a failure
                    pytest.fail(f"{path.name} line {lineno}: invalid JSON ({exc})")
    return records


RECORDS_LIST = _load()


def _cameo_codes() -> set[str] | None:
    if not CAMEO_TSV.exists():
        return None
    with CAMEO_TSV.open(encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        return {row["code"].strip() for row in rows if row.get("code")}


def test_file_not_empty():
    assert len(RECORDS_LIST) >= 400


def test_ids_unique_and_texts_unique():
    ids = Counter(r.get("id") for r in RECORDS_LIST)
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    texts = Counter(r.get("text") for r in RECORDS_LIST)
    assert not [t for t, n in texts.items() if n > 1], "duplicate texts"


@pytest.mark.parametrize("rec", RECORDS_LIST, ids=[r.get("id", "?") for r in RECORDS_LIST])
def test_record_shape(rec):
    assert RECORD_KEYS <= rec.keys(), f"missing keys {RECORD_KEYS - rec.keys()}"
    assert not rec.keys() - RECORD_KEYS - OPTIONAL_KEYS, f"unknown keys {rec.keys() - RECORD_KEYS}"
    assert ID_RE.match(rec["id"])
    date.fromisoformat(rec["date"])
    assert isinstance(rec["text"], str) and ARABIC_RE.search(rec["text"])
    assert rec["text"] == rec["text"].strip()
    assert isinstance(rec.get("note", ""), str)
    assert isinstance(rec["expect"], list)
    assert isinstance(rec["tags"], list) and len(set(rec["tags"])) == len(rec["tags"])


@pytest.mark.parametrize("rec", RECORDS_LIST, ids=[r.get("id", "?") for r in RECORDS_LIST])
def test_record_events(rec):
    triples = []
    for ev in rec["expect"]:
        assert EVENT_KEYS <= ev.keys(), f"event missing {EVENT_KEYS - ev.keys()}"
        assert not ev.keys() - EVENT_KEYS - OPTIONAL_EVENT_KEYS, f"unknown event keys in {ev}"
        assert ACTOR_RE.match(ev["source"]), ev["source"]
        assert ev["target"] is None or ACTOR_RE.match(ev["target"]), ev["target"]
        codes = [ev["cameo"], *ev.get("cameo_alt", [])]
        for code in codes:
            assert isinstance(code, str) and CAMEO_RE.match(code), code
            assert code[:2] in ROOTS, f"root {code[:2]} is not coded (02-20 only)"
        assert ev["cameo"] not in ev.get("cameo_alt", [])
        triples.append((ev["source"], ev["target"], ev["cameo"][:2]))
    # The scorer reduces events to (source, target, root): two codes of one root for the
    # same pair are one event, so write one entry and put the other code in cameo_alt.
    assert len(triples) == len(set(triples)), "two events with the same (source, target, root)"


@pytest.mark.parametrize("rec", RECORDS_LIST, ids=[r.get("id", "?") for r in RECORDS_LIST])
def test_record_tags(rec):
    tags = set(rec["tags"])
    assert tags <= ALLOWED_TAGS, f"unknown tags {tags - ALLOWED_TAGS}"
    expect_roots = {f"root{ev['cameo'][:2]}" for ev in rec["expect"]}
    assert tags & ROOT_TAGS == expect_roots, "root tags must match the roots of expect"
    assert ("no_event" in tags) == (not rec["expect"]), "no_event iff expect is empty"


def test_cameo_codes_exist():
    known = _cameo_codes()
    if known is None:
        pytest.skip(f"CAMEO table not found at {CAMEO_TSV}")
    unknown = sorted(
        {
            (rec["id"], code)
            for rec in RECORDS_LIST
            for ev in rec["expect"]
            for code in [ev["cameo"], *ev.get("cameo_alt", [])]
            if code not in known
        }
    )
    assert not unknown, f"codes not in the CAMEO table: {unknown}"


def test_root_coverage():
    per_root = Counter(tag for rec in RECORDS_LIST for tag in rec["tags"] if tag in ROOT_TAGS)
    short = {r: per_root[r] for r in sorted(ROOT_TAGS) if per_root[r] < MIN_PER_ROOT}
    assert not short, f"roots with fewer than {MIN_PER_ROOT} records: {short}"


@pytest.mark.parametrize("group", list(MIN_TAG_GROUPS), ids=["+".join(g) for g in MIN_TAG_GROUPS])
def test_tag_coverage(group):
    n = sum(1 for rec in RECORDS_LIST if set(group) & set(rec["tags"]))
    assert n >= MIN_TAG_GROUPS[group], f"{group}: {n} records, need {MIN_TAG_GROUPS[group]}"
