"""Coding for ``POST /api/code`` and ``POST /api/ingest`` in worker processes, with a bounded queue.

Coding is pure Python: run in a thread of the server it holds the GIL for the length of an
article and every read request waits for it (in a load test with 5 % coding requests the
reads' p99 was ten times their median).  So the API codes in other processes:

* :class:`CodingPool` sends each article to a ``ProcessPoolExecutor`` of ``workers``
  processes, started on the first coding request with the ``spawn`` method (the server has
  threads, which ``fork`` would copy in an unknown state).  Each worker loads and warms the
  pipeline once (:mod:`marsad.api.coding_worker`) and keeps it.
* The queue is bounded: at most ``queue`` articles per worker are accepted (running or
  waiting).  One more waits up to ``wait_ms`` (setting ``api_code_wait_ms``) for a place;
  if none frees up by then it is answered with 503 ``coder_busy`` and ``Retry-After``
  instead of an ever longer wait.  So a short burst queues briefly and is coded, and only a
  sustained overload is refused.  An article counts until its worker is done with it, even
  when its client has gone.
* The workers run at a lower OS priority (setting ``api_code_nice``, default +5;
  :func:`marsad.api.coding_worker.warm`) so that on a machine with few cores the server's read
  requests win the CPU from coding.  In the load test (bench/README.md) +10 gave reads a p50 of
  0.3 ms but coding requests a p50 of 0.5–0.8 s on the shared 2-core machine, where other
  programs at normal priority then beat the coder too; +5 kept coding near 0.1–0.3 s.
* A worker that dies (killed, out of memory) breaks the executor: the articles it had get a
  503 ``coder_unavailable`` and the next request starts a new pool.
* ``workers=0`` codes in a thread of the server process instead, one article at a time (the
  behaviour before this module), for embedding the app where child processes are unwanted.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from starlette.concurrency import run_in_threadpool

from marsad.api import coding_worker
from marsad.api.errors import ApiError
from marsad.config import Settings
from marsad.document import Article, Document

RETRY_AFTER_S = 1


class CodingPool:
    """Codes articles for the API in ``workers`` processes (see the module docstring)."""

    def __init__(self, settings: Settings, workers: int | None = None, queue: int | None = None,
                 wait_ms: int | None = None) -> None:
        """``workers``/``queue`` (articles per worker, running or waiting)/``wait_ms`` default to the
        settings ``api_code_workers``/``api_code_queue``/``api_code_wait_ms``."""
        self.settings = settings
        self.workers = max(0, settings.api_code_workers if workers is None else workers)
        queue = settings.api_code_queue if queue is None else queue
        self.limit = max(1, queue) * max(1, self.workers)
        self.wait_s = max(0, settings.api_code_wait_ms if wait_ms is None else wait_ms) / 1000
        self.pending = 0
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = []
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()  # guards pending, waiters, executor (done callbacks run in other threads)
        self._thread_coding = threading.Lock()  # workers=0: one article at a time

    async def events(self, article: Article) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        """The article's events (as JSON dicts) and its rejection, if any."""
        return await self._submit(coding_worker.code_events, article)

    async def document(self, article: Article) -> Document:
        """The coded document (to be stored)."""
        return await self._submit(coding_worker.code_document, article)

    async def _enter(self) -> None:
        """Take a place in the queue, waiting up to ``wait_s`` for one; 503 ``coder_busy`` after that."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.wait_s
        while True:
            with self._lock:
                if self.pending < self.limit:
                    self.pending += 1
                    return
                left = deadline - loop.time()
                if left <= 0:
                    raise ApiError(503, "coder_busy",
                                   f"{self.pending} articles are waiting to be coded; retry later",
                                   headers={"Retry-After": str(RETRY_AFTER_S)})
                waiter: asyncio.Future[None] = loop.create_future()
                self._waiters.append((loop, waiter))
            try:
                await asyncio.wait_for(waiter, left)
            except TimeoutError:
                pass  # the loop answers 503 unless a place freed up meanwhile
            except asyncio.CancelledError:  # the client went away: a wake-up meant for it goes on
                self._forget(loop, waiter, pass_on=True)
                raise
            self._forget(loop, waiter)

    def _forget(self, loop: asyncio.AbstractEventLoop, waiter: asyncio.Future[None], pass_on: bool = False) -> None:
        """Drop a waiter; with ``pass_on``, wake the next one if this one was woken for a free place."""
        with self._lock:
            if (loop, waiter) in self._waiters:
                self._waiters.remove((loop, waiter))
                return
            woken = self._waiters.pop(0) if pass_on and self._waiters and self.pending < self.limit else None
        if woken is not None:
            woken[0].call_soon_threadsafe(_wake, woken[1])

    async def _submit(self, job: Any, article: Article) -> Any:
        await self._enter()
        if self.workers == 0:
            try:
                return await run_in_threadpool(self._in_thread, job, article)
            finally:
                self._done()
        try:
            fut = self._pool().submit(job, self.settings, article)
        except (BrokenProcessPool, RuntimeError) as exc:
            self._done()
            self._reset()
            raise _unavailable() from exc
        fut.add_done_callback(lambda _: self._done())
        try:
            return await asyncio.wrap_future(fut)
        except BrokenProcessPool as exc:
            self._reset()
            raise _unavailable() from exc

    def _in_thread(self, job: Any, article: Article) -> Any:
        with self._thread_coding:  # the pipeline is not meant to be shared between threads
            return job(self.settings, article)

    def _done(self) -> None:
        """An article left the queue: one waiting request may take its place (any thread)."""
        with self._lock:
            self.pending -= 1
            woken = self._waiters.pop(0) if self._waiters else None
        if woken is not None:
            loop, waiter = woken
            loop.call_soon_threadsafe(_wake, waiter)

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    self.workers, mp_context=multiprocessing.get_context("spawn"),
                    initializer=coding_worker.warm, initargs=(self.settings,))
            return self._executor

    def _reset(self) -> None:
        with self._lock:
            broken, self._executor = self._executor, None
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)

    def worker_pids(self) -> list[int]:
        """Process ids of the live workers (for tests and monitoring)."""
        with self._lock:
            procs = getattr(self._executor, "_processes", None) or {}
            return [p.pid for p in procs.values() if p.pid is not None]

    def close(self) -> None:
        """Stop the workers (the app's shutdown)."""
        with self._lock:
            ex, self._executor = self._executor, None
        if ex is not None:
            ex.shutdown(wait=True, cancel_futures=True)


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


def _unavailable() -> ApiError:
    return ApiError(503, "coder_unavailable", "a coding worker stopped; retry",
                    headers={"Retry-After": str(RETRY_AFTER_S)})
