"""A tag-transition prior for the NER's mixed Viterbi path (issue #3, round 13).

    PYTHONPATH=src:scripts .venv/bin/python scripts/ner_transition_prior.py --file M/ner_anercorp.e5.npz --weight 0.1
    PYTHONPATH=src:scripts .venv/bin/python scripts/ner_transition_prior.py --heldout H1.npz [H2.npz] --crf-cache /tmp/e5ner/crf

The e5 tag head's and the CRF's per-word marginals are mixed and decoded by a
Viterbi path whose transitions only forbid invalid BIO moves
(:meth:`marsad.actors.ner.NerModel._combined`).  This script adds to the head's
file the key ``prior``: ``weight · log P(tag | previous tag)``, counted on
ANERcorp TRAIN (add-one smoothing; the tags of :data:`marsad.actors.ner.E5_TAGS`),
which the run-time path adds to those transitions.  ``--heldout`` scores
held-out fold 3 of TRAIN instead (the prior counted on the first two thirds),
from the head marginals of ``train_ner_e5_lora.py --heldout --dump-marginals``
and the CRF marginals of ``train_ner_e5.py --cv 3``: entity F1 per sentence and
with the passage post-pass (:func:`marsad.actors.ner_passage.consistent`) for
several weights.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from marsad.actors.ner import E5_TAGS, repair_bio
from marsad.actors.ner_crf import bio_transitions, viterbi
from marsad.actors.ner_eval import score
from marsad.actors.ner_passage import consistent

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data"
WEIGHTS = (0.0, 0.05, 0.075, 0.1, 0.125, 0.15, 0.25)


def transition_prior(tag_seqs: list[list[str]], tags=E5_TAGS) -> np.ndarray:
    """log P(tag | previous tag) over the sentences' tag sequences, add-one smoothed: (T, T)."""
    idx = {t: i for i, t in enumerate(tags)}
    c = np.ones((len(tags), len(tags)))
    for seq in tag_seqs:
        for a, b in zip(seq, seq[1:], strict=False):
            c[idx[a], idx[b]] += 1
    return np.log(c / c.sum(1, keepdims=True))


def add_prior(path: Path, prior: np.ndarray, weight: float) -> None:
    """Rewrite the head's file ``path`` with ``prior`` = ``weight`` · the log-prior (float32)."""
    with np.load(path, allow_pickle=False) as z:
        p = {k: z[k] for k in z.files}
    p["prior"] = (weight * prior).astype(np.float32)
    np.savez_compressed(path, **p)


def heldout(files: list[Path], crf_cache: Path, shared: Path, crf_weight: float) -> None:
    """Fold-3 entity F1 (per sentence / passage) of each head's marginals, per prior weight."""
    import train_ner_e5

    sents = train_ner_e5.datasets(shared)["train"]
    cut = 2 * -(-len(sents) // 3)
    held = sents[cut:]
    prior = transition_prior([t for _, t in sents[:cut]])
    with np.load(crf_cache / "crf_marginals_3_3.npz") as z:
        crf = [np.log(z[f"m{i}"] + 1e-9) for i in range(len(held))]
    words, gold = [w for w, _ in held], [t for _, t in held]
    trans, start = bio_transitions(E5_TAGS)
    end = np.zeros(len(E5_TAGS))
    for f in files:
        with np.load(f) as z:
            head = [np.log(z[f"h{i}"] + 1e-9) for i in range(len(held))]
        mixed = [crf_weight * c + (1 - crf_weight) * h for c, h in zip(crf, head, strict=True)]
        for w in WEIGHTS:
            tr = trans + w * prior
            pred = [repair_bio([E5_TAGS[j] for j in viterbi(m, tr, start, end)]) for m in mixed]
            a, b = score(gold, pred), score(gold, consistent(words, pred))
            types = " ".join(f"{k} {b[k].f1:.4f}" for k in ("PERS", "LOC", "ORG", "MISC"))
            print(f"{f.name} prior {w}: per sentence {a['ALL'].f1:.4f}, passage {b['ALL'].f1:.4f} ({types})", flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", type=Path, default=SHARED)
    p.add_argument("--file", type=Path, default=None, help="head file (.npz) to which the prior is added")
    p.add_argument("--weight", type=float, default=0.1, help="the prior's weight (round 13: 0.1)")
    p.add_argument("--heldout", type=Path, nargs="*", default=None, help="head marginals on fold 3 (.npz)")
    p.add_argument("--crf-cache", type=Path, default=None, help="directory of crf_marginals_3_3.npz")
    p.add_argument("--crf-weight", type=float, default=0.2)
    args = p.parse_args(argv)
    if args.heldout:
        if args.crf_cache is None:
            p.error("--heldout needs --crf-cache")
        heldout(args.heldout, args.crf_cache, args.shared, args.crf_weight)
    if args.file is not None:
        import train_ner_e5

        prior = transition_prior([t for _, t in train_ner_e5.datasets(args.shared)["train"]])
        add_prior(args.file, prior, args.weight)
        print(f"wrote the prior (weight {args.weight}) into {args.file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
