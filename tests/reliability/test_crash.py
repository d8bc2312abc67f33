"""Crash safety: SIGKILL at random points, rerun, and the store equals an uninterrupted run.

Slow suite.  Sizes are set by environment variables so the same tests run small in CI:
``MARSAD_CRASH_ARTICLES`` (default 10000, from ../shared/data/news/saudinewsnet.jsonl),
``MARSAD_CRASH_KILLS`` (kills per test, default 3), ``MARSAD_CRASH_SEED`` (kill times).
The second-writer test is fast and always runs.
"""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crashlib import SETTINGS, Snapshot, env, kill_at, kill_times, run_to_end, snapshot, split_jsonl
from relutil import NEWS, frozen_src, marsad_cmd, marsad_env

N = int(os.environ.get("MARSAD_CRASH_ARTICLES", "10000"))
KILLS = int(os.environ.get("MARSAD_CRASH_KILLS", "3"))
SEED = int(os.environ.get("MARSAD_CRASH_SEED", "9"))


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not NEWS.exists():
        pytest.skip("../shared/data/news/saudinewsnet.jsonl is not present")
    out = tmp_path_factory.mktemp("crash") / f"news{N}.jsonl"
    with NEWS.open("rb") as src, out.open("wb") as dst:
        for n, line in enumerate(src):
            if n >= N:
                break
            dst.write(line)
    return out


