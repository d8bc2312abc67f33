"""How the event filter behaves off the train set: calibration by confidence band, halves, paired bootstrap.

usage: python scripts/filter_offtrain.py --extra F [--model FILE] [--arg-fold-dir DIR] [--folds 5]
       python scripts/filter_offtrain.py --extra F --compare OUT_A OUT_B

F is an annotated JSONL that is not the train set (scripts/extra_annotations.py --out F writes one).
1. Train, out of fold: the train articles are coded with the filter off (and, with --arg-fold-dir, article
   i with the argument model of fold i % k, as train_event_filter.py does); a filter at the model's l2 is
   fitted on the other folds' candidates.  Off train: F's articles are coded the same way with the shipped
   (or MARSAD_ARG_MODEL_PATH) argument model and scored by the model file.  For each, per confidence band:
   the candidates, the share of all candidates, and the share that match a gold triple (precision).
   Keeping a candidate raises the expected F1 when its precision exceeds F1 / 2, so a band's precision
   beside the F1 of the set says whether the threshold is too high or too low there.
2. F's two halves (articles 0, 2, 4... and 1, 3, 5...): triple and root F1 of the candidates kept at
   each threshold, without and with the model's root rescue (the coder's rule), and the candidates kept.
3. --compare A B: a paired bootstrap over F's articles (2000 resamples) of the triple, source_root and root
   F1 of two `marsad code --all` outputs on F (asserted, non-background events): difference, 95% interval
   and the share of resamples where B is below A.  F has 43 articles: a difference of .02 is often noise.
The dev set is never read.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import train_event_filter as tef  # noqa: E402

from marsad.resources import path as resource_path  # noqa: E402

BANDS = (0.0, 0.15, 0.25, 0.35, 0.5, 1.01)
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4)


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def scored(model: dict, cands) -> list[np.ndarray]:
    w = model["weights"]
    return [np.array([sigmoid(sum(w.get(k, 0.0) * v for k, v in f.items())) for f, _ in rows]) for rows in cands]


def out_of_fold(gold, cands, l2: float, folds: int) -> list[np.ndarray]:
    """Each train article's candidate confidences from a filter fitted on the other folds (train_event_filter.fit)."""
    vocab = {"bias": 0}
    for rows in cands:
        for f, _ in rows:
            for k in f:
                vocab.setdefault(k, len(vocab))
    Xs = []
    for rows in cands:
        X = np.zeros((len(rows), len(vocab)))
        for i, (f, _) in enumerate(rows):
            for k, v in f.items():
                X[i, vocab[k]] = v
        Xs.append(X)
    ys, n = tef.labels(gold, cands), len(gold)
    out: list[np.ndarray] = [np.zeros(0)] * n
    for k in range(folds):
        train = [i for i in range(n) if i % folds != k and len(Xs[i])]
        w = tef.fit(np.vstack([Xs[i] for i in train]), np.concatenate([ys[i] for i in train]), l2)
        for i in range(k, n, folds):
            out[i] = 1.0 / (1.0 + np.exp(-(Xs[i] @ w))) if len(Xs[i]) else np.zeros(0)
    return out


def bands(name: str, gold, cands, probs: list[np.ndarray], thr: float) -> None:
    p, y = np.concatenate(probs), np.concatenate(tef.labels(gold, cands))
    f1 = tef.triple_f1(gold, cands, probs, thr)[2]
    cells = []
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        m = (p >= lo) & (p < hi)
        cells.append(f"[{lo:.2f},{min(hi, 1):.2f}) {int(m.sum()):4d} {m.mean():.2f} prec {y[m].mean() if m.any() else 0:.2f}")
    print(f"{name:16s} {len(p):5d} candidates, kept at {thr}: {(p >= thr).mean():.3f}, triple F1 {f1:.3f} "
          f"(break-even precision {f1 / 2:.2f})\n    " + " | ".join(cells))


def rescue(model: dict, cands, probs: list[np.ndarray], thr: float) -> list[np.ndarray]:
    """The coder's root rescue (article_pass.rescue_roots) with the model's root model, at event threshold ``thr``."""
    rm = model.get("root_model")
    if not rm:
        return probs
    groups = [tef.root_groups(rows, p) for rows, p in zip(cands, probs, strict=True)]
    w = rm["weights"]
    qs = [np.array([sigmoid(sum(w.get(k, 0.0) * v for k, v in f.items())) for _, f, _ in g]) for g in groups]
    examples = [[(r, f, 0.0, best) for r, f, best in g] for g in groups]  # rescued() reads the best index only
    return tef.rescued(cands, probs, thr, examples, qs, rm["threshold"])


