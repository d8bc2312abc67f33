"""marsad watch: new files ingested once, files being written wait, restarts never ingest twice."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from marsad.api_lib import Coder
from marsad.config import Settings
from marsad.ingest.watch import Watcher

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "marsad" / "resources" / "samples" / "articles.jsonl"


def _lines(n0, n1):
    return "".join(SAMPLES.read_text(encoding="utf-8").splitlines(keepends=True)[n0:n1])


@pytest.fixture(scope="module")
def code():
    return Coder(Settings(time_budget_ms=0)).code_article


def _counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), "
                           "(SELECT count(*) FROM watched_files)").fetchone()
    finally:
        con.close()


def _old(path: Path, seconds=10):
    t = time.time() - seconds
    os.utime(path, (t, t))


def test_once_restart_touch_and_append(tmp_path, code):
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    (inbox / "a.jsonl").write_text(_lines(0, 2), encoding="utf-8")
    (inbox / "sub").mkdir()
    (inbox / "sub" / "b.txt").write_text(json.loads(_lines(2, 3))["text"], encoding="utf-8")
    (inbox / "c.jsonl.part").write_text(_lines(3, 4), encoding="utf-8")  # a download in progress: ignored
    for p in inbox.rglob("*"):
        if p.is_file():
            _old(p)
    settings = Settings(db_path=str(db), time_budget_ms=0)
    done = Watcher(inbox, settings, settle=0.5, code=code).run(interval=0.05, once=True)
    assert sorted((Path(r.path).name, r.status, r.articles) for r in done) == [
        ("a.jsonl", "ingested", 2), ("b.txt", "ingested", 1)]
    first = _counts(db)
    assert first[0] == 3 and first[2] == 2
    # a restart (new watcher, same store): nothing again
    assert Watcher(inbox, settings, settle=0.5, code=code).run(interval=0.05, once=True) == []
    # touched, same content: recorded, not ingested
    os.utime(inbox / "a.jsonl")
    _old(inbox / "a.jsonl", 5)
    (r,) = Watcher(inbox, settings, settle=0.5, code=code).run(interval=0.05, once=True)
    assert r.status == "same_content" and _counts(db) == first
    # appended: read again, only the new article stored
    with open(inbox / "a.jsonl", "a", encoding="utf-8") as fh:
        fh.write(_lines(4, 5))
    _old(inbox / "a.jsonl", 3)
    (r,) = Watcher(inbox, settings, settle=0.5, code=code).run(interval=0.05, once=True)
    assert (r.status, r.articles, r.duplicates) == ("ingested", 1, 2)
    assert _counts(db)[0] == 4


def test_file_still_being_written_waits(tmp_path, code):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    settings = Settings(db_path=str(tmp_path / "w.duckdb"), time_budget_ms=0)
    w = Watcher(inbox, settings, settle=0.2, code=code)
    f = inbox / "growing.jsonl"
    f.write_text(_lines(0, 1), encoding="utf-8")
    assert w.scan() == ([], 1)  # first look: not known to be settled
    with open(f, "a", encoding="utf-8") as fh:
        fh.write(_lines(1, 2))
    assert w.scan() == ([], 1)  # size changed since the last look: still waiting
    time.sleep(0.3)
    results, waiting = w.scan()
    assert waiting == 0 and [(r.status, r.articles) for r in results] == [("ingested", 2)]


def test_unknown_format_is_reported_once(tmp_path, code):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "x.pdf").write_bytes(b"%PDF-1.4")
    _old(inbox / "x.pdf")
    settings = Settings(db_path=str(tmp_path / "w.duckdb"), time_budget_ms=0)
    (r,) = Watcher(inbox, settings, settle=0.1, code=code).run(interval=0.05, once=True)
    assert r.status == "failed" and "unknown input format" in r.error
    assert Watcher(inbox, settings, settle=0.1, code=code).run(interval=0.05, once=True) == []


def test_cli_watch_once_then_restart(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    (inbox / "a.jsonl").write_text(_lines(0, 3), encoding="utf-8")
    _old(inbox / "a.jsonl")
    env = {**os.environ, "MARSAD_TIME_BUDGET_MS": "0"}
    cmd = [sys.executable, "-m", "marsad.cli", "watch", str(inbox), "--db", str(db), "--once", "--interval", "0.1",
           "--settle", "0.2"]
    r1 = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert r1.returncode == 0, r1.stderr
    assert "a.jsonl: 3 new articles" in r1.stderr
    r2 = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert r2.returncode == 0 and "a.jsonl" not in r2.stderr
    assert _counts(db)[0] == 3
