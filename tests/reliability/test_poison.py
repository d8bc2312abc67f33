"""A batch with poisoned articles codes every other article; every rejection has a reason.

The poison: a 10 MB article, an invalid UTF-8 line, a truncated line, an English article, NUL
bytes (also past the first 10,000 characters), lone surrogate escapes, whitespace only, deep
JSON nesting, a non-object, a non-string text.  Checked through ``marsad code`` (one output line
per input unit) and through ``Store.ingest`` (articles + rejections account for every unit).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from relutil import GOOD_TEXTS

from marsad.cli.commands import coded_stream
from marsad.config import Settings
from marsad.store.store import Store

SETTINGS = {"time_budget_ms": 0}
AR = GOOD_TEXTS[0]


def _line(id: str, text: object) -> bytes:
    return json.dumps({"id": id, "text": text, "date": "2024-05-01"}, ensure_ascii=False).encode("utf-8")


POISON: dict[str, bytes] = {
    "p-10mb": _line("p-10mb", "أدانت مصر " * 1_000_000),
    "p-utf8": b'{"id": "p-utf8", "text": "\xff\xfe\xd9"}',
    "p-truncated": _line("p-truncated", AR)[:40],
    "p-english": _line("p-english", "The foreign minister condemned the strike on the city and called for "
                                    "an immediate ceasefire, officials said on Monday in a statement."),
    "p-nul": _line("p-nul", AR + "\x00\x00" + AR),
    "p-nul-late": _line("p-nul-late", (AR + " ") * 200 + "\x00"),
    "p-surrogate": b'{"id": "p-surrogate", "text": "\\ud83d ' + AR.encode() + b'"}',
    "p-blank": _line("p-blank", " \n\t\u200b\u200f "),
    "p-deep": b"[" * 100_000,
    "p-array": b"[1, 2, 3]",
    "p-nontext": b'{"id": "p-nontext", "text": {"a": 1}}',
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Good articles interleaved with the poison; returns the file and the good ids."""
    path = tmp_path_factory.mktemp("poison") / "batch.jsonl"
    good: list[str] = []
    out: list[bytes] = []
    for i, poison in enumerate(POISON.values()):
        gid = f"good-{i}"
        good.append(gid)
        out += [_line(gid, f"{GOOD_TEXTS[i % len(GOOD_TEXTS)]} ({i})"), poison]
    path.write_bytes(b"\n".join(out) + b"\n")
    return path, good


def test_marsad_code_codes_every_good_article_and_rejects_each_poison_with_a_reason(batch, run_marsad):
    path, good = batch
    proc = run_marsad("code", str(path), "-q", timeout=900, **SETTINGS)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(x) for x in proc.stdout.splitlines()]
    assert len(rows) == len(good) + len(POISON)  # one line per input unit
    by_id = {r["id"]: r for r in rows}
    for gid in good:
        assert "rejected" not in by_id[gid], by_id[gid]
        assert by_id[gid]["events"], f"{gid} coded no event"
    rejected = [r for r in rows if "rejected" in r]
    assert len(rejected) == len(POISON)
    for r in rejected:
        assert r["rejected"]["code"] and r["rejected"]["reason"]
    codes = {r["id"]: r["rejected"]["code"] for r in rejected}
    assert codes["p-10mb"] == "too_long" and codes["p-english"] == "not_arabic"
    assert codes["p-nul"] == codes["p-nul-late"] == "binary" and codes["p-surrogate"] == "bad_record"
    assert codes["p-blank"] == "empty"
    unreadable = [c for i, c in codes.items() if i not in POISON]  # no id: rejected as file:line
    assert len(unreadable) == 4 and set(unreadable) <= {"bad_encoding", "bad_json", "bad_record"}


def test_nul_byte_late_in_an_article_is_rejected(record_coder):
    doc = record_coder.code((AR + " ") * 200 + "\x00")
    assert doc.rejection is not None and doc.rejection.code == "binary"


def test_store_ingest_accounts_for_every_unit_of_a_poisoned_batch(batch, tmp_path):
    path, good = batch
    settings = Settings(time_budget_ms=0, db_path=str(tmp_path / "p.duckdb"))
    with Store(settings.db_path, settings) as store:
        stats = store.ingest(coded_stream([str(path)], settings, None, False), batch_size=4)
        counts = store.counts()
        ids = {r[0] for r in store.con.execute("SELECT article_id FROM articles").fetchall()}
        reasons = store.con.execute("SELECT code, reason FROM rejections").fetchall()
    assert set(good) <= ids
    assert stats.articles + stats.rejected + stats.duplicates == len(good) + len(POISON)
    assert counts["articles"] + counts["rejections"] == len(good) + len(POISON)
    assert all(code and reason for code, reason in reasons)