def halves(model: dict, gold, cands, probs: list[np.ndarray]) -> None:
    parts = (("A", range(0, len(gold), 2)), ("B", range(1, len(gold), 2)), ("all", range(len(gold))))
    for rescued in (False, True) if model.get("root_model") else (False,):
        for thr in sorted({*THRESHOLDS, model["threshold"]}):
            q = rescue(model, cands, probs, thr) if rescued else probs
            cells = []
            for name, idx in parts:
                g, c, p = [gold[i] for i in idx], [cands[i] for i in idx], [q[i] for i in idx]
                t, r = tef.counts(g, c, p, thr), tef.counts(g, c, p, thr, "root")
                cells.append(f"{name} {tef.prf_of(t)[2]:.3f}/{tef.prf_of(r)[2]:.3f} ({int(t[:, 1].sum())})")
            mark = " *" if thr == model["threshold"] and rescued == bool(model.get("root_model")) else ""
            print(f"  threshold {thr:.2f}{' + root rescue' if rescued else ''}: " + "  ".join(cells) + mark)


def per_article(gold: list[dict], out_path: Path) -> dict[str, np.ndarray]:
    """Per article (tp, system, gold) counts of a `marsad code` output, for each scorer key."""
    system = {d["id"]: d for d in map(json.loads, out_path.read_text(encoding="utf-8").splitlines()) if d}
    res = {}
    for kind in ("triple", "source_root", "root"):
        rows = []
        for art in gold:
            evs = [e for e in system[art["id"]]["events"]
                   if not e.get("background") and e.get("modality", "asserted") == "asserted"]
            rows.append(tef.score.match_doc(art["events"], evs, tef.score.KEYS[kind])[:3])
        res[kind] = np.array(rows, dtype=float)
    return res


def compare(gold: list[dict], a: Path, b: Path, n: int = 2000) -> None:
    ca, cb = per_article(gold, a), per_article(gold, b)
    rng = np.random.default_rng(0)
    draws = [rng.integers(0, len(gold), len(gold)) for _ in range(n)]
    for kind in ca:
        fa, fb = tef.prf_of(ca[kind])[2], tef.prf_of(cb[kind])[2]
        ds = np.array([tef.prf_of(cb[kind][i])[2] - tef.prf_of(ca[kind][i])[2] for i in draws])
        lo, hi = np.percentile(ds, [2.5, 97.5])
        print(f"{kind:12s} {fa:.3f} -> {fb:.3f}  {fb - fa:+.3f}  95% interval [{lo:+.3f}, {hi:+.3f}]  "
              f"B below A in {np.mean(ds < 0):.2f} of resamples")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extra", required=True, help="annotated articles that are not the train set (JSONL)")
    ap.add_argument("--model", default="", help="event filter file (default: the packaged one)")
    ap.add_argument("--arg-fold-dir", default="", help="train_arg_model.py --fold-dir DIR: train out of sample")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--compare", nargs=2, metavar=("OUT_A", "OUT_B"), help="paired bootstrap of two outputs on --extra")
    a = ap.parse_args()
    extra = Path(a.extra)
    if a.compare:
        gold = [json.loads(x) for x in extra.read_text(encoding="utf-8").splitlines() if x.strip()]
        compare(gold, Path(a.compare[0]), Path(a.compare[1]))
        return
    model = json.loads((Path(a.model) if a.model else resource_path("event_filter")).read_text(encoding="utf-8"))
    folds = [Path(a.arg_fold_dir) / f"fold{k}.json" for k in range(a.folds)] if a.arg_fold_dir else None
    tgold, tcands = tef.candidates(tef.SHARED / "train" / "saudinewsnet.jsonl", folds)
    egold, ecands = tef.candidates(extra)
    eprobs = scored(model, ecands)
    print(f"model: l2 {model['l2']}, threshold {model['threshold']}, root model {'yes' if model.get('root_model') else 'no'}")
    bands("train (out of fold)" if folds else "train (arg in sample)", tgold, tcands,
          out_of_fold(tgold, tcands, model["l2"], a.folds), model["threshold"])
    bands(extra.name, egold, ecands, eprobs, model["threshold"])
    print(f"{extra.name} halves, triple F1 / root F1 (candidates kept); * the model's own setting:")
    halves(model, egold, ecands, eprobs)


if __name__ == "__main__":
    main()
