"""Cache misses: computed once for concurrent requests of the same key, in the read threads only."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from marsad.api.db import StoreAccess
from marsad.api.errors import ApiError
from marsad.config import Settings


def _access(tmp_path, threads: int = 2) -> StoreAccess:
    return StoreAccess(Settings(db_path=str(tmp_path / "none.duckdb"), api_read_threads=threads))


def test_concurrent_misses_of_one_key_are_computed_once(tmp_path):
    access, calls = _access(tmp_path), []

    def compute() -> bytes:
        calls.append(threading.get_ident())
        time.sleep(0.1)
        return b'{"x": 1}'

    async def main() -> list[bytes]:
        return await asyncio.gather(*(access.computed("k", compute) for _ in range(10)))

    assert asyncio.run(main()) == [b'{"x": 1}'] * 10
    assert len(calls) == 1 and access.cache_get("k") == b'{"x": 1}' and not access._inflight


def test_an_error_reaches_every_waiting_request_and_is_not_cached(tmp_path):
    access, calls = _access(tmp_path), []

    def compute() -> bytes:
        calls.append(1)
        time.sleep(0.05)
        raise ApiError(404, "not_found", "no such thing")

    async def main() -> list[object]:
        return await asyncio.gather(*(access.computed("k", compute) for _ in range(3)), return_exceptions=True)

    out = asyncio.run(main())
    assert len(calls) == 1 and all(isinstance(e, ApiError) and e.status == 404 for e in out)
    assert access.cache_get("k") is None and not access._inflight


@pytest.mark.parametrize("threads", [1, 3])
def test_misses_run_in_at_most_api_read_threads(tmp_path, threads):
    access, inside, peak, lock = _access(tmp_path, threads), [0], [0], threading.Lock()

    def compute() -> bytes:
        with lock:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.05)
        with lock:
            inside[0] -= 1
        return b"{}"

    async def main() -> None:
        await asyncio.gather(*(access.computed(f"k{i}", compute) for i in range(8)))

    asyncio.run(main())
    assert peak[0] == threads


def test_a_miss_computed_across_a_write_is_not_cached(tmp_path):
    access = _access(tmp_path)

    def compute() -> bytes:
        access.clear_cache()  # as if POST /api/ingest stored an article while this query ran
        return b"stale"

    assert asyncio.run(access.computed("k", compute)) == b"stale"
    assert access.cache_get("k") is None


def test_waiting_requests_compute_it_once_when_the_first_one_is_cancelled(tmp_path):
    access, calls = _access(tmp_path), []

    def compute() -> bytes:
        calls.append(1)
        time.sleep(0.1)
        return b"{}"

    async def main() -> list[object]:
        first = asyncio.ensure_future(access.computed("k", compute))
        await asyncio.sleep(0.01)
        others = [asyncio.ensure_future(access.computed("k", compute)) for _ in range(3)]
        await asyncio.sleep(0.01)
        first.cancel()
        return await asyncio.gather(first, *others, return_exceptions=True)

    out = asyncio.run(main())
    assert isinstance(out[0], asyncio.CancelledError) and out[1:] == [b"{}"] * 3
    assert len(calls) == 2 and not access._inflight  # the cancelled one's query, then one more
