"""Numpy helpers of the NER's neural taggers: linear-chain CRF marginals and Viterbi, BIO constraints, windows.

Shared by the e5 tag head (:mod:`marsad.actors.ner_e5`), the CRF/head mixture
(:mod:`marsad.actors.ner`) and the dormant convolutional tagger
(:mod:`marsad.actors.ner_nn`), so the shipped path does not import the latter.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def windows(x: np.ndarray, width: int) -> np.ndarray:
    """Rows ``[x[i-h] … x[i+h]]`` concatenated (zero padding), shape (n, width * dim)."""
    h = width // 2
    n, d = x.shape
    pad = np.zeros((n + 2 * h, d), dtype=x.dtype)
    pad[h : h + n] = x
    return np.concatenate([pad[j : j + n] for j in range(width)], axis=1)


def viterbi(scores: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """Best tag path for emission ``scores`` (n, T) under transition scores ``trans`` (T, T)."""
    n = len(scores)
    delta = start + scores[0]
    back = np.zeros((n, scores.shape[1]), dtype=np.int64)
    for i in range(1, n):
        cand = delta[:, None] + trans
        back[i] = cand.argmax(axis=0)
        delta = cand.max(axis=0) + scores[i]
    best = [int((delta + end).argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i][best[-1]]))
    return best[::-1]


def marginals(scores: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Per-word tag probabilities (n, T) of a linear-chain CRF (scaled forward-backward)."""
    n = len(scores)
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    m = np.exp(trans - trans.max())
    alpha = np.empty_like(e)
    beta = np.empty_like(e)
    a = np.exp(start - start.max()) * e[0]
    alpha[0] = a / a.sum()
    for i in range(1, n):
        a = (alpha[i - 1] @ m) * e[i]
        alpha[i] = a / a.sum()
    b = np.exp(end - end.max())
    beta[-1] = b / b.sum()
    for i in range(n - 2, -1, -1):
        b = m @ (e[i + 1] * beta[i + 1])
        beta[i] = b / b.sum()
    post = alpha * beta
    return post / post.sum(axis=1, keepdims=True)


def bio_transitions(tags: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Transition and start scores forbidding invalid BIO moves (``O → I-X``, ``B-X → I-Y``)."""
    t = len(tags)
    trans = np.zeros((t, t))
    start = np.zeros(t)
    for j, b in enumerate(tags):
        if b.startswith("I-"):
            start[j] = -1e4
            for i, a in enumerate(tags):
                if a[2:] != b[2:]:
                    trans[i, j] = -1e4
    return trans, start

