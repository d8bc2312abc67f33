"""marsad batch: partitioning, the map step on a local Dask cluster, de-duplication and the DuckDB load."""

import gzip
import json
from pathlib import Path

import duckdb
import pytest

from marsad.batch import run as batch_run
from marsad.batch.partition import plan_partitions, read_partition
from marsad.config import Settings
from marsad.ingest.readers import read_inputs

pytest.importorskip("distributed")

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "marsad" / "resources" / "samples" / "articles.jsonl"
FAST = Settings(time_budget_ms=0)  # no per-article time budget: CI machines are often loaded
EN = "The foreign minister met his counterpart in Moscow today to discuss the crisis in the region at length."


def _samples() -> list[dict]:
    return [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def _lines(recs):
    return [json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in recs]


def test_partitions_cover_every_line_once_with_exact_line_numbers(tmp_path):
    recs = [{"id": f"a{i}", "text": f"نص الخبر رقم {i}"} for i in range(7)]
    lines = _lines(recs)
    lines.insert(4, b"{broken json\n")
    for name, data in (("x.jsonl", b"".join(lines)), ("y.jsonl.gz", gzip.compress(b"".join(lines)))):
        p = tmp_path / name
        p.write_bytes(data)
        parts = plan_partitions([str(p)], lines_per_partition=3)
        assert [pt.n_lines for pt in parts] == [3, 3, 2]
        items = [it for pt in parts for it in read_partition(pt, language=False)]
        whole = list(read_inputs([str(p)], language=False))
        assert [i.id for i in items] == [i.id for i in whole]
        bad = [i for i in items if getattr(i, "code", None) == "bad_json"]
        assert len(bad) == 1 and bad[0].source.endswith(":5") and "line 5" in bad[0].reason


def _batch_input(tmp_path) -> Path:
    """Sample articles in two files (one article in both), and poisoned ones."""
    samples = _samples()
    inp = tmp_path / "in"
    inp.mkdir()
    first = _lines(samples[:5])
    poison = [json.dumps({"id": "huge", "text": "خبر " * 2_600_000}).encode() + b"\n",  # ~10 MB
              b'{"id": "bad-utf8", "text": "\xff\xfe\xfd"}\n',
              json.dumps({"id": "english", "text": EN}).encode() + b"\n"]
    (inp / "a.jsonl").write_bytes(b"".join(first[:2] + poison + first[2:]))
    (inp / "b.jsonl").write_bytes(b"".join(_lines(samples[4:])))  # samples[4] twice in the batch
    return inp


def _count(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_batch_codes_rejects_poison_dedups_and_loads(tmp_path):
    inp = _batch_input(tmp_path)
    out = tmp_path / "out"
    rep = batch_run.run_batch([str(inp)], out, FAST, workers=2, processes=False, lines_per_partition=3)
    n = len(_samples())
    assert not rep.failed and rep.partitions == 3 + 2 and rep.workers == 2
    arabic = n - 1  # s8-english is a sample of a non-Arabic article
    assert rep.articles == n + 1 + 3 and rep.rejected == 3 + 1
    assert rep.load.articles == arabic and rep.load.duplicates == 1
    db = out / "marsad.duckdb"
    codes = dict(_count(db, "SELECT article_id, code FROM rejections"))
    assert codes == {"huge": "too_long", f"{inp / 'a.jsonl'}:4": "bad_encoding", "english": "not_arabic",
                     "s8-english": "not_arabic"}
    assert _count(db, "SELECT count(*) FROM articles") == [(arabic,)]
    n_mentions = _count(db, "SELECT count(*) FROM mentions")[0][0]
    assert n_mentions > 0 and rep.events == _count(db, "SELECT count(*) FROM events")[0][0]
    # Parquet: staged per partition, final events/mentions by year/month, rejections
    con = duckdb.connect()
    staged = con.execute(f"SELECT count(*) FROM read_parquet('{out}/staging/mentions/**/*.parquet')").fetchone()[0]
    assert staged >= n_mentions  # the duplicate article's mentions are staged twice, stored once
    ev = con.execute(f"SELECT count(*), min(year) FROM read_parquet('{out}/events/**/*.parquet', "
                     "hive_partitioning = true)").fetchone()
    assert ev[0] == rep.events and ev[1] >= 2000
    assert con.execute(f"SELECT count(*) FROM '{out}/rejections/rejections.parquet'").fetchone()[0] == 4
    # the same batch again into a kept store changes nothing
    keep = tmp_path / "keep.duckdb"
    batch_run.run_batch([str(inp)], out, FAST, workers=1, processes=False, db=keep, lines_per_partition=3)
    before = _count(keep, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), "
                          "(SELECT count(*) FROM events), (SELECT count(*) FROM rejections)")
    rep2 = batch_run.run_batch([str(inp)], out, FAST, workers=1, processes=False, db=keep,
                               lines_per_partition=3)
    assert rep2.load.articles == 0 and rep2.load.duplicates == arabic + 1
    assert _count(keep, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), "
                        "(SELECT count(*) FROM events), (SELECT count(*) FROM rejections)") == before


def test_failed_partition_is_retried_then_reported(tmp_path, monkeypatch):
    inp = tmp_path / "in"
    inp.mkdir()
    samples = _samples()
    (inp / "a.jsonl").write_bytes(b"".join(_lines(samples[:2])))
    (inp / "b.jsonl").write_bytes(b"".join(_lines(samples[2:3])))
    (inp / "c.jsonl").write_bytes(b"".join(_lines(samples[3:4])))
    real = batch_run.code_partition
    marker = tmp_path / "failed-once"

    def flaky(part, **kw):
        if part.path.endswith("b.jsonl") and not marker.exists():
            marker.touch()
            raise OSError("worker lost (simulated)")
        if part.path.endswith("c.jsonl"):
            raise RuntimeError("always fails (simulated)")
        return real(part, **kw)

    monkeypatch.setattr(batch_run, "code_partition", flaky)
    rep = batch_run.run_batch([str(inp)], tmp_path / "out", FAST, workers=2, processes=False, retries=1)
    assert marker.exists() and len(rep.failed) == 1 and "c.jsonl" in rep.failed[0]
    assert rep.articles == 3 and rep.load.articles == 3


def test_cli_batch(tmp_path):
    import os
    import subprocess
    import sys

    inp = tmp_path / "in.jsonl"
    inp.write_bytes(b"".join(_lines(_samples()[:3])) + b"{oops\n")
    env = {**os.environ, "MARSAD_TIME_BUDGET_MS": "0"}
    r = subprocess.run([sys.executable, "-m", "marsad.cli", "batch", str(inp), "-o", str(tmp_path / "out"),
                        "--workers", "1", "--partition-size", "2"], capture_output=True, text=True, timeout=300,
                       env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "4 articles in 2 partitions" in r.stderr and "3 coded, 1 rejected" in r.stderr
    assert _count(tmp_path / "out" / "marsad.duckdb", "SELECT count(*) FROM articles") == [(3,)]
    h = subprocess.run([sys.executable, "-m", "marsad.cli", "batch", "--help"], capture_output=True, text=True)
    assert h.returncode == 0 and "--scheduler" in h.stdout
