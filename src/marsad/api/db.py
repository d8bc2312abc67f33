"""Store access for the API: many concurrent readers, an occasional writer, query time limits.

* One read-only DuckDB database instance is kept open for the life of the app.  Readers take
  a connection to it from a small pool (``base.cursor()``; reused, not opened per request),
  so concurrent readers run in parallel without blocking and a cached-miss request pays no
  connect/close.
* ``POST /api/ingest`` needs the file read-write.  DuckDB does not allow a read-only
  and a read-write instance of one file in one process, so :meth:`StoreAccess.writer`
  waits for in-flight readers, closes the read-only instance (and the pool), opens the
  store read-write for that one request and then reopens it read-only.  Readers wait
  meanwhile (a readers-writer lock).  Another process writing the file (``marsad
  ingest``) holds DuckDB's exclusive lock: the API then answers 503 until it is done.
* Every reader query runs under ``query_timeout_ms``: one watchdog thread interrupts the
  connection of a reader that outlives it (a connection that was interrupted is closed,
  not pooled again), and the request ends with a 504 JSON error.
* Read results are cached by endpoint and query string (LRU, at most ``CACHE_BYTES`` of
  response bodies).  The cache is exact: nothing else can write the file while the API
  holds it open read-only, and an ingest through the API clears it.
* A miss is computed (query, response model, JSON) by :meth:`StoreAccess.computed` in one of
  ``api_read_threads`` threads of its own, apart from the thread pool that the write
  endpoints use: a burst of misses queues for those threads instead of starting dozens of
  threads that fight for the GIL, and each running miss finishes sooner.  Concurrent misses
  for the same key are computed once; the others wait for that result (single flight).
* Requests that must give the same body (the same filters in another order, a dyad ``A,B`` and
  ``B,A``) share one *canonical* key: a miss is computed once under it and its body is also
  kept under the request's own key, so the next identical request is a hit before routing.
  Parts that differing bodies share (a dyad's timeline points) are kept by :meth:`memo`.
"""

from __future__ import annotations

import asyncio
import copy
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import duckdb

from marsad.api.errors import ApiError
from marsad.config import Settings
from marsad.errors import StoreError, StoreLockedError
from marsad.store.store import Store

CACHE_BYTES = 64 << 20  # response bodies kept in the read cache
POOL_SIZE = 16  # idle reader connections kept open


@dataclass(slots=True, eq=False)
class _Ticket:
    deadline: float
    con: Any
    fired: bool = False


class Watchdog:
    """One thread that interrupts connections whose query runs past its deadline.

    The thread wakes every ``tick`` seconds while tickets are armed (no thread per request,
    no wake-up per request), so a query is interrupted between its deadline and ``tick``
    seconds later.
    """

    def __init__(self, tick: float) -> None:
        self.tick = tick
        self._cond = threading.Condition()
        self._armed: list[_Ticket] = []
        self._thread: threading.Thread | None = None

    def arm(self, con: Any, seconds: float) -> _Ticket:
        ticket = _Ticket(time.monotonic() + seconds, con)
        with self._cond:
            self._armed.append(ticket)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="marsad-query-watchdog", daemon=True)
                self._thread.start()
        return ticket

    def disarm(self, ticket: _Ticket) -> bool:
        """Stop watching; True when the query was interrupted."""
        with self._cond:
            if not ticket.fired:
                self._armed.remove(ticket)
            return ticket.fired

    def _run(self) -> None:
        with self._cond:
            while self._thread is threading.current_thread():
                now = time.monotonic()
                for t in [t for t in self._armed if t.deadline <= now]:
                    t.fired = True
                    t.con.interrupt()
                    self._armed.remove(t)
                self._cond.wait(self.tick)

    def close(self) -> None:
        with self._cond:
            thread, self._thread = self._thread, None
            self._cond.notify_all()
        if thread is not None and thread is not threading.current_thread():
            thread.join(5)




