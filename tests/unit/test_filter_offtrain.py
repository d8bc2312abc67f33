"""scripts/filter_offtrain.py: the coder's root rescue and the paired bootstrap of two outputs."""

from __future__ import annotations

import json

import pytest
from script_modules import load_script, skip_without_score

np = pytest.importorskip("numpy")
skip_without_score()
mod = load_script("filter_offtrain")


def _cands() -> list[list[tuple[dict, dict]]]:
    return [[({"bias": 1.0}, {"root": "04"}), ({"bias": 1.0}, {"root": "04"}), ({"bias": 1.0}, {"root": "19"})]]


def test_rescue_raises_the_best_candidate_of_an_accepted_root_only():
    probs = [np.array([0.2, 0.3, 0.5])]
    accept = {"threshold": 0.35, "root_model": {"threshold": 0.5, "weights": {"bias": 10.0}}}
    out = mod.rescue(accept, _cands(), probs, 0.35)[0]
    assert out.tolist() == [0.2, 0.35, 0.5]  # root 04's best raised; root 19 already above
    refuse = {"threshold": 0.35, "root_model": {"threshold": 0.5, "weights": {"bias": -10.0}}}
    assert mod.rescue(refuse, _cands(), probs, 0.35)[0].tolist() == [0.2, 0.3, 0.5]
    assert mod.rescue({"threshold": 0.35}, _cands(), probs, 0.35) is probs  # no root model


def test_compare_identical_outputs_differ_by_nothing(tmp_path, capsys):
    ev = {"source": {"code": "SAU"}, "target": {"code": "YEM"}, "root": "19", "cameo": "190"}
    gold = [{"id": "a", "events": [ev]}, {"id": "b", "events": [ev]}]
    out = tmp_path / "out.jsonl"
    out.write_text("\n".join(json.dumps({"id": g["id"], "events": [ev]}) for g in gold) + "\n", encoding="utf-8")
    mod.compare(gold, out, out, n=50)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all("+0.000  95% interval [+0.000, +0.000]" in x for x in lines)
