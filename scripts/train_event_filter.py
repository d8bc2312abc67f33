"""Train the event confidence model (logistic regression) on the annotated TRAIN set.

usage: python scripts/train_event_filter.py [--folds 5] [--out src/marsad/resources/models/event_filter.json]
                                           [--arg-fold-dir DIR] [--extra FILE]

1. Codes ../shared/eval/train/saudinewsnet.jsonl with the confidence model switched off and
   collects every asserted, non-background candidate event with its features.
2. Labels a candidate 1 when its (source, target, root) triple matches a gold triple of that
   article (gold roots and cameo_alt roots, as ../shared/eval/score.py matches), else 0.
3. Picks the L2 strength and the threshold by k-fold cross-validation over articles,
   maximising the sum of the scorer's micro triple F1 and root F1 (the two headline figures), each
   threshold's sum averaged with its neighbours' on the grid (``best``: the single best threshold
   jumps with tiny changes of the tree), then fits on all articles and writes the weights,
   the threshold and the CV figures.  Deterministic (no random state: folds by article order).
4. Stacks an article-level root model (``marsad.coding.confidence.root_features`` over the
   out-of-fold confidences of each root's candidates; label: the root is coded in the article)
   and cross-validates the coder's rescue rule (an accepted root with no candidate above the
   threshold keeps its best candidate), re-choosing the event threshold around the best one;
   it is written as ``root_model`` only when choosing among the plain thresholds and the root model's
   settings beats choosing among the plain thresholds alone under nested cross-validation (each fold
   scored with the choice made on the other folds).  Its extra thresholds are chosen on the same folds
   that score it, so its plain CV figure flatters it: chosen that way by +0.009 in the fifth session,
   it then scored triple/root .385/.616 on dev against .405/.645 without it.
5. With --arg-fold-dir DIR (see train_arg_model.py --fold-dir) article i is coded with the argument
   model of fold i % k, which has not seen it: candidates, features and CV figures are then out of
   sample for both models, as on new text; the shipped model is trained this way.  Without it the
   argument model has seen every article it codes here and the CV figures are optimistic
   (triple / root F1 0.395 / 0.681 in-sample against 0.379 / 0.688 out of sample, same models).
6. With --extra FILE (more annotated articles in the train file's format, e.g. from
   scripts/extra_annotations.py; pass the same file to train_arg_model.py), their candidates are on the
   training side of every fold and in the final fit of the event model, never scored: thresholds and CV
   figures are chosen and measured on the train set's articles alone.  The root model is fitted on
   the train set's articles only (it needs out-of-fold confidences, which extra articles do not get).
The dev set is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(SHARED))
import score  # type: ignore[import-not-found]  # noqa: E402

from marsad.api_lib import Coder  # noqa: E402
from marsad.coding.confidence import root_features  # noqa: E402
from marsad.coding.mirror import dict_key, mirrored  # noqa: E402
from marsad.config import Settings  # noqa: E402


def shuffled(lines: list[str], seed: int) -> list[str]:
    """The train file's lines in the order of ``seed`` (0: file order).  Folds are articles i % k in this
    order, so a seed draws another partition of the same articles (train_arg_model.py and this script
    must get the same seed: cv_repeated.py --seeds passes it to both)."""
    return lines if not seed else [lines[j] for j in np.random.default_rng(seed).permutation(len(lines))]


def candidates(gold_path: Path, arg_folds: list[Path] | None = None,
               shuffle: int = 0) -> tuple[list[dict], list[list[tuple[dict, dict]]]]:
    """Gold articles, and per article the list of (feature dict, event dict) candidates.
    With ``arg_folds`` article i is coded with the argument model ``arg_folds[i % len(arg_folds)]``
    (one trained without it), so that the cross-validated figures are out of sample for both models.
    ``shuffle``: the articles' order (:func:`shuffled`)."""
    settings = Settings.from_env()  # MARSAD_ARG_MODEL_PATH=... tries another argument model
    coders = [Coder(settings.with_(arg_model_path=str(p)), errors="raise") for p in arg_folds or []]
    coders = coders or [Coder(settings, errors="raise")]
    for coder in coders:
        next(s for s in coder.pipeline.stages if s.name == "events").filter = None
    gold, cands = [], []
    for i, line in enumerate(shuffled(gold_path.read_text(encoding="utf-8").splitlines(), shuffle)):
        art = json.loads(line)
        doc = coders[i % len(coders)].code(art["text"], date=art.get("date"), id=art["id"])
        rows = []
        for e in doc.events:
            if e.background or e.modality != "asserted":
                continue
            rows.append((e.features, e.to_dict()))  # scored as `marsad code` output is
        gold.append(art)
        cands.append(rows)
    return gold, cands