class RWLock:
    """Many readers or one writer; a waiting writer stops new readers from entering."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._waiting_writers = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._waiting_writers:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._waiting_writers += 1
            while self._writer or self._readers:
                self._cond.wait()
            self._waiting_writers -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


def _store_error(exc: StoreError) -> ApiError:
    if isinstance(exc, StoreLockedError):
        return ApiError(503, "store_locked", "the store is being written by another process; retry later")
    return ApiError(503, "store_unavailable", str(exc))


class StoreAccess:
    """Opens the store for the API's requests (see the module docstring)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.path = settings.db_path
        self.lock = RWLock()
        self.timeout_s = max(1, settings.query_timeout_ms) / 1000
        self.watchdog = Watchdog(tick=min(0.5, self.timeout_s / 4))
        self._base: Store | None = None
        self._idle: list[Any] = []
        self._base_lock = threading.Lock()
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._cache_bytes = 0
        self._cache_lock = threading.Lock()
        self.read_threads = max(1, settings.api_read_threads)
        self._read_limiter: anyio.CapacityLimiter | None = None  # made in the event loop, on first use
        self._inflight: dict[Hashable, asyncio.Future[bytes]] = {}  # touched by the event loop only
        self._generation = 0  # +1 on every cache clear (a write): a miss computed before it is not kept

    async def computed(self, key: Hashable, compute: Callable[[], bytes], alias: Hashable | None = None) -> bytes:
        """The response body for ``key``: computed by ``compute`` in a read thread and cached, or the
        result of the same computation already in flight for another request (single flight).
        ``alias`` (the request's own key when ``key`` is a canonical one) gets the body too."""
        while (running := self._inflight.get(key)) is not None:
            try:
                body = await asyncio.shield(running)
                if alias is not None:
                    self.cache_alias(alias, key)
                return body
            except asyncio.CancelledError:
                if not running.cancelled():
                    raise  # this request was cancelled
                # the request computing it was cancelled: look again, compute it here if nobody does
        if self._read_limiter is None:
            self._read_limiter = anyio.CapacityLimiter(self.read_threads)
        fut: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
        self._inflight[key] = fut
        generation = self._generation
        try:
            body = await anyio.to_thread.run_sync(compute, limiter=self._read_limiter)
            # not kept when an ingest cleared the cache meanwhile (the generation changed)
            if self.cache_put(key, body, generation) and alias is not None:
                self.cache_alias(alias, key)
        except asyncio.CancelledError:
            fut.cancel()
            raise
        except BaseException as exc:
            fut.set_exception(exc)
            fut.exception()  # retrieved: no "never retrieved" warning when nobody else waited
            raise
        else:
            fut.set_result(body)
            return body
        finally:
            if self._inflight.get(key) is fut:
                del self._inflight[key]

    def cache_get(self, key: Hashable) -> Any:
        """The cached value for ``key`` or None (LRU: a hit becomes the most recent entry)."""
        with self._cache_lock:
            value = self._cache.get(key)
            if value is not None:
                self._cache.move_to_end(key)
            return value

    def cache_alias(self, alias: Hashable, key: Hashable) -> Any:
        """The cached body of ``key``, now also cached under ``alias``; None when ``key`` is not cached.
        (One step under the lock, so a write that clears the cache cannot fall in between.)"""
        with self._cache_lock:
            value = self._cache.get(key)
            if value is None:
                return None
            self._cache.move_to_end(key)
            if alias != key and alias not in self._cache:
                self._cache[alias] = value
                self._cache_bytes += len(value)
                self._evict()
            return value

    def memo(self, key: Hashable, compute: Callable[[], bytes]) -> bytes:
        """Bytes shared by misses whose bodies differ (e.g. the points of dyad ``A,B`` for both
        ``a=A&b=B`` and ``a=B&b=A``): computed by ``compute`` in the calling read thread unless
        cached, and kept in the response cache (within its byte bound) until the store changes.
        ``key`` must not look like a request's key (path, query string)."""
        with self._cache_lock:
            generation = self._generation
        value = self.cache_get(key)
        if value is None:
            value = compute()
            self.cache_put(key, value, generation)
        return value

    def cache_put(self, key: Hashable, value: bytes, generation: int | None = None) -> bool:
        """Keep ``value``; not when ``generation`` is given and a write cleared the cache since."""
        with self._cache_lock:
            if generation is not None and generation != self._generation:
                return False
            old = self._cache.pop(key, None)
            self._cache_bytes += len(value) - (len(old) if old is not None else 0)
            self._cache[key] = value
            self._evict()
        return True

    def _evict(self) -> None:
        """Drop the least recently used bodies over ``CACHE_BYTES`` (caller holds ``_cache_lock``)."""
        while self._cache_bytes > CACHE_BYTES and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._cache_bytes -= len(dropped)

    def clear_cache(self) -> None:
        with self._cache_lock:
            self._cache.clear()
            self._cache_bytes = 0
            self._generation += 1

    def _take(self) -> tuple[Store, Any]:
        """A Store view on a pooled read-only connection (opening the database on first use)."""
        with self._base_lock:
            if self._base is None:
                try:
                    self._base = Store(self.path, self.settings, read_only=True)
                except StoreError as exc:
                    raise _store_error(exc) from exc
            con = self._idle.pop() if self._idle else self._base.con.cursor()
            view = copy.copy(self._base)  # the Store's methods over this request's own connection
        view.con = con
        return view, con

    def _give(self, con: Any, reuse: bool) -> None:
        with self._base_lock:
            if reuse and self._base is not None and len(self._idle) < POOL_SIZE:
                self._idle.append(con)
                return
        con.close()

    def close(self) -> None:
        """Close the pool and the read-only instance (reopened by the next reader)."""
        with self._base_lock:
            idle, self._idle = self._idle, []
            base, self._base = self._base, None
        for con in idle:
            con.close()
        if base is not None:
            base.close()

    def shutdown(self) -> None:
        """Close everything, the watchdog thread too (the app's shutdown)."""
        self.close()
        self.watchdog.close()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only Store on a pooled connection, interrupted after ``query_timeout_ms``."""
        with self.lock.read():
            store, con = self._take()
            ticket = self.watchdog.arm(con, self.timeout_s)
            try:
                yield store
            except duckdb.InterruptException as exc:
                raise ApiError(504, "query_timeout",
                               f"query took longer than {self.settings.query_timeout_ms} ms") from exc
            finally:
                fired = self.watchdog.disarm(ticket)
                self._give(con, reuse=not fired)

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store opened read-write for one request (readers wait)."""
        with self.lock.write():
            self.close()
            try:
                store = Store(self.path, self.settings, read_only=False)
            except StoreLockedError as exc:
                raise ApiError(409, "store_locked",
                               "the store is open for writing by another process; retry later") from exc
            except StoreError as exc:
                raise _store_error(exc) from exc
            try:
                yield store
            finally:
                store.close()
                self.clear_cache()

    def exists(self) -> bool:
        return Path(self.path).exists()
