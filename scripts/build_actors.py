"""Build the actor dictionaries in src/marsad/resources/actors/.

Reads the shared gazetteers (raw material) and the hand-curated TSV files in
scripts/actors_curated/, and writes deterministic, sorted TSV files:

    states.tsv         states, capitals, metonyms, demonyms, regions
    organisations.tsv  IGOs, armed and political groups, media
    agents.tsv         role nouns -> agent
    stoplist.tsv       words that never code an actor on their own

Usage (from the repo root):

    PYTHONPATH=src .venv/bin/python scripts/build_actors.py [--shared ../shared]

The script prints a summary and any conflicts (same phrase, different codes).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from marsad.text.normalize import normalize_text
from marsad.text.tokens import phrase_key

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "scripts" / "actors_curated"
OUT = ROOT / "src" / "marsad" / "resources" / "actors"

COLUMNS = ("ar", "code", "agent", "name", "kind", "start", "end", "country")
KINDS = ("state", "capital", "metonym", "demonym", "region", "igo", "group", "media")
AGENTS = frozenset("GOV MIL POL LEG JUD REB OPP MED CVL BUS NGO REL REF".split())
IGOS = frozenset(
    "UN EU NATO ARABLEAGUE AU GCC OIC OPEC IAEA ICC ICRC WHO IMF WORLDBANK OTHER".split()
)
CODE_RE = re.compile(r"^([A-Z]{3}|IGO:[A-Z]+|NSA:[A-Z0-9]+)$")
# Gazetteer ISO3 codes that differ from the convention used here.
CODE_FIXES = {"UNK": "XKX"}
NAME_FIXES = {"TUR": "Turkey", "XKX": "Kosovo", "COD": "DR Congo", "CIV": "Ivory Coast"}
# Capitals in the gazetteer that are contested or junk for these states.
SKIP_CAPITALS = frozenset({"ISR", "PSE"})
# Letters that mark Persian/Urdu/Uyghur spellings, not Arabic news.
NON_ARABIC = re.compile("[\u06aa\u06a9\u06af\u06be\u06c1\u06cc\u06ad\u06a4\u0679\u067e\u0686\u0698\u06d5]")
JUNK_SPELLING = re.compile("\u0649(?=\\S)|(?:^|\\s)\u0626|\u0627\u0627\u0627")
NISBA_SUFFIXES = ("", "ة", "ون", "ين", "ات", "ان")

Row = dict[str, str]

HEADER_NOTE = {
    "states.tsv": "States, capitals, metonyms, demonyms and regions.",
    "organisations.tsv": "IGOs, armed and political groups, media outlets.",
    "agents.tsv": "Role nouns and phrases -> agent.",
    "stoplist.tsv": "Words and phrases that never code an actor on their own.",
    "surface_stoplist.tsv": "Surface words (article kept) that never code an actor.",
}


def key(ar: str) -> str:
    """The matching key of a phrase: normalized, article stripped per word."""
    return " ".join(phrase_key(normalize_text(ar)))


def read_tsv(path: Path) -> Iterator[Row]:
    """Rows of a TSV file with a header line; `#` lines are comments."""
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if None in row or None in row.values():
            raise ValueError(f"{path.name}: wrong number of columns in {row}")
        yield {k: v.strip() for k, v in row.items()}


def entry(ar: str, code: str, kind: str, name: str, agent: str = "", country: str | None = None) -> Row:
    """One entries row with the standard columns."""
    if country is None:
        country = code if len(code) == 3 else ""
    return {"ar": ar.strip(), "code": code, "agent": agent, "name": name, "kind": kind,
            "start": "", "end": "", "country": country}


def arabic_ok(name: str) -> bool:
    """True for a plausible Arabic-news spelling (no Persian/Urdu letters, no junk)."""
    if NON_ARABIC.search(name) or JUNK_SPELLING.search(name):
        return False
    if any(c in name for c in "()،,") or len(name.split()) > 3:
        return False
    return len(normalize_text(name).replace(" ", "")) >= 4


def gazetteer_states(shared: Path) -> Iterator[Row]:
    """State and capital rows from countries_ar.jsonl."""
    with (shared / "data/gazetteer/countries_ar.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            c = json.loads(line)
            code = CODE_FIXES.get(c["iso3"], c["iso3"])
            name = NAME_FIXES.get(code, c["name_en"])
            native = c.get("native_ara") or {}
            for ar in (c["name_ar"], c["official_ar"], native.get("common"), native.get("official")):
                if ar and not NON_ARABIC.search(ar) and "(" not in ar:
                    yield entry(ar, code, "state", name)
            if code in SKIP_CAPITALS:
                continue
            for ar in c.get("capital_names_ar") or []:
                if arabic_ok(ar):
                    yield entry(ar, code, "capital", name, agent="GOV")


def country_names(shared: Path) -> dict[str, str]:
    """ISO3 -> canonical English name."""
    out = {}
    with (shared / "data/gazetteer/countries_ar.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            c = json.loads(line)
            code = CODE_FIXES.get(c["iso3"], c["iso3"])
            out[code] = NAME_FIXES.get(code, c["name_en"])
    return out


def inflect(base: str) -> list[str]:
    """Nisba forms of a masculine singular base: every word ending in ي inflects.

    A base whose first letters fold to ال (ألماني, ألباني) also gets the forms
    with the article written out, because the loader strips a leading ال once:
    ألماني keys as ماني but الألماني as الماني.
    """
    words = base.split()
    out = []
    for suffix in NISBA_SUFFIXES:
        out.append(" ".join(w + suffix if w.endswith("ي") else w for w in words))
    if normalize_text(words[0]).startswith("ال"):
        out += ["ال" + form for form in out]
    return out


def demonym_bases(shared: Path) -> Iterator[tuple[str, str]]:
    """(base, code): reviewed single-word gazetteer bases, then curated bases."""
    for row in read_tsv(shared / "data/gazetteer/demonyms_ar.tsv"):
        base = row["demonym_ar_m"]
        if row["review"] == "ok" and " " not in base and base.endswith("ي"):
            yield base, CODE_FIXES.get(row["iso3"], row["iso3"])
    for row in read_tsv(CURATED / "demonyms_extra.tsv"):
        yield row["base"], row["code"]


def demonym_rows(shared: Path, names: dict[str, str]) -> Iterator[Row]:
    """All inflected demonym rows; a dropped base drops all its forms."""
    drops = load_drops()
    for base, code in demonym_bases(shared):
        if (key(base), code) in drops or (key(base), "*") in drops:
            continue
        for form in inflect(base):
            yield entry(form, code, "demonym", names.get(code, code))


def curated_entries(path: Path, names: dict[str, str]) -> Iterator[Row]:
    """Rows of a curated entries file, with name/country filled in."""
    for row in read_tsv(path):
        row = {c: row.get(c, "") for c in COLUMNS}
        if not row["name"]:
            row["name"] = names.get(row["code"], row["code"])
        if not row["country"] and len(row["code"]) == 3 and row["kind"] not in ("igo",):
            row["country"] = row["code"]
        yield row


def load_drops() -> set[tuple[str, str]]:
    """(key, code) pairs to remove from generated rows; code '*' = any."""
    return {(key(r["ar"]), r["code"]) for r in read_tsv(CURATED / "drop.tsv")}


def dedupe(rows: Iterable[Row], drops: set[tuple[str, str]] = frozenset()) -> list[Row]:
    """Keep the first row per (key, code); remove dropped pairs."""
    seen: set[tuple[str, str]] = set()
    out = []
    for row in rows:
        k = key(row["ar"])
        if not k or (k, row["code"]) in seen or (k, row["code"]) in drops or (k, "*") in drops:
            continue
        seen.add((k, row["code"]))
        out.append(row)
    return out


def validate_entry(row: Row) -> list[str]:
    """Problems with one entries row (empty list when fine)."""
    errs = []
    code = row["code"]
    if not CODE_RE.match(code):
        errs.append(f"bad code {code}")
    if code.startswith("IGO:") and code[4:] not in IGOS:
        errs.append(f"unknown IGO {code}")
    if row["agent"] and row["agent"] not in AGENTS:
        errs.append(f"bad agent {row['agent']}")
    if row["kind"] not in KINDS:
        errs.append(f"bad kind {row['kind']}")
    for f in ("start", "end"):
        if row[f]:
            try:
                date.fromisoformat(row[f])
            except ValueError:
                errs.append(f"bad {f} {row[f]}")
    if not row["name"]:
        errs.append("no name")
    return [f"{row['ar']}: {e}" for e in errs]


def sort_rows(rows: list[Row]) -> list[Row]:
    """Stable, reviewable order: by code, kind, then phrase."""
    return sorted(rows, key=lambda r: (r["code"], KINDS.index(r["kind"]), key(r["ar"]), r["ar"], r["start"]))


def write_tsv(name: str, header: tuple[str, ...], rows: list[Row]) -> None:
    """Write one output file with a provenance comment."""
    OUT.mkdir(parents=True, exist_ok=True)
    lines = [
        f"# {HEADER_NOTE[name]} Generated by scripts/build_actors.py; edit scripts/actors_curated/ instead.",
        "# Sources: GeoNames (CC BY 4.0), mledoze/countries (ODbL-1.0), UniversalPetrarch (MIT), Marsad curation.",
        "\t".join(header),
    ]
    lines += ["\t".join(r.get(c, "") for c in header) for r in rows]
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def conflicts(rows: list[Row]) -> dict[str, set[str]]:
    """Keys that carry more than one code."""
    codes: dict[str, set[str]] = {}
    for r in rows:
        codes.setdefault(key(r["ar"]), set()).add(r["code"])
    return {k: v for k, v in codes.items() if len(v) > 1}


def build_states(shared: Path, names: dict[str, str]) -> list[Row]:
    """Curated rows first (they win), then gazetteer states/capitals and demonyms."""
    curated = list(curated_entries(CURATED / "states_extra.tsv", names))
    generated = list(gazetteer_states(shared)) + list(demonym_rows(shared, names))
    return sort_rows(dedupe(curated + dedupe(generated, load_drops())))


def build_simple(name: str, cols: tuple[str, ...], surface: bool = False) -> list[Row]:
    """A curated file copied with duplicates (by key) removed, original order kept."""
    seen: set[str] = set()
    out = []
    for row in read_tsv(CURATED / name):
        k = normalize_text(row["ar"]) if surface else key(row["ar"])
        if k and k not in seen:
            seen.add(k)
            out.append({c: row.get(c, "") for c in cols})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT / "../shared", help="path of the shared data folder")
    args = ap.parse_args(argv)
    names = country_names(args.shared)
    states = build_states(args.shared, names)
    orgs = sort_rows(dedupe(curated_entries(CURATED / "organisations.tsv", names)))
    agents = build_simple("agents.tsv", ("ar", "agent", "note"))
    stop = build_simple("stoplist.tsv", ("ar", "note"))
    surface = build_simple("surface_stoplist.tsv", ("ar", "note"), surface=True)
    errors = [e for r in states + orgs for e in validate_entry(r)]
    errors += [f"{r['ar']}: bad agent {r['agent']}" for r in agents if r["agent"] not in AGENTS]
    entry_keys = {key(r["ar"]) for r in states + orgs}
    errors += [f"stoplist {r['ar']} collides with an entry" for r in stop if key(r["ar"]) in entry_keys]
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    write_tsv("states.tsv", COLUMNS, states)
    write_tsv("organisations.tsv", COLUMNS, orgs)
    write_tsv("agents.tsv", ("ar", "agent", "note"), agents)
    write_tsv("stoplist.tsv", ("ar", "note"), stop)
    write_tsv("surface_stoplist.tsv", ("ar", "note"), surface)
    for k, v in sorted(conflicts(states + orgs).items()):
        print(f"conflict: {k} -> {sorted(v)}")
    kinds = Counter(r["kind"] for r in states + orgs)
    print(f"states.tsv {len(states)}  organisations.tsv {len(orgs)}  agents.tsv {len(agents)}  "
          f"stoplist.tsv {len(stop)}  surface_stoplist.tsv {len(surface)}  kinds {dict(sorted(kinds.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
