"""Store access for the API: many concurrent readers, an occasional writer, query time limits.

* One read-only DuckDB database instance is kept open for the life of the app; each
  request gets its own connection to it (``Store(path, read_only=True)`` reuses the
  process-wide instance), so concurrent readers run in parallel without blocking.
* ``POST /api/ingest`` needs the file read-write.  DuckDB does not allow a read-only
  and a read-write instance of one file in one process, so :meth:`StoreAccess.writer`
  waits for in-flight readers, closes the read-only instance, opens the store
  read-write for that one request and then reopens it read-only.  Readers wait
  meanwhile (a readers-writer lock).  Another process writing the file (``marsad
  ingest``) holds DuckDB's exclusive lock: the API then answers 503 until it is done.
* Every reader query runs under ``query_timeout_ms``: a timer interrupts the
  connection and the request ends with a 504 JSON error.
* Read results are cached (LRU, ``CACHE_SIZE`` entries) by endpoint and query string.  The
  cache is exact: nothing else can write the file while the API holds it open read-only, and
  an ingest through the API clears it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from marsad.api.errors import ApiError
from marsad.config import Settings
from marsad.errors import StoreError, StoreLockedError
from marsad.store.store import Store

CACHE_SIZE = 2048


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
        self._base: Store | None = None
        self._base_lock = threading.Lock()
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._cache_lock = threading.Lock()

    def cache_get(self, key: Hashable) -> Any:
        """The cached value for ``key`` or None (LRU: a hit becomes the most recent entry)."""
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        return None

    def cache_put(self, key: Hashable, value: Any) -> Any:
        with self._cache_lock:
            self._cache[key] = value
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return value

    def clear_cache(self) -> None:
        with self._cache_lock:
            self._cache.clear()

    def _ensure_base(self) -> None:
        with self._base_lock:
            if self._base is None:
                try:
                    self._base = Store(self.path, self.settings, read_only=True)
                except StoreError as exc:
                    raise _store_error(exc) from exc

    def close(self) -> None:
        with self._base_lock:
            if self._base is not None:
                self._base.close()
                self._base = None

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only Store on its own connection, interrupted after ``query_timeout_ms``."""
        with self.lock.read():
            self._ensure_base()
            try:
                store = Store(self.path, self.settings, read_only=True)
            except StoreError as exc:
                raise _store_error(exc) from exc
            timer = threading.Timer(max(1, self.settings.query_timeout_ms) / 1000, store.con.interrupt)
            timer.daemon = True
            timer.start()
            try:
                yield store
            except duckdb.InterruptException as exc:
                raise ApiError(504, "query_timeout",
                               f"query took longer than {self.settings.query_timeout_ms} ms") from exc
            finally:
                timer.cancel()
                store.close()

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
