"""Helpers for the benchmarks: run a fresh process and read its CPU time and peak RSS."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NEWS = SHARED / "data" / "news" / "saudinewsnet.jsonl"


@dataclass(slots=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process (all its threads)
    rss_mb: float  # peak resident set size
    returncode: int

    def rate(self, n: int) -> tuple[float, float]:
        """(articles/s by wall clock, articles/s per CPU-second = per core)."""
        return n / self.wall, n / self.cpu if self.cpu else 0.0


def env() -> dict[str, str]:
    # no per-article time budget: on a loaded machine it would turn slow articles into rejections
    e = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "MARSAD_TIME_BUDGET_MS": "0"}
    return e


def run(args: list[str], stdout=subprocess.DEVNULL) -> Run:
    """Run ``python args…`` in a fresh process; its own rusage from wait4 (not the children's total)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], stdout=stdout, stderr=subprocess.PIPE, env=env())
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        print(err[-2000:], file=sys.stderr)
    return Run(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, proc.returncode)


def head(path: Path, n: int | None, tmp: Path) -> tuple[Path, int]:
    """The first ``n`` lines of ``path`` in a file of their own (the file itself when n is None)."""
    if n is None:
        with open(path, "rb") as fh:
            return path, sum(1 for _ in fh)
    out = tmp / f"head{n}.jsonl"
    k = 0
    with open(path, "rb") as src, open(out, "wb") as dst:
        for line in src:
            if k >= n:
                break
            dst.write(line)
            k += 1
    return out, k


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} on {os.cpu_count()} cores"


BASELINE = """
import json, sys
from marsad.ingest.readers import article_from_record
from marsad.text.normalize import normalize
n = 0
with open(sys.argv[1], "rb") as fh:
    for i, line in enumerate(fh):
        art = article_from_record(json.loads(line), str(i))
        normalize(art.text)
        n += 1
print(n)
"""


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process now (VmRSS from /proc), in MB; NaN when it is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return float("nan")
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
