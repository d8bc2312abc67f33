"""Entity-replacement augmentation for the NER's e5 head (issue #3, round 11).

Extra training sentences are copies of ANERcorp TRAIN sentences in which every PERS, LOC and ORG span is
replaced by another name of the same type drawn from Marsad's own package data (never from ANERcorp TEST):
persons from ``actors/persons.tsv``; organisations, groups and media from ``actors/organisations.tsv``;
states, capitals and regions from ``actors/states.tsv`` and countries, capitals, regions and cities of at
least ``MIN_POP`` inhabitants from ``places/gazetteer.tsv``.  The context stays, the names change, so the
head can learn the context of a name rather than the name.  A proclitic on the span's first word (و، ف، ب،
ل، ك and their pairs) is kept on the new name when the rest of the word starts an entity elsewhere in TRAIN
(``وبوش`` -> ``و`` + new name; ``ل`` + ``ال…`` is written ``لل…``).  Seeded: the same arguments give the
same sentences.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from marsad.actors.ner_eval import chunks
from marsad.resources import read_tsv

ROOT = Path(__file__).resolve().parents[1]
RES = ROOT / "src" / "marsad" / "resources"
TYPES = ("PERS", "LOC", "ORG")
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
MIN_POP = 100_000
ARABIC_NAME = re.compile(r"^[\u0621-\u064A]{2,}( [\u0621-\u064A]{2,}){0,5}$")

Sent = tuple[list[str], list[str]]


def name_pools(res: Path = RES) -> dict[str, list[str]]:
    """Per type, the sorted distinct replacement names (Arabic letters only, up to six words)."""
    persons = read_tsv(res / "actors" / "persons.tsv")
    states = read_tsv(res / "actors" / "states.tsv")
    places = read_tsv(res / "places" / "gazetteer.tsv")
    pools: dict[str, set[str]] = {
        "PERS": {r["ar"] for r in persons if r["kind"] == "person"},
        "LOC": {r["ar"] for r in states if r["kind"] in ("state", "capital", "region")}
        | {r["ar"] for r in places if r["kind"] in ("country", "capital", "region")
           or (r["kind"] == "city" and int(r["population"] or 0) >= MIN_POP)},
        "ORG": {r["ar"] for r in read_tsv(res / "actors" / "organisations.tsv")},
    }
    return {t: sorted(n for n in names if ARABIC_NAME.match(n)) for t, names in pools.items()}


def proclitic(word: str, starts: set[str]) -> str:
    """The proclitic on ``word`` whose remainder starts an entity elsewhere (``ل`` for ``لل`` + ``ال…``)."""
    for p in PROCLITICS:
        rest = word[len(p) :]
        if word.startswith(p) and len(rest) >= 2 and (rest in starts or (p.endswith("ل") and rest.startswith("ل") and "ا" + rest in starts)):
            return p
    return ""


def attach(prefix: str, name: str) -> str:
    """``prefix`` + ``name``, with ``ل`` + ``ال`` written ``لل``."""
    if prefix.endswith("ل") and name.startswith("ال"):
        return prefix + name[1:]
    return prefix + name


def augment(sents: list[Sent], idx: list[int], frac: float, seed: int, pools: dict[str, list[str]],
            types: tuple[str, ...] = TYPES) -> list[Sent]:
    """Copies of a share ``frac`` of the sentences ``idx`` that have a span of ``types``, every such span replaced."""
    rng = np.random.default_rng(seed)
    starts = {sents[i][0][a] for i in idx for a, _, t in chunks(sents[i][1]) if t in TYPES}
    out: list[Sent] = []
    for i in idx:
        words, tags = sents[i]
        sp = [s for s in chunks(tags) if s[2] in types]
        if not sp or rng.random() >= frac:
            continue
        nw: list[str] = []
        nt: list[str] = []
        pos = 0
        for a, b, t in sp:
            nw += words[pos:a]
            nt += tags[pos:a]
            name = pools[t][int(rng.integers(len(pools[t])))].split()
            name[0] = attach(proclitic(words[a], starts), name[0])
            nw += name
            nt += [f"B-{t}"] + [f"I-{t}"] * (len(name) - 1)
            pos = b
        nw += words[pos:]
        nt += tags[pos:]
        out.append((nw, nt))
    return out
