"""scripts/train_event_filter.py --threshold: the chosen setting at a fixed event threshold."""

from __future__ import annotations

import pytest
from script_modules import load_script, skip_without_score

np = pytest.importorskip("numpy")
skip_without_score()
mod = load_script("train_event_filter", register=True)  # dataclasses look their module up


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
