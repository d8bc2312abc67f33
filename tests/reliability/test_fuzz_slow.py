"""The long fuzzing runs (slow suite): atheris harnesses under fuzz/ and the hypothesis properties
of test_inputs.py, test_input_paths.py and tests/property with many examples.

``MARSAD_FUZZ_RUNS`` (default 100000) sets the atheris runs per harness, ``MARSAD_FUZZ_SLOW_EXAMPLES``
(default 100000) the hypothesis examples per property.  A harness exits non-zero on any uncaught
exception, broken contract, or an input over its time limit (``MARSAD_FUZZ_TIMEOUT_S``, 10 s).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from relutil import ROOT, marsad_env

RUNS = os.environ.get("MARSAD_FUZZ_RUNS", "100000")
EXAMPLES = os.environ.get("MARSAD_FUZZ_SLOW_EXAMPLES", "100000")
HARNESSES = sorted(p.stem for p in (ROOT / "fuzz").glob("fuzz_*.py"))


@pytest.mark.slow
@pytest.mark.parametrize("harness", HARNESSES)
def test_atheris_harness_runs_clean(harness, tmp_path):
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    out = subprocess.run([sys.executable, str(ROOT / "fuzz" / f"{harness}.py"), f"-runs={RUNS}", "-max_len=4096",
                          "-rss_limit_mb=4096", str(corpus)], env=marsad_env(), cwd=tmp_path,
                         capture_output=True, text=True, timeout=6 * 3600)
    tail = out.stderr[-3000:]
    assert out.returncode == 0, tail
    assert f"Done {RUNS} runs" in out.stderr, tail


@pytest.mark.slow
def test_hypothesis_properties_with_many_examples(tmp_path):
    env = {**marsad_env(), "MARSAD_FUZZ_EXAMPLES": EXAMPLES}
    here = Path(__file__).parent
    files = [here / "test_inputs.py", here / "test_input_paths.py", ROOT / "tests" / "property"]
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *map(str, files)],
                         env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=24 * 3600)
    assert out.returncode == 0, out.stdout[-3000:]
