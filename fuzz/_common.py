"""Shared pieces of the atheris harnesses (coverage-guided fuzzing of every input path).

Each harness is run as ``PYTHONPATH=src python fuzz/fuzz_<path>.py -runs=100000 [-max_len=N] [corpus/]``;
any uncaught exception or a single input over ``MARSAD_FUZZ_TIMEOUT_S`` seconds of CPU time (default 10)
is a finding and stops the run with a non-zero exit code.  The limit counts the process's CPU time
(``ITIMER_PROF``), not wall-clock time: on a shared machine a wall-clock alarm also fired when the
harness merely waited for a CPU, or was paused (SIGSTOP) while a benchmark ran.  The harnesses check the same contract as
tests/reliability: every input unit becomes exactly one article or one rejection with a reason,
and coded offsets slice the raw text.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

TIMEOUT_S = int(os.environ.get("MARSAD_FUZZ_TIMEOUT_S", "10"))


class Hang(Exception):
    """An input took longer than the per-input time limit."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang(f"one input took more than {TIMEOUT_S} s of CPU time")


def fuzz(one_input) -> None:
    """Run the atheris loop on ``one_input`` with the per-input time limit armed."""
    import atheris

    signal.signal(signal.SIGPROF, _alarm)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


def limited(func, *args):
    """Call ``func(*args)`` under the per-input CPU-time limit."""
    signal.setitimer(signal.ITIMER_PROF, TIMEOUT_S)
    try:
        return func(*args)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)


def check_items(items: list) -> None:
    from marsad.document import Article
    from marsad.ingest.readers import InputRejection

    for it in items:
        if isinstance(it, InputRejection):
            assert it.code and it.reason, it
            json.dumps(it.to_dict(), ensure_ascii=False).encode("utf-8")
        else:
            assert isinstance(it, Article) and isinstance(it.text, str), it


def check_file(path: Path, payload: bytes, read) -> None:
    """Write ``payload`` to ``path``, read it with ``read(path)`` under the time limit, check the
    items (one per unit, each a document or a rejection) and remove the file."""
    path.write_bytes(payload)
    check_items(limited(lambda: list(read(path))))
    path.unlink()


def check_document(doc) -> None:
    raw = doc.article.text
    if doc.rejection is not None:
        assert doc.rejection.code and doc.rejection.reason
    for e in doc.events:
        for sp in (e.trigger, e.evidence, e.source.span, e.target.span if e.target else None):
            if sp is not None:
                assert raw[sp.start:sp.end] == sp.text, (sp, raw[sp.start:sp.end])
    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")


def coder():
    from marsad.api_lib import Coder
    from marsad.config import Settings

    return Coder(Settings(time_budget_ms=0), errors="raise")


SEEDS = [
    "أدانت مصر بشدة القصف الإسرائيلي على مدينة رفح جنوب قطاع غزة، وطالبت بوقف فوري لإطلاق النار.",
    "أجرى وزير الخارجية الأمريكي مايك بومبيو محادثة هاتفية مع وزير الخارجية الروسي سيرجي لافروف أمس.",
]
