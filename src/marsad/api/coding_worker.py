"""What runs inside a coding worker process of the API (see :mod:`marsad.api.coding`).

Kept apart from the web modules so that a worker imports the pipeline only, not FastAPI.
Each worker process loads one :class:`~marsad.api_lib.Coder` (the initializer calls
:func:`warm`) and reuses it for every article it is sent.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from marsad.api_lib import Coder
from marsad.config import Settings
from marsad.document import Article, Document
from marsad.runtime import loading_pipeline


@lru_cache(maxsize=1)
def _coder(settings: Settings) -> Coder:
    """The worker's pipeline, loaded and warmed on first use (one per process and settings)."""
    return Coder(settings)


def warm(settings: Settings) -> None:
    """Load the pipeline before the first article arrives (the pool's initializer).

    The loaded lexicons and models are then moved out of the garbage collector's sight
    (:func:`marsad.runtime.settle_gc`): they live as long as the worker, and a full collection
    that walks them took about 0.1 s, during which every queued article waited.  The worker first lowers its
    own OS priority by the setting ``api_code_nice``: on a machine with few cores, coding then
    yields the CPU to the server process's read requests instead of competing as an equal.
    """
    if settings.api_code_nice > 0:
        try:
            os.nice(settings.api_code_nice)
        except (OSError, AttributeError):  # not permitted, or no nice() on this platform
            pass
    with loading_pipeline():
        _coder(settings)


def code_events(settings: Settings, article: Article) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """(events as JSON dicts, rejection or None): all ``POST /api/code`` needs, cheap to send back."""
    out = _coder(settings).code_article(article).to_dict()
    return out.get("events", []), out.get("rejected")


def code_document(settings: Settings, article: Article) -> Document:
    """The whole coded document (``POST /api/ingest`` stores it)."""
    return _coder(settings).code_article(article)
