"""Checks of the persons dictionary (resources/actors/persons.tsv): format, dates, spot checks."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from marsad.text.normalize import normalize_text
from marsad.text.tokens import phrase_key

PATH = Path(__file__).resolve().parents[2] / "src" / "marsad" / "resources" / "actors" / "persons.tsv"
COLUMNS = ["ar", "code", "agent", "name", "kind", "start", "end", "country", "role"]
CODE_RE = re.compile(r"^([A-Z]{3}|IGO:[A-Z]+|NSA:[A-Z0-9]+)$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
AGENTS = {"GOV", "MIL", "POL", "LEG", "JUD", "REB", "OPP", "NGO", "REL"}


@cache
def table() -> tuple[list[str], tuple[dict[str, str], ...]]:
    """Header and rows of persons.tsv (`#` lines are comments)."""
    lines = [ln.rstrip("\n") for ln in PATH.open(encoding="utf-8")]
    lines = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    head = lines[0].split("\t")
    return head, tuple(dict(zip(head, ln.split("\t"), strict=True)) for ln in lines[1:])


def rows() -> tuple[dict[str, str], ...]:
    return table()[1]


def key(ar: str) -> tuple[str, ...]:
    """The matcher's key of a name: normalized words without a leading article."""
    return phrase_key(normalize_text(ar))


def span(r: dict[str, str]) -> tuple[date, date]:
    return date.fromisoformat(r["start"]), date.fromisoformat(r["end"]) if r["end"] else date.max


def holders(ar: str, when: date) -> list[dict[str, str]]:
    """Rows whose name has the same key as ``ar`` and whose tenure covers ``when``."""
    k = key(ar)
    out = []
    for r in rows():
        start, end = span(r)
        if key(r["ar"]) == k and start <= when <= end:
            out.append(r)
    return out


def test_persons_columns() -> None:
    head, body = table()
    assert head == COLUMNS
    assert len(body) > 600
    for r in body:
        assert all(v == v.strip() for v in r.values()), r
        assert r["ar"] and r["name"] and r["role"], r
        assert r["kind"] == "person", r
        assert not re.search(r"[A-Za-z]", r["ar"]), r


def test_persons_codes_agents_countries() -> None:
    for r in rows():
        assert CODE_RE.match(r["code"]), r
        assert r["agent"] in AGENTS, r
        assert r["country"] == "" or ISO3_RE.match(r["country"]), r
        if ISO3_RE.match(r["code"]):
            assert r["country"] == r["code"], r


def test_persons_dates() -> None:
    for r in rows():
        start, end = span(r)
        assert start <= end, r
        assert date(1960, 1, 1) <= start <= date(2026, 12, 31), r


def test_persons_no_duplicate_rows() -> None:
    seen = set()
    for r in rows():
        k = (key(r["ar"]), r["code"], r["role"], r["start"])
        assert k not in seen, r
        seen.add(k)


def test_persons_no_contradictory_overlaps() -> None:
    """One name never stands for two people, or two codes, at the same time."""
    by_key: dict[tuple[str, ...], list[dict[str, str]]] = defaultdict(list)
    for r in rows():
        by_key[key(r["ar"])].append(r)
    for group in by_key.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                (a0, a1), (b0, b1) = span(a), span(b)
                if a0 < b1 and b0 < a1:
                    assert (a["name"], a["code"]) == (b["name"], b["code"]), (a, b)
                    assert a["role"] != b["role"], (a, b)


@pytest.mark.parametrize("ar,when,code,role", [
    ("بومبيو", date(2019, 3, 25), "USA", "Secretary of State"),
    ("مايك بومبيو", date(2017, 6, 1), "USA", "CIA Director"),
    ("لافروف", date(2019, 3, 25), "RUS", "Foreign Minister"),
    ("سيرغي لافروف", date(2025, 8, 12), "RUS", "Foreign Minister"),
    ("فيصل بن فرحان", date(2025, 8, 12), "SAU", "Foreign Minister"),
    ("أيمن الصفدي", date(2025, 8, 12), "JOR", "Foreign Minister"),
    ("هاكان فيدان", date(2023, 6, 3), "TUR", "Foreign Minister"),
    ("هاكان فيدان", date(2024, 1, 10), "TUR", "Foreign Minister"),
    ("غروسي", date(2025, 6, 20), "IGO:IAEA", "Director General of the IAEA"),
    ("غوتيريش", date(2024, 5, 1), "IGO:UN", "Secretary-General"),
    ("نصر الله", date(2015, 8, 1), "LBN", "Secretary-General of Hezbollah"),
    ("عادل الجبير", date(2015, 8, 1), "SAU", "Foreign Minister"),
])
def test_persons_spot_checks(ar: str, when: date, code: str, role: str) -> None:
    found = holders(ar, when)
    assert any(r["code"] == code and r["role"] == role for r in found), found


def test_persons_fidan_was_intelligence_chief_before_2023() -> None:
    found = holders("هاكان فيدان", date(2019, 3, 25))
    assert {r["code"] for r in found} == {"TUR"}
    assert all("Intelligence" in r["role"] for r in found), found


def test_persons_sharaa_changes_code() -> None:
    assert {r["code"] for r in holders("الجولاني", date(2014, 1, 1))} == {"NSA:ALQAEDA"}
    assert {r["agent"] for r in holders("أحمد الشرع", date(2025, 3, 1))} == {"GOV"}


def test_persons_ambiguous_words_left_out() -> None:
    """Surnames that are common Arabic words (the lion, the engineer, Cameroon) are not entries."""
    keys = {key(r["ar"]) for r in rows()}
    for word in ("الأسد", "المهندس", "الشرع", "رئيسي", "كاميرون", "الضيف", "عون"):
        assert key(word) not in keys, word
