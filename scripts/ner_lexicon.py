"""External word lists for the NER lexicon, derived from ../shared at training time.

Used by ``scripts/train_ner.py``; the lists end up inside the shipped lexicon
file, so the package never reads ../shared at run time.

Lists (names as they appear in the lexicon):

- ``G:CTRY``  country names, official names and capitals (mledoze countries, GeoNames capitals)
- ``G:CITY``  GeoNames cities15000 Arabic names (3+ letters; ``min_freq`` > 0 would also require that
  many SaudiNewsNet occurrences, which the shipped model does not use)
- ``G:DEM``   nisba adjectives (demonyms) per country, masc./fem./plural (shared demonyms_ar.tsv)
- ``G:PERS``  multi-word person names, ``G:PERW`` their single words, ``G:ORG`` organisation
  names (UniversalPetrarch Arabic actor dictionary, MIT; lemmatized, so noisy)
- ``W:PERS``/``W:ORG``/``W:LOC`` entity names of the Wojood NER sample (MIT)
- ``R:PERS``/``R:PERW`` person names and their words, ``R:ORG`` organisations and media,
  ``R:LOC`` states, capitals and regions, ``R:MET`` metonyms (البيت الأبيض), ``R:DEM`` demonyms:
  the repo's own actor dictionaries (``src/marsad/resources/actors/*.tsv``)
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from marsad.actors.ner_eval import chunks

_WOJOOD_TYPES = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
_PERSON_KINDS = ("person_or_domestic_actor", "group_or_person")
_NOT_PERSON_KINDS = ("generic_role_noun", "place_or_country", "international_org")


_STATE_KINDS = {"state": "R:LOC", "capital": "R:LOC", "region": "R:LOC", "metonym": "R:MET", "demonym": "R:DEM"}
# Generic heads of organisation names: the name without them is listed too (حركة طالبان → طالبان).
_ORG_HEADS = ("حركة", "حزب", "صحيفة", "جريدة", "قناة", "وكالة", "تنظيم", "جماعة", "منظمة")


def _tsv(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        yield from csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")


def repo_actors(actors_dir: Path) -> Iterator[tuple[str, str]]:
    """``(list, name)`` pairs from the repo's actor dictionaries (persons, organisations, states)."""
    not_person: set[str] = set()
    for row in _tsv(actors_dir / "states.tsv"):
        name = _STATE_KINDS.get(row["kind"])
        not_person.update(row["ar"].split())
        if name:
            yield name, row["ar"]
    for row in _tsv(actors_dir / "organisations.tsv"):
        not_person.update(row["ar"].split())
        yield "R:ORG", row["ar"]
        head, _, rest = row["ar"].partition(" ")
        if head in _ORG_HEADS and rest:
            yield "R:ORG", rest
    for row in _tsv(actors_dir / "agents.tsv"):
        not_person.update(row["ar"].split())
    for row in _tsv(actors_dir / "persons.tsv"):
        words = row["ar"].split()
        if len(words) > 1:
            yield "R:PERS", row["ar"]
        for w in words:
            if len(w) >= 3 and w not in not_person:
                yield "R:PERW", w


def _jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def places(shared: Path, min_freq: int) -> Iterator[tuple[str, str]]:
    """``(list, name)`` pairs for countries, capitals and cities."""
    for c in _jsonl(shared / "gazetteer" / "countries_ar.jsonl"):
        for name in (c.get("name_ar"), c.get("official_ar"), *(c.get("capital_names_ar") or [])):
            if name:
                yield "G:CTRY", name
    for c in _jsonl(shared / "gazetteer" / "cities15000_ar.jsonl"):
        freqs = c.get("names_ar_freq") or {}
        for name in c.get("names_ar") or []:
            if len(name) >= 3 and (min_freq <= 0 or freqs.get(name, 0) >= min_freq):
                yield "G:CITY", name


def demonyms(shared: Path) -> Iterator[tuple[str, str]]:
    """``(G:DEM, adjective)`` pairs (masculine, feminine, masculine plural)."""
    with open(shared / "gazetteer" / "demonyms_ar.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            for col in ("demonym_ar_m", "demonym_ar_f", "demonym_ar_pl_m"):
                if row.get(col):
                    yield "G:DEM", row[col]


def actors(shared: Path) -> Iterator[tuple[str, str]]:
    """Person and organisation names from the UniversalPetrarch actor gazetteer."""
    not_person: set[str] = set()
    persons: list[str] = []
    for a in _jsonl(shared / "gazetteer" / "actors_ar_universalpetrarch.jsonl"):
        name, kind = a["name_ar"], a["kind_guess"]
        words = name.split()
        if kind in _NOT_PERSON_KINDS:
            not_person.update(words)
            if kind == "international_org" and len(words) > 1:
                yield "G:ORG", name
        elif kind in _PERSON_KINDS and 2 <= len(words) <= 4:
            persons.append(name)
    for name in persons:
        words = name.split()
        if not_person.isdisjoint(words):
            yield "G:PERS", name
            for w in words:
                if len(w) >= 3:
                    yield "G:PERW", w


def wojood(shared: Path) -> Iterator[tuple[str, str]]:
    """Entity names (all nesting layers) of the Wojood sample, PERS/ORG/LOC (GPE → LOC)."""
    for part in ("train", "val", "test"):
        words: list[str] = []
        layers: dict[str, list[str]] = defaultdict(list)
        with open(shared / "ner" / "wojood_sample" / f"{part}.txt", encoding="utf-8") as f:
            lines = [line.split() for line in f]
        for parts in [*lines, []]:
            if parts and parts[0] != "$#$":
                i = len(words)
                words.append(parts[0])
                for tag in parts[1:]:
                    bio, _, typ = tag.partition("-")
                    if typ in _WOJOOD_TYPES:
                        seq = layers[typ]
                        seq.extend(["O"] * (i - len(seq)))
                        seq.append(f"{bio}-{typ}")
                continue
            for typ, seq in layers.items():
                seq.extend(["O"] * (len(words) - len(seq)))
                for s, e, _ in chunks(seq):
                    yield f"W:{_WOJOOD_TYPES[typ]}", " ".join(words[s:e])
            words, layers = [], defaultdict(list)



# Wojood types kept as training tags (outermost mapped layer wins); the rest is O.
_WOJOOD_TRAIN_TYPES = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "EVENT": "MISC", "PRODUCT": "MISC"}


def wojood_sentences(shared: Path, parts: tuple[str, ...] = ("train", "val", "test")) -> list[tuple[list[str], list[str]]]:
    """Wojood sample sentences as ANERcorp-style ``(words, BIO tags)``.

    Per token the first (outermost) layer of a kept type decides the tag;
    GPE/LOC → LOC, EVENT/PRODUCT → MISC, other types → O.
    """
    sents: list[tuple[list[str], list[str]]] = []
    for part in parts:
        words: list[str] = []
        tags: list[str] = []
        with open(shared / "ner" / "wojood_sample" / f"{part}.txt", encoding="utf-8") as f:
            lines = [line.split() for line in f]
        for cols in [*lines, []]:
            if cols and cols[0] != "$#$":
                mapped = [(t[:2], _WOJOOD_TRAIN_TYPES[t[2:]]) for t in cols[1:] if t[2:] in _WOJOOD_TRAIN_TYPES]
                words.append(cols[0])
                tags.append(f"{mapped[0][0]}{mapped[0][1]}" if mapped else "O")
                continue
            if words:
                sents.append((words, tags))
            words, tags = [], []
    return sents
