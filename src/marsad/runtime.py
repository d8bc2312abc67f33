"""Process settings for long runs that code many articles (CLI, batch workers, API workers).

The cyclic garbage collector costs a coding process about an eighth of its CPU: every article
allocates hundreds of thousands of tokens, spans and mentions, so generation 0 fills every few
hundred objects and each collection, and the full ones that follow, walk the pipeline's
lexicons and models too.  Coded documents hold no reference cycles (they are freed by
reference counting: 5 objects were collected while coding 2000 news articles), so the
collector finds almost nothing.  :func:`settle_gc` moves what is loaded so far out of the
collector's sight and lets generation 0 grow to ``GEN0_THRESHOLD`` objects.  Objects that are
kept after that (per-word memos filling up, a store's batch) still trigger collections of
60-80 ms each: on 6000 SaudiNewsNet articles, time in collections after loading was 0.84 s
(11 collections) with a threshold of 50,000 and 0.07 s (one) with 200,000 in ``marsad code``,
1.09 s and 0.06 s in ``marsad ingest``, with the same peak RSS; 2000 articles took 1.49 s of
collections with Python's default (bench/README.md).  200,000 still bounds what a reference
cycle, should one appear, could keep alive between collections to some tens of MB.
It is a process-wide setting, so library code never calls it:
the commands and worker initialisers do, after the pipeline is loaded.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

GEN0_THRESHOLD = 200_000


def settle_gc(gen0_threshold: int = GEN0_THRESHOLD) -> None:
    """Freeze the objects alive now (the loaded pipeline) and raise the generation-0 threshold."""
    gc.collect()
    gc.freeze()
    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(gen0_threshold, gen1, gen2)


@contextmanager
def loading_pipeline() -> Iterator[None]:
    """The collector switched off while the block loads a pipeline, then :func:`settle_gc`.

    Loading builds lexicons and models that live as long as the process, so collections during it
    find nothing: loading a Coder took 0.53 → 0.45 s CPU without them (median of 3).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
    settle_gc()
