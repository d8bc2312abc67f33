"""Word vectors for the NER from sentence pieces (first layer of multilingual-e5-small).

A word is split into sentence pieces by unigram Viterbi segmentation (the
tokenizer of multilingual-e5-small, MIT), and its vector is the mean of its
pieces' input-embedding rows, reduced by PCA and stored as float16
(``ner_anercorp.pieces.npz``, built by ``scripts/train_ner_pieces.py``).  The
NER maps the vector to its nearest cluster centroids at a few granularities
(coarse to fine), which become CRF attributes like word clusters.

Only numpy at run time; words are cached by the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

META = "\u2581"  # sentence-piece word-start marker


def segment(word: str, scores: dict[str, float], max_len: int, unk_score: float) -> list[str]:
    """Best unigram segmentation of ``▁word`` (unknown single characters are kept as themselves)."""
    text = META + word
    n = len(text)
    best = [0.0] + [-1e30] * n
    back: list[tuple[int, str]] = [(0, "")] * (n + 1)
    for i in range(n):
        if best[i] <= -1e29:
            continue
        base = best[i]
        for e in range(i + 1, min(n, i + max_len) + 1):
            piece = text[i:e]
            sc = scores.get(piece)
            if sc is not None and base + sc > best[e]:
                best[e], back[e] = base + sc, (i, piece)
        if base + unk_score > best[i + 1]:
            best[i + 1], back[i + 1] = base + unk_score, (i, "")
    out: list[str] = []
    i = n
    while i > 0:
        j, piece = back[i]
        out.append(piece or text[j:i])
        i = j
    return out[::-1]


class PieceVectors:
    """Sentence-piece table (scores, reduced vectors) and cluster centroids."""

    def __init__(self, pieces: Sequence[str], scores: np.ndarray, vectors: np.ndarray,
                 centroids: Sequence[np.ndarray], mean: np.ndarray) -> None:
        self.index = {p: i for i, p in enumerate(pieces)}
        self.scores = {p: float(s) for p, s in zip(pieces, scores, strict=True)}
        self.max_len = max(len(p) for p in pieces)
        self.unk_score = float(min(scores)) - 10.0
        self.vectors = vectors.astype(np.float32)
        self.centroids = [c.astype(np.float32) for c in centroids]
        self.mean = mean.astype(np.float32)
        # all levels stacked, for one product per word
        self._stacked = np.concatenate(self.centroids) if self.centroids else np.zeros((0, len(self.mean)), np.float32)
        self._bounds = np.cumsum([0, *(len(c) for c in self.centroids)])

    @classmethod
    def load(cls, path: Path) -> PieceVectors:
        """Read a table written by ``scripts/train_ner_pieces.py``."""
        with np.load(path, allow_pickle=False) as z:
            pieces = [str(p) for p in z["pieces"]]
            levels = sorted(k for k in z.files if k.startswith("centroids"))
            return cls(pieces, z["scores"], z["vectors"], [z[k] for k in levels], z["mean"])

    def pieces(self, word: str) -> list[str]:
        """The word's best segmentation into sentence pieces (the first one starts with ``▁``)."""
        return segment(word, self.scores, self.max_len, self.unk_score)

    def vector(self, word: str) -> np.ndarray | None:
        """Unit vector of a word (mean of its known pieces, centred), or None without known pieces."""
        ids = [self.index[p] for p in self.pieces(word) if p in self.index]
        if not ids:
            return None
        v = (self.vectors[ids[0]] if len(ids) == 1 else self.vectors[ids].mean(axis=0)) - self.mean
        norm = float(np.sqrt(v @ v))
        return v / norm if norm > 0 else None

    def clusters(self, word: str) -> tuple[str, ...]:
        """Nearest centroid per granularity, as ``level:id`` strings (empty without a vector)."""
        return self.clusters_of(self.vector(word))

    def clusters_of(self, v: np.ndarray | None) -> tuple[str, ...]:
        """Nearest centroid per granularity of a word vector (empty for None)."""
        if v is None:
            return ()
        sims = self._stacked @ v
        b = self._bounds
        return tuple(f"{i + 1}:{int(np.argmax(sims[b[i] : b[i + 1]]))}" for i in range(len(self.centroids)))