def trained_on(extra: str) -> str:
    """The model file's ``trained_on`` line (the extra file's articles counted, when there is one)."""
    line = "../shared/eval/train/saudinewsnet.jsonl (240 articles)"
    if extra:
        line += f" + {Path(extra).name} ({sum(1 for x in Path(extra).read_text(encoding='utf-8').splitlines() if x)} articles)"
    return line


def row_weights(n_train: int, n_extra: int, extra_weight: float) -> np.ndarray | None:
    """Row weights for :func:`fit`: 1 for the train set's candidates, ``extra_weight`` for the extra
    articles' (which come last); None (unweighted) when all weigh 1."""
    if not n_extra or extra_weight == 1.0:
        return None
    return np.concatenate([np.ones(n_train), np.full(n_extra, extra_weight)])


def labels(gold: list[dict], cands: list[list[tuple[dict, dict]]]) -> list[np.ndarray]:
    key = score.KEYS["triple"]
    out = []
    for art, rows in zip(gold, cands, strict=True):
        acc = set()
        for g in art["events"]:
            if score.scorable(g):
                acc |= {key(g, r) for r in score.alt_roots(g)}
        out.append(np.array([1.0 if key(ev, ev["root"]) in acc else 0.0 for _, ev in rows]))
    return out


def fit(X: np.ndarray, y: np.ndarray, l2: float, iters: int = 300, sw: np.ndarray | None = None) -> np.ndarray:
    """Logistic regression by Newton-free gradient descent with Adam-like steps (deterministic);
    ``sw``: a weight per row (none: all 1)."""
    w = np.zeros(X.shape[1])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    lr, b1, b2 = 0.1, 0.9, 0.999
    for t in range(1, iters + 1):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        g = (X.T @ (p - y) / len(y) if sw is None else X.T @ ((p - y) * sw) / sw.sum()) + l2 * w
        g[0] -= l2 * w[0]  # no penalty on the bias
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w -= lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + 1e-8)
    return w


def counts(gold: list[dict], cands, probs: list[np.ndarray], thr: float, kind: str = "triple") -> np.ndarray:
    """Per article (tp, system events, gold events) of the candidates kept at ``thr``."""
    out = np.zeros((len(gold), 3))
    for i, (art, rows, p) in enumerate(zip(gold, cands, probs, strict=True)):
        kept = [ev for (_, ev), pi in zip(rows, p, strict=True) if pi >= thr]
        out[i] = score.match_doc(art["events"], kept, score.KEYS[kind])[:3]
    return out


def prf_of(c: np.ndarray) -> tuple[float, float, float]:
    """Micro P/R/F1 of per-article counts (rows of :func:`counts`)."""
    tp, ns, ng = c.sum(axis=0)
    return score.prf(tp, ns, ng)


def triple_f1(gold: list[dict], cands, probs: list[np.ndarray], thr: float,
              kind: str = "triple") -> tuple[float, float, float]:
    return prf_of(counts(gold, cands, probs, thr, kind))


def gold_roots(art: dict) -> set[str]:
    out: set[str] = set()
    for g in art["events"]:
        if score.scorable(g):
            out |= score.alt_roots(g)
    return out


