"""Every subcommand, including bad input.  Runs the real console script in a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "marsad" / "resources" / "samples" / "articles.jsonl"


def marsad(*args, input=None, cwd=None):
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], input=input, capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


def test_help_for_every_command():
    top = marsad("--help")
    assert top.returncode == 0
    for cmd in ("code", "ingest", "events", "export", "serve", "demo"):
        assert cmd in top.stdout
        r = marsad(cmd, "--help")
        assert r.returncode == 0 and "Usage" in r.stdout


def test_code_outputs_one_line_per_input_article(tmp_path):
    out = tmp_path / "out.jsonl"
    r = marsad("code", str(SAMPLES), "-o", str(out))
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    n_in = len(SAMPLES.read_text(encoding="utf-8").splitlines())
    assert len(lines) == n_in
    rejected = [x for x in lines if "rejected" in x]
    assert [x["id"] for x in rejected] == ["s8-english"] and rejected[0]["rejected"]["code"] == "not_arabic"
    ev = next(e for x in lines for e in x["events"])
    for key in ("source", "target", "cameo", "root", "quad", "goldstein", "plover", "place", "date", "evidence",
                "trigger", "reported_by", "quantities", "modality", "background"):
        assert key in ev


def test_code_reads_stdin_and_reports_bad_lines(tmp_path):
    data = '{"id": "1", "text": "أدانت مصر الهجوم الإسرائيلي على غزة بشدة."}\n{oops\n'
    r = marsad("code", "-", input=data)
    assert r.returncode == 0
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert lines[0]["id"] == "1" and lines[1]["rejected"]["code"] == "bad_json"
    assert "line 2" in lines[1]["rejected"]["reason"]


def test_code_empty_file_and_non_utf8(tmp_path):
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    r = marsad("code", str(tmp_path / "empty.jsonl"))
    assert r.returncode == 0 and r.stdout == ""
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfd")
    r = marsad("code", str(tmp_path / "bad.txt"))
    assert r.returncode == 0 and json.loads(r.stdout)["rejected"]["code"] == "bad_encoding"


def test_user_mistakes_give_one_line_and_exit_code(tmp_path):
    r = marsad("code", str(tmp_path / "missing.jsonl"))
    assert r.returncode == 3 and r.stderr.startswith("marsad: error:") and "Traceback" not in r.stderr
    r = marsad("code", str(SAMPLES), "--date", "yesterday")
    assert r.returncode == 3 and "ISO date" in r.stderr
    r = marsad("events", "--db", str(tmp_path / "none.duckdb"))
    assert r.returncode == 4 and "Traceback" not in r.stderr
    r = marsad("code", "--format", "xml")
    assert r.returncode == 2


@pytest.mark.parametrize("fmt", ["csv", "gdelt", "plover"])
def test_code_other_formats(tmp_path, fmt):
    r = marsad("code", str(SAMPLES), "--format", fmt, "-q")
    assert r.returncode == 0 and r.stdout.strip()


def test_ingest_events_export(tmp_path):
    db = tmp_path / "m.duckdb"
    r = marsad("ingest", str(SAMPLES), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "1 rejected" in r.stderr
    r2 = marsad("ingest", str(SAMPLES), "--db", str(db))
    assert "0 new articles" in r2.stderr
    r = marsad("events", "--db", str(db), "--format", "jsonl")
    assert r.returncode == 0 and r.stdout.strip()
    r = marsad("events", "--db", str(db), "--dyad", "EGY,JOR", "--format", "csv")
    assert r.returncode == 0 and "EGY" in r.stdout
    for fmt, name in (("gdelt", "e.tsv"), ("plover", "e.jsonl"), ("csv", "e.csv")):
        r = marsad("export", "--format", fmt, "-o", str(tmp_path / name), "--db", str(db))
        assert r.returncode == 0, r.stderr
        assert (tmp_path / name).stat().st_size > 0