@pytest.fixture(scope="module")
def src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One frozen copy of the code for every run that is compared (src/ may change meanwhile)."""
    return frozen_src(tmp_path_factory.mktemp("frozen"))


@pytest.fixture(scope="module")
def baseline(news: Path, src: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Snapshot, float]:
    """An uninterrupted ingest of the same input, and how long it took."""
    cwd = tmp_path_factory.mktemp("base")
    secs = run_to_end(["ingest", str(news), "--db", "base.duckdb", "-q", "--batch-size", "100"], cwd, src)
    return snapshot(cwd / "base.duckdb"), secs


def assert_same(got: Snapshot, want: Snapshot) -> None:
    assert got.duplicate_articles == 0 and got.duplicate_mentions == 0
    assert len(got.articles) == len(want.articles)
    assert got.articles == want.articles
    assert got.rejections == want.rejections
    assert got.mentions == want.mentions
    assert got.events == want.events, f"{len(set(want.events) ^ set(got.events))} event rows differ"


@pytest.fixture(scope="module")
def coded_300(news: Path) -> list:
    """The first 300 articles of ``news``, coded once (no time budget: deterministic)."""
    from marsad.cli.commands import coded_stream
    from marsad.config import Settings

    return list(itertools.islice(coded_stream([str(news)], Settings(time_budget_ms=0), None, False), 300))


def _ingest_in_batches(docs: list, batch_size: int, sql: str) -> list:
    from marsad.config import Settings
    from marsad.store.store import Store

    with Store(":memory:", Settings(time_budget_ms=0)) as store:
        store.ingest(docs, batch_size=batch_size)
        return store.con.execute(sql).fetchall()


@pytest.mark.slow
def test_events_do_not_depend_on_the_batch_size(coded_300):
    """Same groups, event ids and events rows whatever the batches (also in reverse order)."""
    groups, events = {}, {}
    for bs, order in ((300, 1), (50, 1), (7, 1), (1, -1)):
        docs = coded_300[::order]
        groups[bs] = sorted(_ingest_in_batches(
            docs, bs, "SELECT event_id, list(mention_id ORDER BY mention_id) FROM mentions GROUP BY event_id"))
        events[bs] = _ingest_in_batches(
            docs, bs, "SELECT event_id, cameo, date, num_mentions, num_articles, founder FROM events ORDER BY ALL")
    assert groups[300] == groups[50] == groups[7] == groups[1]
    assert events[300] == events[50] == events[7] == events[1]


@pytest.mark.slow
def test_event_representative_fields_do_not_depend_on_the_batch_size(coded_300):
    """The "first seen" article of an event (first_hash, evidence_text, names, agents, place) is
    the same in one batch and in batches of 50: a rerun after a kill, or ``marsad watch`` (one
    transaction per file), must give the rows of one uninterrupted run."""
    sql = ("SELECT event_id, first_hash, evidence_text, source_name, source_agent, target_name, target_agent, "
           "place_name FROM events ORDER BY event_id")
    assert _ingest_in_batches(coded_300, 300, sql) == _ingest_in_batches(coded_300, 50, sql)


def _has_command(name: str, src: Path | None = None) -> bool:
    out = subprocess.run(marsad_cmd(name, "--help"), env=marsad_env(src), capture_output=True, text=True)
    return out.returncode == 0


@pytest.mark.slow
def test_ingest_killed_at_random_points_then_rerun_equals_uninterrupted(news, src, baseline, tmp_path):
    want, secs = baseline
    args = ["ingest", str(news), "--db", "crash.duckdb", "-q", "--batch-size", "100"]
    killed = [kill_at(args, tmp_path, t, src) for t in kill_times(secs, KILLS, SEED)]
    assert any(killed), "every run finished before its kill: nothing was tested"
    run_to_end(args, tmp_path, src)
    got = snapshot(tmp_path / "crash.duckdb")
    print(f"ingest x{N}: baseline {want.summary()} in {secs:.0f} s; after {sum(killed)} kills {got.summary()}")
    assert_same(got, want)


@pytest.mark.slow
def test_watch_killed_at_random_points_then_restarted_equals_ingest(news, src, tmp_path):
    if not _has_command("watch", src):
        pytest.skip("marsad watch is not available")
    folder = tmp_path / "in"
    split_jsonl(news, folder, per_file=100)
    base = tmp_path / "base"
    base.mkdir()
    secs = run_to_end(["ingest", str(folder), "--db", "base.duckdb", "-q"], base, src)
    want = snapshot(base / "base.duckdb")
    args = ["watch", str(folder), "--db", "watch.duckdb", "--interval", "0.2", "--settle", "0", "-q"]
    killed = [kill_at(args, tmp_path, t, src) for t in kill_times(secs, KILLS, SEED + 1)]
    assert all(killed), "marsad watch exited by itself"
    run_to_end([*args, "--once"], tmp_path, src)
    got = snapshot(tmp_path / "watch.duckdb")
    print(f"watch x{N}: ingest {want.summary()} in {secs:.0f} s; watch after {len(killed)} kills {got.summary()}")
    assert_same(got, want)


def _children(pid: int) -> list[int]:
    """Direct and indirect child processes of ``pid`` (from /proc)."""
    kids: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        kids.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        for c in kids.get(p, []):
            out.append(c)
            todo.append(c)
    return out


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


@pytest.mark.slow
def test_batch_with_a_worker_killed_mid_partition_equals_ingest(news, src, baseline, tmp_path):
    if not _has_command("batch", src):
        pytest.skip("marsad batch is not available")
    want, secs = baseline
    args = ["batch", str(news), "-o", str(tmp_path / "out"), "--workers", "2", "--partition-size", "500", "-q"]
    proc = subprocess.Popen(marsad_cmd(*args), cwd=tmp_path, env=env(src),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    victim = None
    deadline = time.monotonic() + 600
    delay = kill_times(secs / 2, 1, SEED + 2)[0]
    started = None
    while proc.poll() is None and time.monotonic() < deadline:
        workers = [p for p in _children(proc.pid) if "spawn_main" in _cmdline(p) or "forkserver" in _cmdline(p)]
        if workers and started is None:
            started = time.monotonic()
        if started is not None and time.monotonic() - started >= delay and workers:
            victim = workers[-1]
            os.kill(victim, signal.SIGKILL)
            break
        time.sleep(0.2)
    try:
        out, err = proc.communicate(timeout=7200)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert victim is not None, "no worker process found to kill (or the batch ended first)"
    assert proc.returncode == 0, err[-2000:]
    got = snapshot(tmp_path / "out" / "marsad.duckdb")
    print(f"batch x{N}: killed worker {victim} after {delay:.0f} s; {got.summary()} (ingest: {want.summary()})")
    assert got.duplicate_articles == 0 and got.duplicate_mentions == 0
    assert got.articles == want.articles
    assert got.rejections == want.rejections
    assert [m[:2] for m in got.mentions] == [m[:2] for m in want.mentions]  # same (article, index) keys
    if got.mentions != want.mentions:
        pytest.fail(f"{len(set(got.mentions) ^ set(want.mentions))} mentions coded differently by the Dask "
                    "workers than by marsad ingest")


HOLD = """
import sys, time
from marsad.store.store import Store
with Store(sys.argv[1]) as s:
    print("ready", flush=True)
    time.sleep(60)
"""


def test_second_writer_gets_a_clear_error_and_the_store_is_intact(tmp_path):
    sample = Path(__file__).resolve().parents[2] / "src" / "marsad" / "resources" / "samples" / "articles.jsonl"
    first = subprocess.run(marsad_cmd("ingest", str(sample), "--db", "s.duckdb", "-q"), cwd=tmp_path,
                           env=marsad_env(**SETTINGS), capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    before = snapshot(tmp_path / "s.duckdb")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, "s.duckdb"], cwd=tmp_path, env=marsad_env(),
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        second = subprocess.run(marsad_cmd("ingest", str(sample), "--db", "s.duckdb", "-q"), cwd=tmp_path,
                                env=marsad_env(**SETTINGS), capture_output=True, text=True, timeout=600)
    finally:
        holder.kill()
        holder.wait()
    assert second.returncode == 4
    assert "E041" in second.stderr and "another process" in second.stderr
    assert "Traceback" not in second.stderr
    assert snapshot(tmp_path / "s.duckdb") == before