def root_groups(rows, p: np.ndarray) -> list[tuple[str, dict, int]]:
    """One article's roots among its candidates: (root, root features, index of the best candidate)."""
    by: dict[str, list[int]] = {}
    for i, (_, ev) in enumerate(rows):
        by.setdefault(ev["root"], []).append(i)
    return [(r, root_features(r, [float(p[i]) for i in idx], [rows[i][0] for i in idx]),
             max(idx, key=lambda i: (p[i], -i))) for r, idx in by.items()]


def root_examples(gold: list[dict], cands, probs: list[np.ndarray]) -> list[list[tuple[str, dict, float, int]]]:
    """Per article, per root of its candidates: (root, root features, label, index of the best candidate).
    The label is 1 when the root (or a cameo_alt root) is coded in the article's gold events."""
    out = []
    for art, rows, p in zip(gold, cands, probs, strict=True):
        accept = gold_roots(art)
        out.append([(r, f, 1.0 if r in accept else 0.0, best) for r, f, best in root_groups(rows, p)])
    return out


def rescued(cands, probs: list[np.ndarray], thr: float, examples, qs: list[np.ndarray],
            rthr: float) -> list[np.ndarray]:
    """Confidences after the coder's root rescue (the best candidate of an accepted root gets ``thr``).
    The coder also leaves alone a root the article recalls with a background event over the threshold
    (article_pass.rescue_roots); the candidates here have no background events, so that exception is not
    simulated (with the shipped models it changes no train article's output)."""
    out = []
    for p, ex, q in zip(probs, examples, qs, strict=True):
        p = p.copy()
        for (_, _, _, best), qi in zip(ex, q, strict=True):
            if p[best] < thr and qi >= rthr:
                p[best] = thr
        out.append(p)
    return out


NEIGHBOURS = 0.051  # thresholds this close are neighbours in best() (the threshold grid's step is .05)


@dataclass(slots=True)
class Config:
    """One way of filtering: the event threshold, the root model (None: plain threshold) and its
    per-article counts on the out-of-fold confidences (triple and root), for nested selection."""

    thr: float
    l2: float
    root: dict | None
    triple: np.ndarray
    roots: np.ndarray

    def setting(self) -> tuple:
        """Everything but the event threshold (configs of one setting are neighbours along the threshold)."""
        return self.l2, None if self.root is None else (self.root["l2"], self.root["threshold"])

    def objective(self, idx: np.ndarray) -> float:
        """Triple F1 + root F1 over the articles ``idx`` (what every choice here maximises)."""
        return prf_of(self.triple[idx])[2] + prf_of(self.roots[idx])[2]


def root_design(examples) -> tuple[dict[str, int], list[np.ndarray], list[np.ndarray]]:
    """The root model's feature index and, per article, its feature matrix and labels."""
    vocab: dict[str, int] = {"bias": 0}
    for ex in examples:
        for _, f, _, _ in ex:
            for k in f:
                vocab.setdefault(k, len(vocab))
    Xs = [np.array([[f.get(k, 0.0) for k in vocab] for _, f, _, _ in ex]).reshape(len(ex), len(vocab))
          for ex in examples]
    ys = [np.array([y for _, _, y, _ in ex]) for ex in examples]
    return vocab, Xs, ys


