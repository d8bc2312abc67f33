"""Weight averaging of the NER's e5 head files (scripts/ner_soup.py, round 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from script_modules import load_script

np = pytest.importorskip("numpy")

soup_mod = load_script("ner_soup")


def _run(tmp_path: Path, name: str, seed: int, **extra) -> Path:
    rng = np.random.default_rng(seed)
    p = {"layers": np.arange(9, dtype=np.int32), "lists": np.array(["G:CTRY", "R:PERS"]),
         "lora_scale": np.array([2.0], np.float32), "crf_weight": np.array([0.2], np.float32),
         "w1": rng.normal(size=(6, 4)).astype(np.float32), "trans": rng.normal(size=(3, 3)).astype(np.float32),
         "lora.5.q.a": rng.normal(size=(8, 2)).astype(np.float32), "lora.5.q.b": rng.normal(size=(2, 8)).astype(np.float32)}
    p.update(extra)
    path = tmp_path / f"{name}.npz"
    np.savez(path, **p)
    return path


def test_head_arrays_averaged_and_adapter_updates_averaged_exactly(tmp_path):
    a, b = _run(tmp_path, "a", 1), _run(tmp_path, "b", 2)
    za, zb = np.load(a), np.load(b)
    out = soup_mod.soup([a, b])
    np.testing.assert_allclose(out["w1"], (za["w1"] + zb["w1"]) / 2, rtol=1e-6)
    np.testing.assert_allclose(out["trans"], (za["trans"] + zb["trans"]) / 2, rtol=1e-6)
    assert out["lora.5.q.a"].shape == (8, 4) and out["lora.5.q.b"].shape == (4, 8)  # the ranks stacked
    mean_update = (za["lora.5.q.a"] @ za["lora.5.q.b"] + zb["lora.5.q.a"] @ zb["lora.5.q.b"]) / 2
    np.testing.assert_allclose(out["lora.5.q.a"] @ out["lora.5.q.b"], mean_update, rtol=1e-5, atol=1e-6)
    assert list(out["lists"]) == ["G:CTRY", "R:PERS"] and out["layers"].dtype == np.int32
    assert out["lora_scale"][0] == 2.0


def test_runs_with_other_settings_refused(tmp_path):
    a = _run(tmp_path, "a", 1)
    b = _run(tmp_path, "b", 2, lists=np.array(["G:CTRY"]))
    with pytest.raises(ValueError, match="lists"):
        soup_mod.soup([a, b])
    c = _run(tmp_path, "c", 3, extra=np.zeros(2, np.float32))
    with pytest.raises(ValueError, match="different parameters"):
        soup_mod.soup([a, c])
