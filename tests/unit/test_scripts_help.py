"""Every runnable script answers `--help` instead of reading it as an input path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from script_modules import ROOT

RUNNABLE = sorted(
    p for d in ("scripts", "bench") for p in (ROOT / d).glob("*.py")
    if 'if __name__ == "__main__"' in p.read_text(encoding="utf-8")
)


@pytest.mark.parametrize("path", RUNNABLE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_runnable_script_parses_its_arguments(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "sys.argv" not in text, f"{path.name} reads sys.argv by hand"
    assert "argparse" in text or "parse_args" in text, f"{path.name} has no argument parser"


@pytest.mark.parametrize("name", ["root_misses.py", "eval_actors.py", "build_lexicon.py"])
def test_help_exits_zero_without_side_effects(name: str) -> None:
    env_path = f"{ROOT / 'src'}:{ROOT / 'scripts'}"
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / name), "--help"], capture_output=True,
                         text=True, env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"}, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("usage:")