def root_configs(gold, cands, probs: list[np.ndarray], thr: float, folds: int, l2_event: float) -> list[Config]:
    """The article-level root model's settings (L2 × root threshold) at event threshold ``thr``, each with
    its counts under the coder's rescue rule, the root model's confidences being out of fold too."""
    examples = root_examples(gold, cands, probs)
    _, Xs, ys = root_design(examples)
    n, out = len(gold), []
    for l2 in (0.003, 0.01, 0.03):
        qs: list[np.ndarray] = [np.zeros(0)] * n
        for k in range(folds):
            train = [i for i in range(n) if i % folds != k and len(Xs[i])]
            w = fit(np.vstack([Xs[i] for i in train]), np.concatenate([ys[i] for i in train]), l2, iters=500)
            for i in range(k, n, folds):
                qs[i] = 1.0 / (1.0 + np.exp(-(Xs[i] @ w))) if len(Xs[i]) else np.zeros(0)
        for rthr in (0.3, 0.4, 0.5, 0.6, 0.7):
            pr = rescued(cands, probs, thr, examples, qs, rthr)
            out.append(Config(thr, l2_event, {"l2": l2, "threshold": rthr},
                              counts(gold, cands, pr, thr), counts(gold, cands, pr, thr, "root")))
    return out


def fit_root_weights(gold, cands, probs: list[np.ndarray], l2: float) -> dict[str, float]:
    """The root model fitted on every article (its features from the out-of-fold confidences)."""
    vocab, Xs, ys = root_design(root_examples(gold, cands, probs))
    w = fit(np.vstack(Xs), np.concatenate(ys), l2, iters=500)
    inv = {i: k for k, i in vocab.items()}
    return dict(sorted((inv[i], round(float(w[i]), 4)) for i in range(len(w)) if abs(w[i]) >= 1e-3))


def best(configs: list[Config], idx: np.ndarray) -> Config:
    """The config with the highest objective on ``idx`` averaged over its neighbours: the configs of the same
    l2 and root-model setting whose threshold is at most one grid step (NEIGHBOURS) away, itself included
    (the first of equals: plain configs come first).  The objective's single best threshold is noisy: at
    2143f91 the 4-, 5- and 6-fold partitions chose the plain thresholds .25, .30 and .25 by it, .25 in
    all three by the neighbourhood mean, and the nested figures (which score the choosing) rose."""
    objs = [c.objective(idx) for c in configs]
    groups: dict[tuple, list[int]] = {}
    for i, c in enumerate(configs):
        groups.setdefault(c.setting(), []).append(i)
    smoothed = [float(np.mean([objs[j] for j in groups[c.setting()] if abs(configs[j].thr - c.thr) <= NEIGHBOURS]))
                for c in configs]
    return configs[int(np.argmax(smoothed))]


def nested(configs: list[Config], n: int, folds: int) -> tuple[float, float, float, float]:
    """Nested cross-validation of choosing among ``configs``: each fold is scored with the config chosen
    on the other folds.  Returns triple P, R, F1 and root F1 of the pooled counts."""
    triple, roots = np.zeros((n, 3)), np.zeros((n, 3))
    for k in range(folds):
        test = np.arange(k, n, folds)
        chosen = best(configs, np.array([i for i in range(n) if i % folds != k]))
        triple[test], roots[test] = chosen.triple[test], chosen.roots[test]
    return (*prf_of(triple), prf_of(roots)[2])


