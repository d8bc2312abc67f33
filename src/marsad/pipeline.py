"""Named stages with declared requires/provides, checked when the pipeline is built.

A stage is any object with ``name``, ``requires``, ``provides`` and
``__call__(doc) -> Document``.  :class:`Pipeline` checks, when it is built, that
every requirement is provided by an earlier stage and reports every problem at
once; at run time it checks that each stage returned a :class:`Document`.

Error policy per document: ``errors="raise"`` (tests) re-raises; ``"record"``
(batch, CLI) turns an exception into a typed :class:`Rejection` on the document
and goes on with the next article.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

from marsad.config import Settings
from marsad.document import Article, Document, OverBudget, Rejection
from marsad.errors import PipelineError


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


@dataclass(slots=True)
class FunctionStage:
    """Wrap a plain function ``Document -> Document`` as a stage."""

    name: str
    func: Callable[[Document], Document]
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        return self.func(doc)


ErrorPolicy = Literal["raise", "record"]


class Pipeline:
    """An ordered, checked list of stages."""

    def __init__(self, stages: Iterable[Stage], settings: Settings | None = None,
                 errors: ErrorPolicy = "record") -> None:
        self.stages = list(stages)
        self.settings = settings or Settings()
        if errors not in ("raise", "record"):
            raise PipelineError(f"errors must be 'raise' or 'record', not {errors!r}")
        self.errors = errors
        self._check()

    def _check(self) -> None:
        problems = []
        available: set[str] = {"article"}
        names: set[str] = set()
        for i, st in enumerate(self.stages):
            name = getattr(st, "name", None)
            if not name or not callable(st):
                problems.append(f"stage #{i} ({st!r}) is not a stage: it needs a name and __call__")
                continue
            if name in names:
                problems.append(f"stage {name!r} appears twice")
            names.add(name)
            missing = [r for r in getattr(st, "requires", ()) if r not in available]
            if missing:
                problems.append(f"stage {name!r} requires {', '.join(missing)}, which no earlier stage provides")
            available.update(getattr(st, "provides", ()))
        if problems:
            raise PipelineError("pipeline is not valid:\n  " + "\n  ".join(problems))

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document | Article, budget: bool = True) -> Document:
        """Run every stage on ``doc``; ``budget=False`` ignores the per-article time budget
        (used to warm up, when loading resources is part of the cost)."""
        if isinstance(doc, Article):
            doc = Document(doc)
        # The budget counts the CPU time of the thread coding the article, not the wall clock: a loaded
        # machine or a busy cluster node must not turn a normal article into a timeout.
        start = time.thread_time()
        budget_s = self.settings.time_budget_ms / 1000.0 if budget else 0.0
        if budget_s > 0 and self.errors == "record":
            doc.deadline = start + budget_s
        for st in self.stages:
            if doc.rejection is not None:
                break
            try:
                out = st(doc)
            except OverBudget:
                doc.rejection = Rejection("timeout", f"over the time budget of {self.settings.time_budget_ms} ms "
                                          f"(in stage {st.name})")
                doc.events = []
                break
            except Exception as exc:  # noqa: BLE001 - the policy decides
                if self.errors == "raise":
                    raise
                doc.rejection = Rejection("error", f"stage {st.name} failed: {type(exc).__name__}: {exc}")
                doc.events = []
                break
            if not isinstance(out, Document):
                raise PipelineError(f"stage {st.name!r} returned {type(out).__name__}, not Document")
            doc = out
            doc.done.add(st.name)
            if (budget_s > 0 and doc.rejection is None and self.errors == "record"
                    and time.thread_time() - start > budget_s):
                doc.rejection = Rejection("timeout", f"over the time budget of {self.settings.time_budget_ms} ms "
                                          f"(after stage {st.name})")
                doc.events = []
                break
        doc.deadline = 0.0
        return doc
