"""The scripts under scripts/ as modules, for the unit tests of their functions (one loading preamble
for the tests that import a script, and the repository root for those that run one).

``load_script("name")`` executes scripts/name.py as a module named ``name``; ``register=True`` also
puts it in ``sys.modules`` first (dataclasses look their module up there).  ``skip_without_score()``
skips the calling test module when ../shared/eval/score.py, which some scripts import, is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"


def load_script(name: str, register: bool = False) -> ModuleType:
    """scripts/``name``.py executed as the module ``name``."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None, f"no script {name}.py"
    mod = importlib.util.module_from_spec(spec)
    if register:
        sys.modules.setdefault(name, mod)
    spec.loader.exec_module(mod)
    return mod


def skip_without_score() -> None:
    """Skip the calling test module when ../shared/eval/score.py is absent."""
    if not (ROOT.parent / "shared" / "eval" / "score.py").exists():
        pytest.skip("../shared/eval/score.py is absent", allow_module_level=True)
