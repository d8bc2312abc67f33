"""scripts/train_event_filter.py --threshold: the chosen setting at a fixed event threshold."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")
ROOT = Path(__file__).resolve().parents[2]
if not (ROOT.parent / "shared" / "eval" / "score.py").exists():
    pytest.skip("../shared/eval/score.py is absent", allow_module_level=True)
_SPEC = importlib.util.spec_from_file_location("train_event_filter", ROOT / "scripts" / "train_event_filter.py")
mod = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("train_event_filter", mod)  # dataclasses look their module up
_SPEC.loader.exec_module(mod)


def _config(thr: float, l2: float, root: dict | None) -> object:
    return mod.Config(thr, l2, root, np.zeros((1, 3)), np.zeros((1, 3)))


def test_at_threshold_keeps_the_chosen_setting():
    root = {"l2": 0.03, "threshold": 0.6}
    configs = [_config(t, 0.01, None) for t in (0.3, 0.35, 0.4)] + [_config(t, 0.01, root) for t in (0.3, 0.35, 0.4)]
    chosen = configs[5]  # root model at .40
    got = mod.at_threshold(configs, chosen, 0.35)
    assert got.thr == 0.35 and got.root == root


def test_at_threshold_off_the_grid_is_a_clear_error():
    configs = [_config(0.35, 0.01, None)]
    with pytest.raises(SystemExit, match="not on the grid"):
        mod.at_threshold(configs, configs[0], 0.33)
