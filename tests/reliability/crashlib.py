"""Helpers for the crash-safety tests: run the CLI, kill it with SIGKILL at random points, compare stores."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
from relutil import marsad_cmd, marsad_env

# Deterministic coding: no wall-clock time budget (an article over the budget would be rejected
# in one run and coded in another depending on machine load).
SETTINGS = {"time_budget_ms": 0}


def env(src: Path | None) -> dict[str, str]:
    """The CLI environment of every compared run: same frozen code, no time budget, and one hash seed
    (the trigger matcher's ties depend on set order: see test_determinism.py)."""
    out = marsad_env(src, **SETTINGS)
    out["PYTHONHASHSEED"] = "0"
    return out


@dataclass
class Snapshot:
    articles: list[str]
    mentions: list[tuple]
    rejections: list[tuple]
    events: list[tuple]
    duplicate_articles: int
    duplicate_mentions: int

    def summary(self) -> str:
        return (f"{len(self.articles)} articles, {len(self.mentions)} mentions, {len(self.events)} events, "
                f"{len(self.rejections)} rejections")


def snapshot(db: Path) -> Snapshot:
    """What a store holds, as comparable sorted lists (also checks that DuckDB can read it)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        arts = [r[0] for r in con.execute("SELECT content_hash FROM articles ORDER BY 1").fetchall()]
        ments = con.execute(
            "SELECT content_hash, idx, source_code, coalesce(target_code, ''), cameo, trigger_start, "
            "evidence_start FROM mentions ORDER BY ALL").fetchall()
        rejs = con.execute("SELECT rejection_id, code FROM rejections ORDER BY ALL").fetchall()
        events = con.execute(
            "SELECT source_code, coalesce(target_code, ''), cameo, CAST(date AS VARCHAR), num_mentions, "
            "num_articles FROM events ORDER BY ALL").fetchall()
        dup_a = con.execute("SELECT count(*) - count(DISTINCT content_hash) FROM articles").fetchone()[0]
        dup_m = con.execute(
            "SELECT count(*) - count(DISTINCT (content_hash, idx)) FROM mentions").fetchone()[0]
    finally:
        con.close()
    return Snapshot(arts, ments, rejs, events, dup_a, dup_m)


def run_to_end(args: list[str], cwd: Path, src: Path | None = None, timeout: float = 7200) -> float:
    """Run a marsad command to completion; seconds taken."""
    start = time.monotonic()
    proc = subprocess.run(marsad_cmd(*args), cwd=cwd, env=env(src), capture_output=True,
                          text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return time.monotonic() - start


def kill_at(args: list[str], cwd: Path, after: float, src: Path | None = None) -> bool:
    """Start a marsad command and SIGKILL it (its whole process group) after ``after`` seconds.

    Returns False when the command finished before the kill.
    """
    proc = subprocess.Popen(marsad_cmd(*args), cwd=cwd, env=env(src),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        proc.wait(timeout=after)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return True


def kill_times(total: float, kills: int, seed: int) -> list[float]:
    """``kills`` random kill delays within the first 90 % of a run of ``total`` seconds."""
    rng = random.Random(seed)
    return [rng.uniform(0.5, max(1.0, 0.9 * total)) for _ in range(kills)]


def split_jsonl(src: Path, folder: Path, per_file: int) -> list[Path]:
    """Split a JSONL file into numbered files of ``per_file`` lines (input order kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    lines = src.read_bytes().splitlines(keepends=True)
    for i in range(0, len(lines), per_file):
        p = folder / f"part-{i // per_file:05d}.jsonl"
        p.write_bytes(b"".join(lines[i:i + per_file]))
        out.append(p)
    return out
