"""A value the coder computes once per sentence (:class:`SentenceMemo`).

The event stage asks for some facts of a sentence once per trigger (its attributions, its toll
frames, the tolls told after its attacks); they are computed at the first question and kept until
the next sentence or document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from marsad.document import Document

T = TypeVar("T")


class SentenceMemo(Generic[T]):
    """``compute(doc, si, *args)`` for sentence ``si`` of ``doc``, computed once per sentence (the
    document is held, so that its id is not reused by another one while it is remembered)."""

    def __init__(self, compute: Callable[..., T]) -> None:
        self.compute = compute
        self._doc: Document | None = None
        self._si = -1
        self._value: T | None = None

    def get(self, doc: Document, si: int, *args: object) -> T:
        if self._doc is not doc or self._si != si:
            self._doc, self._si, self._value = doc, si, self.compute(doc, si, *args)
        return self._value  # type: ignore[return-value]

    def held(self, doc: Document, si: int) -> T | None:
        """The value if it was computed for this sentence, else None (nothing is computed)."""
        return self._value if self._doc is doc and self._si == si else None