def at_threshold(configs: list[Config], chosen: Config, thr: float) -> Config:
    """The config of ``chosen``'s setting (l2, root model) at event threshold ``thr``."""
    for c in configs:
        if c.setting() == chosen.setting() and abs(c.thr - thr) < 1e-9:
            return c
    grid = sorted(c.thr for c in configs if c.setting() == chosen.setting())
    raise SystemExit(f"--threshold {thr}: not on the grid of the chosen setting ({', '.join(map(str, grid))})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "src" / "marsad" / "resources" / "models" / "event_filter.json"))
    ap.add_argument("--arg-fold-dir", default="", help="code each article with the argument model of its fold "
                    "(fold<k>.json from train_arg_model.py --fold-dir): out-of-sample CV figures")
    ap.add_argument("--extra", default="", help="a JSONL of more annotated articles (train-file format): their "
                    "candidates train every fold and the final event model, and are never scored")
    ap.add_argument("--extra-weight", type=float, default=1.0,
                    help="weight of each extra candidate in the fit (a train candidate weighs 1)")
    ap.add_argument("--threshold", type=float, default=None,
                    help="use this event threshold (a grid value, .05 steps) instead of the cross-validated "
                    "one, with the chosen l2 and root-model setting; the CV figures written are that threshold's. "
                    "For a choice made on held-out annotations (annotations/README.md)")
    ap.add_argument("--shuffle", type=int, default=0, help="order the train articles by this seed before the "
                    "folds i %% k are drawn (0: file order); give train_arg_model.py --shuffle the same seed")
    ap.add_argument("--band-l2", type=float, default=None, help="print the smoothed figure at this l2 of the grid "
                    "(.01, .03, .1) instead of the chosen one; the model written is the same")
    args = ap.parse_args()
    folds = [Path(args.arg_fold_dir) / f"fold{k}.json" for k in range(args.folds)] if args.arg_fold_dir else None
    gold, cands = candidates(SHARED / "train" / "saudinewsnet.jsonl", folds, args.shuffle)
    ys = labels(gold, cands)
    egold, ecands = candidates(Path(args.extra), folds) if args.extra else ([], [])
    eys = labels(egold, ecands)
    vocab = {"bias": 0}
    for rows in cands + ecands:
        for f, _ in rows:
            for k in f:
                vocab.setdefault(k, len(vocab))

    def matrix(rows):
        X = np.zeros((len(rows), len(vocab)))
        for i, (f, _) in enumerate(rows):
            for k, val in f.items():
                X[i, vocab[k]] = val
        return X

    Xs = [matrix(rows) for rows in cands]
    eX = [x for x in map(matrix, ecands) if len(x)]
    eX, ey = (np.vstack(eX), np.concatenate([y for y in eys if len(y)])) if eX else (np.zeros((0, len(vocab))), np.zeros(0))
    n = len(gold)
    base = triple_f1(gold, cands, [np.ones(len(r)) for r in cands], 0.5)
    print(f"{n} articles, {sum(len(r) for r in cands)} candidates, {int(sum(y.sum() for y in ys))} positive; "
          f"{len(vocab)} features; unfiltered triple P/R/F1 = {base[0]:.3f}/{base[1]:.3f}/{base[2]:.3f}")
    if egold:
        print(f"extra: {len(egold)} articles, {len(ey)} candidates, {int(ey.sum())} positive (training side only)")
    thresholds = [round(x, 2) for x in np.arange(0.05, 0.81, 0.05)]
    plain: list[Config] = []
    cv_probs = {}
    for l2 in (0.01, 0.03, 0.1):
        probs: list[np.ndarray | None] = [None] * n
        for k in range(args.folds):
            test = [i for i in range(n) if i % args.folds == k]
            train = [i for i in range(n) if i % args.folds != k]
            X = np.vstack([Xs[i] for i in train if len(Xs[i])] + [eX])
            y = np.concatenate([ys[i] for i in train if len(Xs[i])] + [ey])
            w = fit(X, y, l2, sw=row_weights(len(y) - len(ey), len(ey), args.extra_weight))
            for i in test:
                probs[i] = 1.0 / (1.0 + np.exp(-(Xs[i] @ w))) if len(Xs[i]) else np.zeros(0)
                # as the coder does: both directions of a two-sided act together (marsad.coding.mirror)
                probs[i] = np.array(mirrored([dict_key(ev) for _, ev in cands[i]], probs[i]))
        cv_probs[l2] = probs
        for thr in thresholds:
            plain.append(Config(thr, l2, None, counts(gold, cands, probs, thr),  # type: ignore[arg-type]
                                counts(gold, cands, probs, thr, "root")))  # type: ignore[arg-type]
    everyone = np.arange(n)
    top = best(plain, everyone)
    p_, r_, f = prf_of(top.triple)
    rf = prf_of(top.roots)[2]
    print(f"cross-validated best (triple F1 + root F1): l2={top.l2} threshold={top.thr} "
          f"triple P/R/F1 = {p_:.3f}/{r_:.3f}/{f:.3f}, root F1 {rf:.3f}")
    # The smoothed figure at the chosen l2 jumps when a tiny change flips the choice (at 1d2ea85^ with the
    # articles shuffled by seed 2, 4 folds: l2 .03 instead of .01, smoothed triple .5240 against .5352 at
    # 1d2ea85): --band-l2 measures it at a fixed l2 instead (cv_repeated.py passes .01).
    band_l2 = top.l2 if args.band_l2 is None else args.band_l2
    band = [c for c in plain if c.l2 == band_l2 and 0.15 <= c.thr <= 0.351]
    print(f"smoothed (plain CV at l2={band_l2}, mean over thresholds .15-.35): triple F1 "
          f"{np.mean([prf_of(c.triple)[2] for c in band]):.4f}, root F1 {np.mean([prf_of(c.roots)[2] for c in band]):.4f}")
    # the article-level root model, with the event threshold re-chosen around the best plain one
    with_root = plain + [c for t in thresholds if abs(t - top.thr) <= 0.101
                         for c in root_configs(gold, cands, cv_probs[top.l2], t, args.folds, top.l2)]  # type: ignore[arg-type]
    # Both ways of choosing are scored by nested CV (each fold with the choice made on the others):
    # the root model's extra thresholds are chosen on the folds that score them, so its plain CV figure
    # flatters it (chosen by +0.009 that way in the fifth session, it then lost .02 on dev).
    a, b = nested(plain, n, args.folds), nested(with_root, n, args.folds)
    print(f"nested CV, plain threshold: triple P/R/F1 = {a[0]:.3f}/{a[1]:.3f}/{a[2]:.3f}, root F1 {a[3]:.3f}; "
          f"with the root model among the choices: {b[0]:.3f}/{b[1]:.3f}/{b[2]:.3f}, root F1 {b[3]:.3f}")
    chosen = best(with_root, everyone) if b[2] + b[3] > a[2] + a[3] else top
    if args.threshold is not None:
        chosen = at_threshold(with_root, chosen, args.threshold)
    l2, thr, root_model = chosen.l2, chosen.thr, chosen.root
    p_, r_, f = prf_of(chosen.triple)
    rf = prf_of(chosen.roots)[2]
    if root_model is not None:
        root_model = {**root_model, "weights": fit_root_weights(gold, cands, cv_probs[l2], root_model["l2"])}  # type: ignore[arg-type]
        print(f"with the root model (l2={root_model['l2']}, root threshold {root_model['threshold']}): "
              f"threshold={thr} triple P/R/F1 = {p_:.3f}/{r_:.3f}/{f:.3f}, root F1 {rf:.3f}")
    else:
        print("root model not used: it does not help under nested CV")
    X = np.vstack([x for x in Xs if len(x)] + [eX])
    y = np.concatenate([ys[i] for i in range(n) if len(Xs[i])] + [ey])
    w = fit(X, y, l2, sw=row_weights(len(y) - len(ey), len(ey), args.extra_weight))
    inv = {i: k for k, i in vocab.items()}
    weights = {inv[i]: round(float(w[i]), 4) for i in range(len(w)) if abs(w[i]) >= 1e-3}
    out = {
        "model": "logistic regression over marsad.coding.confidence.event_features",
        "trained_on": trained_on(args.extra),
        "l2": l2, "threshold": thr,
        "cv": {"folds": args.folds, "precision": round(p_, 4), "recall": round(r_, 4), "f1": round(f, 4),
               "root_f1": round(rf, 4), "unfiltered": [round(x, 4) for x in base],
               "nested": {"plain": [round(x, 4) for x in a], "with_root_model": [round(x, 4) for x in b]}},
        "weights": dict(sorted(weights.items())),
    }
    if root_model is not None:
        out["root_model"] = root_model
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(weights)} weights to {args.out}")


if __name__ == "__main__":
    main()
