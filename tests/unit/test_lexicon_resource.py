"""The trigger lexicon files (resources/lexicon/NN.tsv) are well formed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LEXICON = REPO / "src" / "marsad" / "resources" / "lexicon"
CAMEO_PACKAGE = REPO / "src" / "marsad" / "resources" / "cameo" / "cameo.tsv"
CAMEO_SHARED = REPO / ".." / "shared" / "data" / "reference" / "cameo" / "cameo_eventcodes.tsv"
HEADER = ["pattern", "cameo", "flags", "note"]
FLAGS = {"sym", "visit", "host", "passive", "noun", "notarget", "weak"}
FILES = sorted(LEXICON.glob("[0-2][0-9].tsv"))


def _cameo_codes() -> set[str]:
    for table in (CAMEO_PACKAGE, CAMEO_SHARED):
        if table.exists():
            lines = [ln for ln in table.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
            col = lines[0].split("\t").index("code")
            return {ln.split("\t")[col] for ln in lines[1:]}
    pytest.skip("no CAMEO table available")


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, ln.split("\t")) for n, ln in enumerate(lines[1:], 2) if ln.strip() and not ln.startswith("#")]


def test_lexicon_has_a_file_per_root() -> None:
    assert [f.stem for f in FILES] == [f"{r:02d}" for r in range(2, 21)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_lexicon_file_header(path: Path) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[0].split("\t") == HEADER


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_lexicon_rows_are_valid(path: Path) -> None:
    codes = _cameo_codes()
    seen: set[tuple[str, str]] = set()
    problems = []
    for n, cols in _rows(path):
        if len(cols) != 4:
            problems.append(f"{n}: {len(cols)} columns")
            continue
        pattern, code, flags, _ = cols
        words = pattern.split(" ")
        if not pattern or any(not w for w in words) or words[0] == "~" or words[-1] == "~":
            problems.append(f"{n}: bad pattern spacing or gap at an edge")
        if any(w != "~" and ("~" in w or any(not a for a in w.split("|"))) for w in words):
            problems.append(f"{n}: empty alternative or misplaced ~")
        if code not in codes or not re.fullmatch(r"\d{3,4}", code):
            problems.append(f"{n}: unknown CAMEO code {code!r}")
        if not code.startswith(path.stem):
            problems.append(f"{n}: code {code} is not under root {path.stem}")
        for flag in filter(None, flags.split(",")):
            if flag not in FLAGS and not re.fullmatch(r"prep=[^\s,|]+(\|[^\s,|]+)*", flag):
                problems.append(f"{n}: unknown flag {flag!r}")
        if "visit" in flags.split(",") and code != "042":
            problems.append(f"{n}: visit entries are coded 042")
        if "host" in flags.split(",") and code != "043":
            problems.append(f"{n}: host entries are coded 043")
        if (pattern, code) in seen:
            problems.append(f"{n}: duplicate ({pattern[:40]}…, {code})")
        seen.add((pattern, code))
    assert not problems, "\n".join(problems)


def test_lexicon_stoplist_is_single_tokens() -> None:
    path = LEXICON / "stoplist.tsv"
    if not path.exists():
        pytest.skip("no stoplist")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["token", "note"]
    for ln in lines[1:]:
        if ln.strip() and not ln.startswith("#"):
            assert " " not in ln.split("\t")[0]
