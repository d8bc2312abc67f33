"""Every subcommand, including bad input.  Runs the real console script in a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "marsad" / "resources" / "samples" / "articles.jsonl"


def marsad(*args, input=None, cwd=None):
    # a generous time budget: on a loaded machine the default (2 s per article) rejects articles as timeouts
    env = {"MARSAD_TIME_BUDGET_MS": "60000", **os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], input=input, capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


def test_help_for_every_command():
    top = marsad("--help")
    assert top.returncode == 0
    for cmd in ("code", "ingest", "events", "dyad", "export", "serve", "demo"):
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


def test_code_out_dash_is_stdout(tmp_path):
    data = '{"id": "1", "text": "أدانت مصر الهجوم الإسرائيلي على غزة بشدة."}\n'
    r = marsad("code", "-", "-o", "-", input=data, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.splitlines()[0])["id"] == "1"
    assert not (tmp_path / "-").exists()


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


def _store_with_dyad(db):
    from datetime import date

    from marsad.document import ActorMention, Article, Document, Event, Span
    from marsad.store.store import Store

    def doc(i, day, cameo, quad, gold):
        text = f"اتهمت واشنطن موسكو بالتدخل {i}"
        e = Event(source=ActorMention(Span(6, 12, text[6:12]), "USA", "GOV"),
                  target=ActorMention(Span(13, 18, text[13:18]), "RUS", "GOV"), cameo=cameo,
                  trigger=Span(0, 5, text[:5]), evidence=Span(0, len(text), text), goldstein=gold, quad=quad)
        return Document(article=Article(f"d{i}", text, date=date.fromisoformat(day), outlet="o"), events=[e])

    days = ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-02-05", "2024-02-08", "2024-02-11"]
    with Store(db) as s:
        s.ingest([doc(i, d, "042" if i < 4 else "112", 1 if i < 4 else 3, 1.9 if i < 4 else -2.0)
                  for i, d in enumerate(days)])


def test_dyad_prints_the_tension_index(tmp_path):
    db = tmp_path / "d.duckdb"
    _store_with_dyad(db)
    r = marsad("dyad", "RUS", "USA", "--by", "week", "--db", str(db), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    pts = [json.loads(x) for x in r.stdout.splitlines()]
    assert pts[0]["period"] == "2024-01-01" and len(pts) == 6
    assert pts[-1]["verbal_conflict"] == 3 and pts[-1]["rising"] is True
    r = marsad("dyad", "rus", "usa", "--db", str(db))
    assert r.returncode == 0 and "2024-02-05" in r.stdout and "tension rising" in r.stdout
    r = marsad("dyad", "RUS", "USA", "--by", "month", "--db", str(db), "--format", "jsonl")
    assert [json.loads(x)["events"] for x in r.stdout.splitlines()] == [4, 3]
    r = marsad("dyad", "RUS", "USA", "--db", str(db), "--format", "csv", "--since", "2024-02-01")
    assert r.returncode == 0 and r.stdout.splitlines()[0].startswith("period,events")
    assert marsad("dyad", "RUS", "USA", "--by", "year", "--db", str(db)).returncode == 2
    assert marsad("dyad", "RUS", "USA", "--since", "soon", "--db", str(db)).returncode == 3


def test_export_gdelt_mentions_and_parquet(tmp_path):
    db = tmp_path / "d.duckdb"
    _store_with_dyad(db)
    r = marsad("export", "-f", "gdelt-mentions", "-o", str(tmp_path / "m.tsv"), "--db", str(db))
    assert r.returncode == 0, r.stderr
    lines = (tmp_path / "m.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("GlobalEventID\tEventTimeDate") and len(lines) == 8
    r = marsad("export", "-f", "gdelt", "--no-header", "-o", str(tmp_path / "e.tsv"), "--db", str(db))
    rows = (tmp_path / "e.tsv").read_text(encoding="utf-8").splitlines()
    assert r.returncode == 0 and rows[0].split("\t")[0].isdigit() and len(rows[0].split("\t")) == 61
    r = marsad("export", "-f", "parquet", "-o", str(tmp_path / "pq"), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "pq" / "events" / "year=2024" / "month=2").is_dir()
    r = marsad("export", "-f", "parquet", "-o", str(tmp_path / "pq"), "--db", str(db))
    assert r.returncode == 3 and "empty folder" in r.stderr


def test_coding_commands_settle_the_garbage_collector_after_loading_the_pipeline(tmp_path):
    """`marsad code`/`ingest` freeze the loaded pipeline out of the cyclic GC and raise the
    generation-0 threshold (marsad.runtime: about 8 % of coding CPU), with the collector back on
    after loading; a plain import does not."""
    probe = ("import gc, sys; from marsad.cli.commands import coded_stream; from marsad.config import Settings; "
             "from marsad.runtime import GEN0_THRESHOLD; before = (gc.get_threshold()[0], gc.get_freeze_count()); "
             "docs = list(coded_stream([sys.argv[1]], Settings(), None, False)); "
             "print(before[0] != GEN0_THRESHOLD and before[1] == 0, gc.get_threshold()[0] == GEN0_THRESHOLD, "
             "gc.get_freeze_count() > 1000 and gc.isenabled(), len(docs))")
    r = subprocess.run([sys.executable, "-c", probe, str(SAMPLES)], capture_output=True, text=True, timeout=120,
                       env={"MARSAD_TIME_BUDGET_MS": "60000", **os.environ})
    assert r.returncode == 0, r.stderr
    untouched, raised, frozen, n = r.stdout.split()
    assert (untouched, raised, frozen) == ("True", "True", "True") and int(n) > 0
