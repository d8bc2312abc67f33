"""Train the convolutional CRF tagger of :mod:`marsad.actors.ner_nn` (JAX, training only; an experiment).

    PYTHONPATH=src:scripts .venv/bin/python scripts/train_ner_nn.py --cv 3 --pieces P.npz --ensemble --crf-cache DIR
    PYTHONPATH=src:scripts .venv/bin/python scripts/train_ner_nn.py --pieces P.npz --out M/ner_anercorp.nn.npz

The first line is the 3-fold CV on TRAIN of the tagger alone and of its
mixtures with the CRF (the CRF's marginals per fold are cached in DIR); the
second trains on TRAIN, scores the tagger alone on TEST and writes the
``.npz`` (put it next to a copy of the CRF model to use the mixture).  Round 4
of the models README has the figures: the mixture was not shipped.

The inputs are the CRF's own-word attributes (built exactly as for the CRF by
``train_ner.py``: jackknifed learned lists, external lists) and, with
``--pieces`` (``scripts/train_ner_pieces.py``), the words' sentence-piece
vectors.  Needs ``jax`` and ``optax``; the result is a numpy ``.npz``.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import _ner_jax
import jax
import jax.numpy as jnp
import numpy as np
import optax
import train_ner
from _ner_jax import crf_nll, jwindows

from marsad.actors.ner import MODEL_NAME, NerModel, repair_bio
from marsad.actors.ner_crf import bio_transitions, marginals, viterbi
from marsad.actors.ner_eval import Counts, format_table, read_conll, score
from marsad.actors.ner_features import FeatureExtractor, word_key_of
from marsad.actors.ner_nn import ConvTagger, own_attributes
from marsad.actors.ner_pieces import PieceVectors
from marsad.text.normalize import normalize_text

_ARABIC = re.compile("[\u0621-\u064a]")
_IDENTITY = re.compile(r"^(?:w|k|c|st)=")  # attributes naming the word itself
TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
Sent = tuple[list[str], list[str]]


def piece_matrix(words: list[str], pv: PieceVectors | None, dim: int) -> np.ndarray:
    out = np.zeros((len(words), dim), dtype=np.float32)
    if pv is None:
        return out
    for i, w in enumerate(words):
        key = word_key_of(normalize_text(w).strip() or "_")
        v = pv.vector(key) if _ARABIC.search(key) else None
        if v is not None:
            out[i] = v
    return out


def features(train: list[Sent], test: list[Sent], args: argparse.Namespace):
    """Own attributes (jackknifed for ``train``) and piece vectors of both sets, and the lexicon."""
    base = train_ner.drop_common_words(args.base, train, args.common_min, args.common_max)
    xs_tr = own_attributes_all(train_ner.featurize(train, base, args))
    lex = base.merged(train_ner.learned_lists(train, args.ratio, args.vocab))
    fx = FeatureExtractor(lex)
    xs_te = own_attributes_all([fx.sentence(w) for w, _ in test])
    dim = args.pv.vectors.shape[1] if args.pv is not None else 1
    pv_tr = [piece_matrix(w, args.pv, dim) for w, _ in train]
    pv_te = [piece_matrix(w, args.pv, dim) for w, _ in test]
    return xs_tr, xs_te, pv_tr, pv_te, lex


def own_attributes_all(xss):
    return [own_attributes(x) for x in xss]


def init(key, n_attr: int, pdim: int, args: argparse.Namespace) -> dict:
    d, h, t = args.dim, args.hidden, len(TAGS)
    ks = jax.random.split(key, 8)
    def g(k, shape, scale):
        return jax.random.normal(k, shape) * scale
    return {
        "emb": g(ks[0], (n_attr + 1, d), 0.1),
        "proj": g(ks[1], (pdim, d), 1 / np.sqrt(pdim)),
        "c1": g(ks[2], (5 * d, h), 1 / np.sqrt(5 * d)), "b1": jnp.zeros(h),
        "c2": g(ks[3], (3 * h, h), 1 / np.sqrt(3 * h)), "b2": jnp.zeros(h),
        "out": g(ks[4], (h, t), 1 / np.sqrt(h)), "skip": g(ks[5], (d, t), 1 / np.sqrt(d)), "bo": jnp.zeros(t),
        "trans": jnp.zeros((t, t)), "start": jnp.zeros(t), "end": jnp.zeros(t),
    }


def emissions(p, ids, vec, mask, key, rate):
    """ids (B, L, A) with n_attr as padding; vec (B, L, P); mask (B, L)."""
    pad_row = p["emb"].shape[0] - 1
    emb = p["emb"][ids] * (ids != pad_row)[..., None]
    x = emb.sum(axis=2) + vec @ p["proj"]
    def drop(k, z):
        if key is None:
            return z
        keep = jax.random.bernoulli(k, 1 - rate, z.shape)
        return jnp.where(keep, z / (1 - rate), 0)
    k1, k2, k3 = jax.random.split(key, 3) if key is not None else (None, None, None)
    x = drop(k1, x) * mask[..., None]
    h1 = jax.nn.relu(jwindows(x, 5) @ p["c1"] + p["b1"])
    h1 = drop(k2, h1) * mask[..., None]
    h2 = jax.nn.relu(jwindows(h1, 3) @ p["c2"] + p["b2"])
    h2 = drop(k3, h2)
    return h2 @ p["out"] + x @ p["skip"] + p["bo"]


def batches(items, size, max_attr, n_attr, pdim, rng, ident=None, word_drop=0.0):
    """Padded batches (ids, vec, y, mask) of sentences sorted by length, in shuffled order.

    With ``word_drop``, each word loses its identity attributes (``ident``: a
    boolean per attribute id) with that probability, as if it were unseen.
    """
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    groups = [order[s : s + size] for s in range(0, len(order), size)]
    rng.shuffle(groups)
    for g in groups:
        n = max(len(items[i][0]) for i in g)
        n = int(2 ** np.ceil(np.log2(max(n, 8))))
        ids = np.full((size, n, max_attr), n_attr, dtype=np.int32)
        vec = np.zeros((size, n, pdim), dtype=np.float32)
        y = np.zeros((size, n), dtype=np.int32)
        mask = np.zeros((size, n), dtype=np.float32)
        for r, i in enumerate(g):
            a, v, t = items[i]
            for j, row in enumerate(a):
                row = row[:max_attr]
                ids[r, j, : len(row)] = row
            vec[r, : len(a)] = v
            y[r, : len(a)] = t
            mask[r, : len(a)] = 1
        mask[len(g):, 0] = 1  # padding rows: one dummy token so lengths are >= 1
        if word_drop and ident is not None:
            drop = rng.random((size, n)) < word_drop
            ids = np.where(ident[ids] & drop[..., None], n_attr, ids).astype(np.int32)
        yield ids, vec, y, mask, len(g)


def fit(xs, pvs, sents, args: argparse.Namespace, log=None) -> ConvTagger:
    """Train on own-attribute lists ``xs`` with piece vectors ``pvs`` and gold ``sents``."""
    counts = Counter(a for x in xs for f in x for a in f)
    attrs = sorted(a for a, c in counts.items() if c >= args.min_count)
    index = {a: i for i, a in enumerate(attrs)}
    tag_id = {t: i for i, t in enumerate(TAGS)}
    items = [([[index[a] for a in f if a in index] for f in x], v, [tag_id[t] for t in tags])
             for x, v, (_, tags) in zip(xs, pvs, sents, strict=True)]
    max_attr = max(len(f) for it in items for f in it[0])
    ident = np.array([bool(_IDENTITY.match(a)) for a in attrs] + [False])
    pdim = pvs[0].shape[1]
    params = init(jax.random.PRNGKey(args.seed), len(attrs), pdim, args)
    total_steps = args.epochs * (-(-len(items) // args.batch))
    opt = optax.chain(optax.clip_by_global_norm(5.0),
                      optax.adamw(optax.cosine_decay_schedule(args.lr, total_steps, 0.05), weight_decay=args.wd))

    def loss(p, _consts, batch, key):
        ids, vec, y, mask = batch
        return crf_nll(p, emissions(p, ids, vec, mask, key, args.dropout), y, mask)

    def epoch(rng):
        for ids, vec, y, mask, _ in batches(items, args.batch, max_attr, len(attrs), pdim, rng, ident, args.word_drop):
            yield ids, vec, y, mask

    def report(p):
        return log(ConvTagger({k: np.asarray(v) for k, v in p.items()}, attrs, TAGS))

    params = _ner_jax.train(params, opt, loss, epoch, args.epochs, args.seed, log=report if log is not None else None)
    return ConvTagger({k: np.asarray(v) for k, v in params.items()}, attrs, TAGS)


def predict(model: ConvTagger, xs, pvs) -> list[list[str]]:
    index = model.index
    return [repair_bio(model.tag([[index[a] for a in f if a in index] for f in x], v)) for x, v in zip(xs, pvs, strict=True)]


def nn_marginals(model: ConvTagger, xs, pvs) -> list[np.ndarray]:
    index, p = model.index, model.p
    out = []
    for x, v in zip(xs, pvs, strict=True):
        s = model.scores([[index[a] for a in f if a in index] for f in x], v)
        out.append(marginals(s, p["trans"], p["start"], p["end"]))
    return out


def crf_marginals(train: list[Sent], test: list[Sent], args: argparse.Namespace) -> list[np.ndarray]:
    """Train the shipped CRF configuration (no piece table) on ``train``; its marginals on ``test``."""
    cargs = argparse.Namespace(**vars(args))
    cargs.pieces = None
    base = args.base.merged(())
    base.pieces = None
    out = Path(tempfile.mkdtemp(prefix="marsad_ner_ens_")) / MODEL_NAME
    train_ner.train(train, base, out, cargs, args.c1, args.c2)
    tagger, feats = NerModel.load(out)._open()
    labels = tagger.labels()
    out_m = []
    for words, _ in test:
        tagger.set(feats.sentence(words))
        m = np.zeros((len(words), len(TAGS)))
        for lab in labels:
            if lab in TAGS:
                m[:, TAGS.index(lab)] = [tagger.marginal(lab, t) for t in range(len(words))]
        out_m.append(m)
    return out_m


def ensemble(crf_m, nn_m, weight: float) -> list[list[str]]:
    trans, start = bio_transitions(TAGS)
    end = np.zeros(len(TAGS))
    return [repair_bio([TAGS[t] for t in viterbi(np.log(weight * a + (1 - weight) * b + 1e-9), trans, start, end)])
            for a, b in zip(crf_m, nn_m, strict=True)]


def run_fold(train: list[Sent], test: list[Sent], args: argparse.Namespace) -> tuple[ConvTagger, dict]:
    xs_tr, xs_te, pv_tr, pv_te, _ = features(train, test, args)
    gold = [t for _, t in test]
    def log(m):
        return f"  held-out F1 {score(gold, predict(m, xs_te, pv_te))['ALL'].f1:.4f}" if args.verbose else ""
    model = fit(xs_tr, pv_tr, train, args, log)
    table = score(gold, predict(model, xs_te, pv_te))
    print(f"  tagger alone: F1 {table['ALL'].f1:.4f}", flush=True)
    if args.ensemble:
        nn_m = nn_marginals(model, xs_te, pv_te)
        cache = args.crf_cache / f"crf_marginals_{args.fold_id}.npz" if args.crf_cache else None
        if cache is not None and cache.is_file():
            with np.load(cache) as z:
                crf_m = [z[f"m{i}"] for i in range(len(test))]
        else:
            crf_m = crf_marginals(train, test, args)
            if cache is not None:
                cache.parent.mkdir(parents=True, exist_ok=True)
                np.savez_compressed(cache, **{f"m{i}": m for i, m in enumerate(crf_m)})
        for w in (1.0, 0.7, 0.5, 0.3):
            t = score(gold, ensemble(crf_m, nn_m, w))
            args.ens_tables.setdefault(w, []).append(t)
            print(f"  ensemble weight(CRF)={w}: F1 {t['ALL'].f1:.4f}", flush=True)
    return model, table


def pool(tables: list[dict]) -> dict[str, Counts]:
    pooled: dict[str, Counts] = {}
    for table in tables:
        for name, c in table.items():
            acc = pooled.setdefault(name, Counts())
            acc.tp, acc.pred, acc.gold = acc.tp + c.tp, acc.pred + c.pred, acc.gold + c.gold
    return pooled


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cv", type=int, default=0)
    p.add_argument("--pieces", type=Path, default=None)
    p.add_argument("--dim", type=int, default=64)
    p.add_argument("--hidden", type=int, default=192)
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--wd", type=float, default=1e-4)
    p.add_argument("--dropout", type=float, default=0.5)
    p.add_argument("--min-count", type=int, default=2)
    p.add_argument("--word-drop", type=float, default=0.0, help="probability of hiding a word's identity attributes")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--verbose", action="store_true", help="score the held-out part after every epoch")
    p.add_argument("--folds-only", default="", help="comma-separated 1-based CV folds to run (default all)")
    p.add_argument("--out", type=Path, default=None)
    p.add_argument("--ensemble", action="store_true", help="also train the CRF and score averaged marginals")
    p.add_argument("--crf-cache", type=Path, default=None, help="directory caching the CRF marginals per fold")
    p.add_argument("--crf-weight", type=float, default=0.5,
                   help="weight of the CRF's marginals at run time, stored in the model (0: the tagger alone)")
    args, rest = p.parse_known_args(argv)
    # the CRF's own options (lists, jackknife, Wojood, c1/c2 for --ensemble) come from train_ner.py
    targs = train_ner.parse_args([*rest, "--clusters", ""])
    for name, value in vars(targs).items():
        if not hasattr(args, name):
            setattr(args, name, value)
    args.piece_feats = "sp,np,cl"
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sents = read_conll(args.train)
    args.base = train_ner.external(args.shared, args.sources, args.gaz_min_freq)
    args.pv = PieceVectors.load(args.pieces) if args.pieces else None
    args.base.pieces = args.pv
    args.clusters, args.cluster_ext = None, None
    args.ens_tables = {}
    if args.cv:
        size = -(-len(sents) // args.cv)
        pooled: dict[str, Counts] = {}
        only = {int(f) for f in args.folds_only.split(",") if f}
        for f in range(args.cv):
            if only and f + 1 not in only:
                continue
            held = sents[f * size : (f + 1) * size]
            args.fold_id = f"{args.cv}_{f + 1}"
            _, table = run_fold(sents[: f * size] + sents[(f + 1) * size :], held, args)
            for name, c in table.items():
                acc = pooled.setdefault(name, Counts())
                acc.tp, acc.pred, acc.gold = acc.tp + c.tp, acc.pred + c.pred, acc.gold + c.gold
            print(f"fold {f + 1}/{args.cv}: F1 {table['ALL'].f1:.4f}", flush=True)
        print(f"\n== {args.cv}-fold cross-validation on TRAIN (pooled)")
        print(format_table(pooled))
        for w, tables in args.ens_tables.items():
            print(f"\n== ensemble, CRF weight {w} (pooled)")
            print(format_table(pool(tables)))
        return 0
    test = read_conll(args.test)
    args.fold_id = "test"
    model, table = run_fold(sents, test, args)
    print("\n== TEST")
    print(format_table(table))
    for w, tables in args.ens_tables.items():
        print(f"\n== TEST ensemble, CRF weight {w}")
        print(format_table(tables[0]))
    if args.out:
        model.p["crf_weight"] = np.array([args.crf_weight], dtype=np.float32)
        save(model, args.out)
    return 0


def save(model: ConvTagger, path: Path) -> None:
    """Write the tagger as ``.npz`` (weights float16, attribute vocabulary, tags)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    attrs = sorted(model.index, key=model.index.get)
    np.savez_compressed(path, attrs=np.array(attrs), tags=np.array(model.tags),
                        **{f"p_{k}": v.astype(np.float16) for k, v in model.p.items()})
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    sys.exit(main())
