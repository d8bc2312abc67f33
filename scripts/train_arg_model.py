"""Train the argument model (which candidate is a trigger's source / target) on the TRAIN set.

usage: python scripts/train_arg_model.py [--folds 5] [--out src/marsad/resources/models/arg_model.json]
                                        [--fold-dir DIR] [--extra FILE]

1. Codes ../shared/eval/train/saudinewsnet.jsonl with the clause heuristics only and records,
   for every trigger, the source candidates and the target candidates
   (:mod:`marsad.coding.argrank`).
2. A trigger is aligned with the gold events of its article that have its root (or a
   cameo_alt root) and whose evidence contains it.  A source candidate is positive when its
   code is a gold source code of those events; a target candidate when its code (none: no
   target) is a gold target code of the aligned events with the chosen source (when the
   heuristics chose a source no aligned event has, the trigger gives no target example).
3. Fits one logistic model over both roles (pointwise), picks the L2 strength by k-fold
   cross-validation over articles (accuracy of the best candidate), fits on all, writes it.
   Prints the heuristics' accuracy beside the model's.  The dev set is never read.
4. With --fold-dir, also writes each fold's model (trained without the fold's articles, same folds
   i % k as train_event_filter.py) as DIR/fold<k>.json: train_event_filter.py --arg-fold-dir DIR then
   codes every article with an argument model that has not seen it, so that its cross-validated
   figures are out of sample for both models (the argument model fits its train articles well,
   which made the confidence model's CV figures optimistic).
5. With --extra FILE (a JSONL of annotated articles in the train file's format, e.g. from
   scripts/extra_annotations.py), those articles are added to the training side of every fold and to
   the final fit, but never scored: the CV figures stay those of the train set's articles.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(SHARED))
sys.path.insert(0, str(ROOT / "scripts"))
import score  # type: ignore[import-not-found]  # noqa: E402
from _gold import evidence_span  # noqa: E402
from train_event_filter import fit, shuffled, trained_on  # noqa: E402

from marsad.api_lib import Coder  # noqa: E402
from marsad.config import Settings  # noqa: E402


def _gold_spans(art: dict) -> list[tuple[int, int, dict]]:
    text, out = art["text"], []
    for g in art["events"]:
        if score.scorable(g) and (ev := evidence_span(text, g)):
            out.append((*ev, g))
    return out


def _code(a: dict | None) -> str:
    return (a or {}).get("code") or "-"


def groups(path: Path, shuffle: int = 0) -> list[list[tuple[str, list[dict], np.ndarray, int]]]:
    """Per article: (role, candidate features, labels, index of the heuristic choice) groups; ``shuffle``:
    the articles' order (train_event_filter.shuffled)."""
    coder = Coder(Settings(arg_model=False, event_filter=False), errors="raise")
    stage = next(s for s in coder.pipeline.stages if s.name == "events")
    out = []
    for line in shuffled(path.read_text(encoding="utf-8").splitlines(), shuffle):
        art = json.loads(line)
        stage.collect = []
        coder.code(art["text"], date=art.get("date"), id=art["id"])
        spans = _gold_spans(art)
        rows = []
        chosen_src: dict[int, str] = {}
        for ctx, role, cands in stage.collect:
            toks = ctx.doc.tokens
            sp = ctx.doc.span(toks[ctx.tm.start].start, toks[ctx.tm.end - 1].end)  # raw offsets
            a, b = sp.start, sp.end
            root = ctx.tm.pattern.cameo[:2]
            gold = [g for s, e, g in spans if s <= a and b <= e and root in score.alt_roots(g)]
            if not gold:
                continue
            if role == "s":
                good = {_code(g["source"]) for g in gold}
                y = np.array([1.0 if c.mention.code in good else 0.0 for c in cands])
                chosen_src[id(ctx)] = next((c.mention.code for c in cands if c.features.get("s:chosen=True")), "")
            else:
                src = chosen_src.get(id(ctx), "")
                same = [g for g in gold if _code(g["source"]) == src]
                if not same:
                    continue  # the heuristic source is wrong: no target candidate is right for it
                good = {_code(g.get("target")) for g in same}
                y = np.array([1.0 if (c.mention.code if c.mention else "-") in good else 0.0 for c in cands])
            if not y.any():
                continue
            heur = next((i for i, c in enumerate(cands) if c.features.get(f"{role}:chosen=True")
                         or (role == "t" and c.features.get("t:none|chosen=True"))), 0)
            rows.append((role, [c.features for c in cands], y, heur))
        out.append(rows)
    stage.collect = None
    return out


