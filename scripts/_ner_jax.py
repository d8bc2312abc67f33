"""JAX pieces shared by the NER training scripts (train_ner_nn, train_ner_e5, train_ner_e5_lora): the training loop, the CRF loss.

One jitted step (loss, gradients, optimizer update) and the epoch loop around
it: a numpy random generator seeded with ``seed`` shuffles the batches, JAX keys
for dropout come from ``PRNGKey(seed + 1)`` split once per batch (the order the
three scripts used before, so their results are unchanged).  Training only:
needs jax and optax.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np


def train(params: Any, opt: Any, loss: Callable[..., Any], batches: Callable[[np.random.Generator], Iterable[tuple]],
          epochs: int, seed: int, consts: Any = None, log: Callable[[Any], str] | None = None,
          progress: int = 0) -> Any:
    """Train ``params`` for ``epochs``; returns the final parameters (JAX arrays).

    ``loss(params, consts, batch, key)`` is the scalar to minimise; ``consts``
    (a pytree of arrays: frozen weights) is passed to the jitted step as an
    argument, not baked into it.  ``batches(rng)`` yields one epoch of batches
    (tuples of arrays).  ``log(params)``, after each epoch, returns text appended
    to the epoch's line; ``progress``: print the running loss every that many steps.
    """
    import jax
    import optax

    state = opt.init(params)

    @jax.jit
    def step(params, state, consts, batch, key):
        val, grads = jax.value_and_grad(loss)(params, consts, batch, key)
        upd, state = opt.update(grads, state, params)
        return optax.apply_updates(params, upd), state, val

    rng = np.random.default_rng(seed)
    key = jax.random.PRNGKey(seed + 1)
    for ep in range(epochs):
        t0, tot, nb = time.process_time(), 0.0, 0
        for batch in batches(rng):
            key, sub = jax.random.split(key)
            params, state, val = step(params, state, consts, batch, sub)
            tot, nb = tot + float(val), nb + 1
            if progress and nb % progress == 0:
                print(f"  step {nb}: loss {tot / nb:.3f} ({time.process_time() - t0:.0f} CPU-s)", flush=True)
        msg = f"epoch {ep + 1}: loss {tot / max(nb, 1):.3f} ({time.process_time() - t0:.0f} CPU-s)"
        print(msg + (log(params) if log is not None else ""), flush=True)
    return params


def crf_nll(p, s, y, mask):
    """Mean negative log-likelihood of gold tags ``y`` (B, L) under a linear-chain CRF."""
    import jax.numpy as jnp

    return jnp.mean(crf_nll_rows(p, s, y, mask))


def crf_nll_words(p, s, y, mask, rows):
    """Negative log-likelihood per word: summed over the sentences where ``rows`` (B,) is 1, over their words."""
    import jax.numpy as jnp

    return jnp.sum(crf_nll_rows(p, s, y, mask) * rows) / jnp.maximum(jnp.sum(mask * rows[:, None]), 1.0)


def crf_nll_rows(p, s, y, mask):
    """Per sentence (B,), the negative log-likelihood of gold tags ``y`` (B, L) under a linear-chain CRF."""
    import jax
    import jax.numpy as jnp

    trans, start, end = p["trans"], p["start"], p["end"]
    b = jnp.arange(s.shape[0])
    gold = start[y[:, 0]] + s[b, 0, y[:, 0]]
    def step_gold(carry, t):
        prev = carry
        m = mask[:, t]
        add = (trans[y[:, t - 1], y[:, t]] + s[b, t, y[:, t]]) * m
        return prev + add, None
    gold, _ = jax.lax.scan(step_gold, gold, jnp.arange(1, s.shape[1]))
    lengths = mask.sum(axis=1).astype(jnp.int32)
    gold = gold + end[y[b, lengths - 1]]
    alpha = start + s[:, 0]
    def step(alpha, t):
        nxt = jax.nn.logsumexp(alpha[:, :, None] + trans[None], axis=1) + s[:, t]
        m = mask[:, t][:, None]
        return jnp.where(m > 0, nxt, alpha), None
    alpha, _ = jax.lax.scan(step, alpha, jnp.arange(1, s.shape[1]))
    logz = jax.nn.logsumexp(alpha + end, axis=1)
    return logz - gold


def jwindows(x, width):
    """(B, L, D) -> (B, L, width * D): each position with its neighbours (zero padding)."""
    import jax.numpy as jnp

    h = width // 2
    pad = jnp.pad(x, ((0, 0), (h, h), (0, 0)))
    n = x.shape[1]
    return jnp.concatenate([pad[:, j : j + n] for j in range(width)], axis=2)
