"""``marsad batch``: code many articles on a Dask cluster, de-duplicate, write Parquet and DuckDB.

Steps (needs ``pip install marsad[batch]``):

1. **Partition** the input (:mod:`marsad.batch.partition`): big JSONL files by
   line ranges, other files one each.
2. **Map**: every partition is coded on a worker with the pipeline loaded once
   per worker and written as staged Parquet (:mod:`marsad.batch.code`).  A
   partition whose task fails (a crashed worker, …) is retried ``retries``
   times; one that still fails is reported, and the rest of the batch goes on.
3. **Reduce**: the staged Parquet is loaded into DuckDB (``--db``, which
   keeps what it held: a rerun adds nothing twice; else ``OUT/marsad.duckdb``,
   made anew by every run) and de-duplicated across the whole batch
   (:mod:`marsad.batch.load`), then ``OUT/events`` and ``OUT/mentions`` are
   written by year/month (the layout of ``marsad export --format parquet``) with
   ``OUT/rejections/rejections.parquet``.

Without a scheduler address a ``LocalCluster`` is started (``workers``
processes, one thread each); with one (``tcp://host:8786``) the batch runs on
that cluster — Kubernetes, Slurm, cloud — whose workers must see ``OUT`` and
the inputs at the same paths (a shared file system or object store mount).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from marsad.batch.code import PartitionResult, code_partition
from marsad.batch.load import LoadStats, export_store, load_staging
from marsad.batch.partition import Partition, plan_partitions
from marsad.config import Settings
from marsad.errors import ConfigError, InputError


@dataclass(slots=True)
class BatchReport:
    partitions: int = 0
    failed: list[str] = field(default_factory=list)  # partitions that failed after their retries
    articles: int = 0
    coded: int = 0
    rejected: int = 0
    mentions: int = 0
    events: int = 0  # events in the store after de-duplication
    workers: int = 0
    cluster_seconds: float = 0.0  # planning and starting (or connecting to) the cluster
    map_seconds: float = 0.0  # coding and staging, from the first task submitted to the last done
    load_seconds: float = 0.0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    load: LoadStats | None = None
    db: str = ""

    def summary(self) -> str:
        rate = self.articles / self.map_seconds if self.map_seconds else 0.0
        failed = f", {len(self.failed)} FAILED" if self.failed else ""
        return (f"batch: {self.articles} articles in {self.partitions} partitions{failed} on {self.workers} "
                f"workers: {self.coded} coded, {self.rejected} rejected, {self.mentions} event mentions; "
                f"map {self.map_seconds:.1f} s ({rate:.0f} articles/s), load+dedup {self.load_seconds:.1f} s; "
                f"store {self.db} holds {self.events} events")


def _need_dask() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ConfigError("marsad batch needs Dask: pip install 'marsad[batch]'") from exc
    return distributed


@contextmanager
def dask_client(scheduler: str | None, workers: int | None, processes: bool = True) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, or of a new LocalCluster of ``workers`` workers."""
    distributed = _need_dask()
    if scheduler:
        with distributed.Client(scheduler) as client:
            yield client
        return
    n = workers or 1
    with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=processes,
                                  dashboard_address=":0", silence_logs=40) as cluster:
        with distributed.Client(cluster) as client:
            yield client


def _prepare_out(out: Path) -> Path:
    """Create ``out`` and clear what an earlier batch left in it (staging, events, mentions, rejections)."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file; --out needs a folder")
    for sub in ("staging", "events", "mentions", "rejections"):
        shutil.rmtree(out / sub, ignore_errors=True)
    (out / "staging").mkdir(parents=True, exist_ok=True)
    return out / "staging"


def map_partitions(client: Any, parts: list[Partition], staging: Path, settings: Settings,
                   default_date: date | None, retries: int,
                   on_done: Callable[[PartitionResult], None] | None = None) -> tuple[list[PartitionResult], list[str]]:
    """Code every partition on the cluster; (results, descriptions of failed partitions)."""
    distributed = _need_dask()
    futures = client.map(code_partition, parts, out_dir=str(staging), settings=settings,
                         default_date=default_date, retries=retries, pure=False)
    by_key = {f.key: p for f, p in zip(futures, parts, strict=True)}
    results, failed = [], []
    for fut in distributed.as_completed(futures):
        if fut.status == "finished":
            res = fut.result()
            results.append(res)
            if on_done:
                on_done(res)
        else:
            exc = fut.exception()
            failed.append(f"{by_key[fut.key].describe()}: {type(exc).__name__}: {exc}")
        fut.release()
    return sorted(results, key=lambda r: r.index), failed


def run_batch(inputs: list[str], out: str | Path, settings: Settings | None = None, *,
              scheduler: str | None = None, workers: int | None = None, db: str | Path | None = None,
              lines_per_partition: int = 1000, retries: int = 2, default_date: date | None = None,
              processes: bool = True, export: bool = True,
              on_done: Callable[[PartitionResult], None] | None = None) -> BatchReport:
    """Run a whole batch (see the module docstring) and return its report."""
    settings = settings or Settings()
    start = time.perf_counter()
    out = Path(out)
    parts = plan_partitions(inputs, lines_per_partition)
    staging = _prepare_out(out)
    if db is None:  # the batch's own store: made anew by every run
        db = out / "marsad.duckdb"
        for stale in (db, db.with_name(db.name + ".wal")):
            stale.unlink(missing_ok=True)
    report = BatchReport(partitions=len(parts), db=str(db))
    with dask_client(scheduler, workers, processes) as client:
        report.workers = len(client.scheduler_info().get("workers", {}))
        t = time.perf_counter()
        report.cluster_seconds = t - start
        results, report.failed = map_partitions(client, parts, staging, settings, default_date, retries, on_done)
        report.map_seconds = time.perf_counter() - t
    for r in results:
        report.articles += r.articles
        report.coded += r.coded
        report.rejected += r.rejected
        report.mentions += r.events
        report.cpu_seconds += r.cpu_seconds
    t = time.perf_counter()
    report.load = load_staging(staging, report.db, settings)
    if export:
        report.events = export_store(report.db, out, settings)
    else:
        report.events = _count_events(report.db, settings)
    report.load_seconds = time.perf_counter() - t
    report.seconds = time.perf_counter() - start
    return report


def _count_events(db: str, settings: Settings) -> int:
    from marsad.store.store import Store

    with Store(db, settings, read_only=True) as store:
        return store.counts()["events"]
