"""Average the e5 tag heads and LoRA adapters of several trainings into one file (issue #3, round 14).

    PYTHONPATH=src .venv/bin/python scripts/ner_soup.py A.npz B.npz --out M/ner_anercorp.e5.npz

A "soup" of fine-tuned weights: the runs must start from the same head (``train_ner_e5_lora.py --head-seed``, the
head-alone step shared) and differ in the adapter step's seed (adapter initialisation, batch order, dropout).  The
head's arrays are averaged; the adapters' updates are averaged exactly by stacking them, ``A = [A1 … An]``,
``B = [B1; …; Bn] / n``, so that ``s·A·B`` is the mean of the runs' ``s·Ai·Bi`` (rank n × r, merged into the
encoder's weights at load time as before: no run-time cost).  The runs must share layers, lists, LoRA scale
and CRF weight.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from marsad.actors.ner_e5 import TagHead

SAME = ("layers", "lists", "lora_scale", "crf_weight", "geometric")


def soup(files: list[Path]) -> dict[str, np.ndarray]:
    """The averaged parameters of the head files ``files``."""
    runs = []
    for f in files:
        with np.load(f) as z:
            runs.append({k: z[k] for k in z.files})
    keys = set(runs[0])
    if any(set(r) != keys for r in runs):
        raise ValueError("the files hold different parameters")
    for k in SAME:
        if k in keys and any(not np.array_equal(r[k], runs[0][k]) for r in runs):
            raise ValueError(f"the files differ in {k}")
    n = len(runs)
    out: dict[str, np.ndarray] = {}
    for k in sorted(keys):
        if k in SAME:
            out[k] = runs[0][k]
        elif k.startswith("lora.") and k.endswith(".a"):
            out[k] = np.concatenate([r[k].astype(np.float32) for r in runs], axis=1)
        elif k.startswith("lora.") and k.endswith(".b"):
            out[k] = np.concatenate([r[k].astype(np.float32) for r in runs], axis=0) / n
        else:
            out[k] = np.mean([r[k].astype(np.float32) for r in runs], axis=0)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("files", type=Path, nargs="+", help="head files of train_ner_e5_lora.py --out")
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args(argv)
    TagHead(soup(args.files)).save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.3f} MB) from {len(args.files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
