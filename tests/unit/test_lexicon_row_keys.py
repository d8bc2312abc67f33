"""Lexicon rows are named by a stable key (coding/lexicon.py, :func:`row_key`), which the event
filter's per-row weights use: adding or removing a row must not move another row's weight."""

from __future__ import annotations

import json
from pathlib import Path

from marsad import resources
from marsad.coding import lexicon

ROWS = [
    ("زار", "042", "", "visited"),
    ("رهائن|رهينة", "181", "noun,weak", "hostages"),
    ("اعتقل", "173", "", "arrested"),
]


def _write(d: Path, rows: list[tuple[str, str, str, str]]) -> None:
    lines = ["pattern\tcameo\tflags\tnote", "# a comment"] + ["\t".join(r) for r in rows]
    (d / "18.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _keys(d: Path) -> dict[str, tuple[str, str]]:
    return {p.cameo: (p.key, p.source) for p in lexicon.TriggerLexicon(d).patterns()}


def test_removing_a_row_keeps_the_keys_of_the_rows_after_it(tmp_path: Path) -> None:
    _write(tmp_path, ROWS)
    before = _keys(tmp_path)
    _write(tmp_path, [ROWS[0], ROWS[2]])
    after = _keys(tmp_path)
    assert after["173"][0] == before["173"][0]  # same key
    assert after["173"][1] != before["173"][1]  # though its row number moved
    assert after["042"] == before["042"]
    assert before["181"][0].startswith("18.tsv#") and len(set(k for k, _ in before.values())) == 3


def test_a_key_names_the_file_words_and_code() -> None:
    key = lexicon.row_key("18.tsv", "رهائن", "181")
    assert key == lexicon.row_key("18.tsv", "رهائن", "181")
    assert key != lexicon.row_key("17.tsv", "رهائن", "181")
    assert key != lexicon.row_key("18.tsv", "رهائن", "180")


def test_the_shipped_filter_names_rows_by_key_and_its_rows_exist() -> None:
    """A filter trained before the keys (``pat=18.tsv:14``) would give its weights to whatever rows now
    sit at those numbers; each weight must name a row of the shipped lexicon."""
    model = json.loads(resources.path("event_filter").read_text(encoding="utf-8"))
    pats = [k[4:] for k in model["weights"] if k.startswith("pat=")]
    assert pats and all("#" in p for p in pats)
    keys = {p.key for p in lexicon.TriggerLexicon().patterns()}
    missing = [p for p in pats if p not in keys]
    # rows edited since the last retrain lose their weight (they read as new rows): allow a few
    assert len(missing) <= len(pats) // 10, missing[:10]
