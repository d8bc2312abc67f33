"""A small convolutional CRF tagger over the NER's word features, run with numpy.

Each word is the sum of the embeddings of its own CRF attributes (form, key,
affixes, word lists, phrase tags… from :mod:`marsad.actors.ner_features`)
plus a projection of its sentence-piece vector (:mod:`marsad.actors.ner_pieces`).
Two convolutions (windows 5 and 3, ReLU) read the context, a linear layer gives
per-tag scores, and Viterbi decoding with learned transitions picks the tags.
Trained by ``scripts/train_ner_nn.py`` (JAX, training only); the weights are
one ``.npz`` file.  Inference is numpy only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from marsad.actors.ner_crf import viterbi, windows

# Attributes that describe neighbours or word pairs: the convolutions see neighbours themselves.
_CONTEXT_ATTR = re.compile(r"^(?:[-+]\d|b[-+]=|bias$)")


def own_attributes(xseq: Sequence[Sequence[str]]) -> list[list[str]]:
    """The attributes of each word about the word itself (from a CRF attribute sequence)."""
    return [[a for a in f if not _CONTEXT_ATTR.match(a)] for f in xseq]


class ConvTagger:
    """Weights of the convolutional tagger and its attribute vocabulary."""

    def __init__(self, params: dict[str, np.ndarray], attrs: Sequence[str], tags: Sequence[str]) -> None:
        self.p = {k: v.astype(np.float32) for k, v in params.items()}
        self.index = {a: i for i, a in enumerate(attrs)}
        self.tags = list(tags)

    @classmethod
    def load(cls, path: Path) -> ConvTagger:
        with np.load(path, allow_pickle=False) as z:
            params = {k[2:]: z[k] for k in z.files if k.startswith("p_")}
            return cls(params, [str(a) for a in z["attrs"]], [str(t) for t in z["tags"]])

    def known(self) -> frozenset[str]:
        return frozenset(self.index)

    def ids(self, xseq: Sequence[Sequence[str]]) -> list[list[int]]:
        """Attribute ids of each word (unknown attributes dropped)."""
        index = self.index
        return [[index[a] for a in f if a in index] for f in own_attributes(xseq)]

    def scores(self, ids: Sequence[Sequence[int]], vecs: np.ndarray | None) -> np.ndarray:
        """Per-tag scores (n, T) of a sentence from attribute ids and piece vectors (n, dim)."""
        p = self.p
        x = bag_sums(p["emb"], ids)
        if vecs is not None and "proj" in p:
            x = x + vecs @ p["proj"]
        h1 = np.maximum(windows(x, 5) @ p["c1"] + p["b1"], 0)
        h2 = np.maximum(windows(h1, 3) @ p["c2"] + p["b2"], 0)
        return h2 @ p["out"] + x @ p["skip"] + p["bo"]

    def tag(self, ids: Sequence[Sequence[int]], vecs: np.ndarray | None) -> list[str]:
        """Tags of a sentence (BIO strings)."""
        if not ids:
            return []
        path = viterbi(self.scores(ids, vecs), self.p["trans"], self.p["start"], self.p["end"])
        return [self.tags[t] for t in path]


def bag_sums(emb: np.ndarray, ids: Sequence[Sequence[int]]) -> np.ndarray:
    """Per word, the sum of the embedding rows of its attribute ids (zeros for none)."""
    sizes = np.fromiter((len(i) for i in ids), dtype=np.int64, count=len(ids))
    flat = np.fromiter((j for i in ids for j in i), dtype=np.int64, count=int(sizes.sum()))
    out = np.zeros((len(ids), emb.shape[1]), dtype=np.float32)
    nonempty = sizes > 0
    if flat.size:
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))[nonempty]
        out[nonempty] = np.add.reduceat(emb[flat], starts, axis=0)
    return out