def train(rows: list[tuple], l2: float) -> np.ndarray:
    """The pointwise logistic model over the candidates of ``rows`` (groups)."""
    return fit(np.vstack([g[1] for g in rows]), np.concatenate([g[2] for g in rows]), l2)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "src" / "marsad" / "resources" / "models" / "arg_model.json"))
    ap.add_argument("--fold-dir", default="", help="also write the model of each CV fold (trained without the "
                    "fold's articles) as fold<k>.json here, for train_event_filter.py --arg-fold-dir")
    ap.add_argument("--l2", type=float, default=None,
                    help="use this l2 instead of the cross-validated choice: compare two trees at the same l2, since "
                    "a tiny change can flip the choice between neighbouring values and move the downstream CV by .01")
    ap.add_argument("--extra", default="", help="a JSONL of more annotated articles (train-file format): always "
                    "on the training side of every fold and in the final fit, never scored")
    ap.add_argument("--shuffle", type=int, default=0, help="order the train articles by this seed before the "
                    "folds i %% k are drawn (0: file order); give train_event_filter.py --shuffle the same seed")
    a = ap.parse_args()
    arts = groups(SHARED / "train" / "saudinewsnet.jsonl", a.shuffle)
    n = len(arts)  # the train set's articles: folds i % k are over these; extra articles come after them
    arts += groups(Path(a.extra)) if a.extra else []
    vocab = {"bias": 0}
    for rows in arts:
        for _, feats, _, _ in rows:
            for f in feats:
                for k in f:
                    vocab.setdefault(k, len(vocab))

    def matrix(feats: list[dict]) -> np.ndarray:
        X = np.zeros((len(feats), len(vocab)))
        X[:, 0] = 1.0
        for i, f in enumerate(feats):
            for k, v in f.items():
                X[i, vocab[k]] = v
        return X

    data = [[(role, matrix(f), y, h) for role, f, y, h in rows] for rows in arts]
    heur = {r: [g[2][g[3]] for rows in data[:n] for g in rows if g[0] == r] for r in ("s", "t")}
    print(f"{n} articles ({len(data) - n} extra), {sum(len(r) for r in data)} candidate groups, "
          f"{len(vocab)} features")

    def fold_train(k: int) -> list[tuple]:
        """The groups trained on when fold k (train articles i % folds == k) is held out."""
        return [g for i in range(len(data)) if i >= n or i % a.folds != k for g in data[i]]

    for r in ("s", "t"):
        print(f"heuristics: {'source' if r == 's' else 'target'} accuracy {np.mean(heur[r]):.3f} (n={len(heur[r])})")
    best = (-1.0, 0.0)
    for l2 in (0.001, 0.003, 0.01, 0.03, 0.1) if a.l2 is None else ():
        hits: dict[str, list[float]] = {"s": [], "t": []}
        for k in range(a.folds):
            w = train(fold_train(k), l2)
            for i in range(k, n, a.folds):
                for role, X, y, _ in data[i]:
                    hits[role].append(float(y[int(np.argmax(X @ w))]))
        acc = {r: float(np.mean(v)) for r, v in hits.items()}
        print(f"l2={l2}: source accuracy {acc['s']:.3f}, target accuracy {acc['t']:.3f} (cross-validated)")
        if acc["s"] + acc["t"] > best[0]:
            best = (acc["s"] + acc["t"], l2)
    l2 = best[1] if a.l2 is None else a.l2
    inv = {i: k for k, i in vocab.items()}
    if a.fold_dir:
        Path(a.fold_dir).mkdir(parents=True, exist_ok=True)
        for k in range(a.folds):
            w = train(fold_train(k), l2)
            write(Path(a.fold_dir) / f"fold{k}.json", w, inv, l2, heur, a.extra)
    w = train([g for rows in data for g in rows], l2)
    write(Path(a.out), w, inv, l2, heur, a.extra)
    print(f"l2={l2}; wrote {sum(abs(x) >= 1e-3 for x in w)} weights to {a.out}")


def write(path: Path, w: np.ndarray, inv: dict[int, str], l2: float, heur: dict, extra: str = "") -> None:
    """Write the model file (weights of at least 1e-3 in absolute value)."""
    weights = {inv[i]: round(float(w[i]), 4) for i in range(len(w)) if abs(w[i]) >= 1e-3}
    out = {
        "model": "logistic regression over marsad.coding.argrank candidate features; best candidate wins",
        "trained_on": trained_on(extra),
        "l2": l2,
        "heuristic_accuracy": {r: round(float(np.mean(v)), 4) for r, v in heur.items()},
        "weights": dict(sorted(weights.items())),
    }
    path.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
