"""Fixtures and helpers for the reliability suite (fuzzing, poisoned batches, crash safety, hostile API).

* ``EXAMPLES`` — hypothesis examples per property: small in the default run, raised with
  ``MARSAD_FUZZ_EXAMPLES`` (the slow suite uses 100000 per input path).
* ``coder`` — one loaded pipeline for the session, ``errors="raise"`` so that a stage that
  crashes fails the test instead of becoming a rejection, and no time budget (deterministic).
* ``run_marsad`` — the CLI in a subprocess (``python -m marsad.cli``), with ``MARSAD_*`` settings.
* ``news_10k`` — the first 10,000 lines of ../shared/data/news/saudinewsnet.jsonl (skips when absent).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from relutil import NEWS, marsad_cmd, marsad_env  # noqa: E402

from marsad.api_lib import Coder  # noqa: E402
from marsad.config import Settings  # noqa: E402


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder(Settings(time_budget_ms=0), errors="raise")


@pytest.fixture(scope="session")
def record_coder() -> Coder:
    """The batch policy (exceptions become rejections), no time budget."""
    return Coder(Settings(time_budget_ms=0), errors="record")


@pytest.fixture()
def run_marsad(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    def run(*args: str, timeout: float = 600, stdin: str | None = None,
            **settings: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run(marsad_cmd(*args), cwd=tmp_path, env=marsad_env(**settings), input=stdin,
                              capture_output=True, text=True, timeout=timeout, encoding="utf-8")
    return run


@pytest.fixture(scope="session")
def news_10k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not NEWS.exists():
        pytest.skip("../shared/data/news/saudinewsnet.jsonl is not present")
    out = tmp_path_factory.mktemp("news") / "news10k.jsonl"
    with NEWS.open("rb") as src, out.open("wb") as dst:
        for n, line in enumerate(src):
            if n >= 10_000:
                break
            dst.write(line)
    return out
