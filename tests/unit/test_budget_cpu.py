"""The per-article time budget counts the CPU time of the coding thread (pipeline.py): waiting, as on
a loaded machine, does not use it up; work does."""

from __future__ import annotations

import time

from marsad.config import Settings
from marsad.document import Article, Document
from marsad.pipeline import FunctionStage, Pipeline


def _wait(doc: Document) -> Document:
    time.sleep(0.3)  # the thread holds no CPU, as when other processes have the cores
    return doc


def _work(doc: Document) -> Document:
    end = time.thread_time() + 0.3
    while time.thread_time() < end:
        doc.check_deadline()
    return doc


def _run(func) -> Document:
    pipe = Pipeline([FunctionStage("slow", func)], Settings(time_budget_ms=100), errors="record")
    return pipe(Article(id="a", text="نص"))


def test_waiting_does_not_use_the_budget() -> None:
    assert _run(_wait).rejection is None


def test_work_over_the_budget_is_a_timeout_inside_the_stage() -> None:
    doc = _run(_work)
    assert doc.rejection is not None and doc.rejection.code == "timeout"
    assert "in stage slow" in doc.rejection.reason
