"""Concurrent readers do not block each other; slow queries hit the time limit with a JSON 504."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from marsad.api.db import RWLock, StoreAccess
from marsad.api.errors import ApiError
from marsad.config import Settings

SLOW_SQL = "SELECT count(*) FROM range(100000000) a(i), range(1000) b(j) WHERE (i + j) % 7 = 3"  # ~1e11 rows


def test_readers_run_in_parallel(api_store):
    access = StoreAccess(Settings(db_path=str(api_store)))
    inside, peak, lock = [0], [0], threading.Lock()

    def read(_: int) -> int:
        with access.reader() as s:
            with lock:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            time.sleep(0.2)  # hold the reader open while others enter
            n = s.counts()["events"]
            with lock:
                inside[0] -= 1
        return n

    start = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        counts = list(pool.map(read, range(8)))
    elapsed = time.perf_counter() - start
    access.close()
    assert len(set(counts)) == 1
    assert peak[0] >= 4 and elapsed < 1.5  # 8 × 0.2 s serialised would take 1.6 s


def test_query_timeout_is_504(api_store):
    access = StoreAccess(Settings(db_path=str(api_store), query_timeout_ms=100))
    start = time.perf_counter()
    with pytest.raises(ApiError) as err, access.reader() as s:
        s.con.execute(SLOW_SQL).fetchall()
    access.close()
    assert err.value.status == 504 and err.value.code == "query_timeout"
    assert time.perf_counter() - start < 5


def test_rwlock_writer_waits_for_readers_and_excludes_them():
    lock, order = RWLock(), []
    with lock.read():
        t = threading.Thread(target=lambda: (lock.write().__enter__(), order.append("w")))
        t.start()
        time.sleep(0.05)
        order.append("r-done")
    t.join(1)
    assert order == ["r-done", "w"]
