"""Parquet export of the store, partitioned by year and month (Hive layout).

``OUT/events/year=2024/month=3/part-0.parquet`` and ``OUT/mentions/...``: the
layout DuckDB (``read_parquet('OUT/events/**/*.parquet', hive_partitioning=true)``),
pandas/pyarrow (``pd.read_parquet('OUT/events')``), Spark and Dask read as one
table with ``year`` and ``month`` columns.  An event is filed under its date,
else its first article's publication date, else the day it was first seen; its
mentions are filed with it.  Types are plain (int32/int64/double/string/date/
timestamp[us]) so that every reader accepts them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.dataset as ds

from marsad.errors import InputError

if TYPE_CHECKING:
    from marsad.store.store import Store

_EVENT_DAY = "coalesce(e.date, fa.pub_date, CAST(e.first_seen AS DATE))"

EVENTS_SQL = f"""
SELECT e.* REPLACE (CAST(e.quad AS INTEGER) AS quad),
       fa.url AS source_url, fa.outlet AS first_outlet, fa.article_id AS first_article_id,
       CAST(year({_EVENT_DAY}) AS INTEGER) AS year, CAST(month({_EVENT_DAY}) AS INTEGER) AS month
FROM events e JOIN articles fa ON fa.content_hash = e.first_hash
ORDER BY year, month, e.date NULLS LAST, e.event_id
"""

MENTIONS_SQL = f"""
SELECT m.* REPLACE (CAST(m.quad AS INTEGER) AS quad),
       a.article_id, a.url, a.outlet, a.pub_date, a.ingested_at,
       CAST(year({_EVENT_DAY}) AS INTEGER) AS year, CAST(month({_EVENT_DAY}) AS INTEGER) AS month
FROM mentions m JOIN events e USING (event_id) JOIN articles a ON a.content_hash = m.content_hash
JOIN articles fa ON fa.content_hash = e.first_hash
ORDER BY year, month, m.event_id, m.mention_id
"""


def _check_empty(path: Path) -> None:
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise InputError(f"{path} exists and is not an empty folder; choose a new folder for the Parquet export")


def write_parquet(store: Store, out_dir: str | Path) -> int:
    """Write ``events`` and ``mentions`` under ``out_dir``; return the number of events."""
    out = Path(out_dir)
    for sub in ("events", "mentions"):
        _check_empty(out / sub)
    for sub, sql in (("events", EVENTS_SQL), ("mentions", MENTIONS_SQL)):
        cur = store.con.cursor()  # its own result stream, next to the store's connection
        reader = cur.sql(sql).to_arrow_reader(50_000)
        ds.write_dataset(reader, out / sub, format="parquet", partitioning=["year", "month"],
                         partitioning_flavor="hive", existing_data_behavior="overwrite_or_ignore",
                         basename_template="part-{i}.parquet", max_rows_per_file=1_048_576, max_rows_per_group=131_072)
        cur.close()
    return int(store.con.execute("SELECT count(*) FROM events").fetchone()[0])
