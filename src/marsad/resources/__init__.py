"""Versioned linguistic resources shipped with the package, read lazily.

The catalogue names every data file the code reads; nothing else is opened.
``read_tsv`` yields rows as dicts from a TSV with a header line (``#`` lines are
comments).  Callers cache what they build from the rows on their own objects.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from marsad.errors import ResourceError
from marsad.text.normalize import normalize_text

RESOURCES_VERSION = "2026.11.1"

CATALOGUE: dict[str, str] = {
    "cameo": "cameo/cameo.tsv",
    "cameo_ar": "cameo/labels_ar.tsv",
    "states": "actors/states.tsv",
    "organisations": "actors/organisations.tsv",
    "persons": "actors/persons.tsv",
    "agents": "actors/agents.tsv",
    "actor_gender": "actors/gender.tsv",
    "given_names": "actors/given_names.tsv",
    "actor_bearing": "actors/actor_bearing.tsv",
    "locative_words": "actors/locative_words.tsv",
    "dual_referents": "actors/dual_referents.tsv",
    "exhibition_words": "actors/exhibitions.tsv",
    "press_adjectives": "actors/press_adjectives.tsv",
    "actor_stoplist": "actors/stoplist.tsv",
    "actor_surface_stoplist": "actors/surface_stoplist.tsv",
    "gazetteer": "places/gazetteer.tsv",
    "place_stoplist": "places/stoplist.tsv",
    "place_common_words": "places/common_words.tsv",
    "place_words": "places/place_words.tsv",
    "lexicon": "lexicon",
    "cues": "cues",
    "reporting": "cues/reporting.tsv",
    "addressee": "cues/addressee.tsv",
    "members": "cues/members.tsv",
    "condemned": "cues/condemned.tsv",
    "object_verbs": "cues/object_verbs.tsv",
    "politics": "cues/politics.tsv",
    "notices": "cues/notices.tsv",
    "creeds": "cues/creeds.tsv",
    "sport": "cues/sport.tsv",
    "mishaps": "cues/mishaps.tsv",
    "counted": "cues/counted.tsv",
    "samples": "samples/articles.jsonl",
    "event_filter": "models/event_filter.json",
    "arg_model": "models/arg_model.json",
    "ner_model": "models",
    "ner_indicators": "models/ner_indicators.tsv",
}


def path(name: str) -> Path:
    """Filesystem path of a catalogued resource."""
    try:
        rel = CATALOGUE[name]
    except KeyError as exc:
        raise ResourceError(f"no resource named {name!r}; known: {', '.join(CATALOGUE)}") from exc
    p = Path(str(resources.files("marsad.resources").joinpath(rel)))
    if not p.exists():
        raise ResourceError(f"resource {name!r} missing at {p}: reinstall marsad (pip install -e .)")
    return p


def exists(name: str) -> bool:
    try:
        path(name)
    except ResourceError:
        return False
    return True


def read_tsv(p: Path) -> Iterator[dict[str, str]]:
    """Rows of a TSV file with a header; ``#`` comment lines and blank lines skipped."""
    try:
        with open(p, encoding="utf-8", newline="") as fh:
            yield from parse_tsv(fh)
    except OSError as exc:
        raise ResourceError(f"cannot read {p}: {exc}") from exc


def parse_tsv(lines: Iterable[str]) -> Iterator[dict[str, str]]:
    """Rows of TSV text lines with a header (what :func:`read_tsv` reads from a file, for text from
    elsewhere, e.g. a file as ``git show`` prints it); ``#`` comment lines and blank lines skipped."""
    kept = (ln for ln in lines if ln.strip() and not ln.startswith("#"))
    for row in csv.DictReader(kept, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield {k: (v or "").strip() for k, v in row.items() if k is not None}


@cache
def word_set(name: str, kind: str | None = None, column: str = "kind") -> frozenset[str]:
    """The normalized words (column ``ar``, written in their usual spelling) of a catalogued word-list
    TSV, read once per process: actor_bearing, locative_words, dual_referents, place_words; with
    ``kind``, only the rows whose ``column`` holds it (``word_set("locative_words", "direction")``: the compass words;
    ``word_set("dual_referents", "person", "of")``: the duals of two persons)."""
    return frozenset(normalize_text(r["ar"]) for r in read_tsv(path(name)) if kind is None or r.get(column) == kind)
