"""The reduce step of a batch: staged Parquet → DuckDB store → de-duplicated Parquet.

1. Articles new to the store (content hash not stored yet; the first copy when
   the batch holds the same content twice) are inserted with one
   ``INSERT … SELECT … FROM read_parquet(…)``; their mentions are read back.
2. Their mentions go through :meth:`Store.load_coded <marsad.store.store.Store.load_coded>`:
   inserted, grouped into events with the stored mentions they can affect, and
   the changed ``events`` rows recomputed — the same rules and the same groups
   as ``marsad ingest``, whatever the batches.
3. Rejections are inserted (``INSERT OR REPLACE``: rerunning changes nothing).

All of it is one transaction: an interrupted load leaves the store as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.config import Settings

if TYPE_CHECKING:
    from marsad.store.store import Store


@dataclass(slots=True)
class LoadStats:
    articles: int = 0  # new articles stored
    duplicates: int = 0  # articles already stored, or twice in the batch
    mentions: int = 0
    events: int = 0  # event groups made or changed by this batch
    rejections: int = 0


def _glob(staging: Path, table: str) -> str:
    return str(staging / table / "**" / "*.parquet")


def _has_files(staging: Path, table: str) -> bool:
    return any((staging / table).rglob("*.parquet")) if (staging / table).exists() else False


_NEW_ARTICLES = """
CREATE TEMP TABLE batch_articles AS
SELECT * EXCLUDE (filename, file_row_number) FROM read_parquet(?, filename = true, file_row_number = true)
WHERE content_hash NOT IN (SELECT content_hash FROM articles)
QUALIFY row_number() OVER (PARTITION BY content_hash ORDER BY filename, file_row_number) = 1
"""

_NEW_MENTIONS = """
SELECT * EXCLUDE (filename, file_row_number)
FROM read_parquet(?, filename = true, file_row_number = true, hive_partitioning = false)
WHERE content_hash IN (SELECT content_hash FROM batch_articles)
QUALIFY row_number() OVER (PARTITION BY mention_id ORDER BY filename, file_row_number) = 1
ORDER BY content_hash, idx
"""


def _insert_articles(con: Any, staging: Path, stats: LoadStats) -> None:
    if not _has_files(staging, "articles"):
        con.execute("CREATE TEMP TABLE batch_articles AS SELECT * FROM articles LIMIT 0")
        return
    total = con.execute("SELECT count(*) FROM read_parquet(?)", [_glob(staging, "articles")]).fetchone()[0]
    con.execute(_NEW_ARTICLES, [_glob(staging, "articles")])
    con.execute("INSERT INTO articles BY NAME SELECT * FROM batch_articles")
    stats.articles = con.execute("SELECT count(*) FROM batch_articles").fetchone()[0]
    stats.duplicates = total - stats.articles


def _insert_mentions(store: Store, staging: Path, stats: LoadStats) -> None:
    if not _has_files(staging, "mentions"):
        return
    cur = store.con.execute(_NEW_MENTIONS, [_glob(staging, "mentions")])
    cols = [d[0] for d in cur.description]
    ments = [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
    if not ments:
        return
    stats.events = store.load_coded([], ments, [])  # their articles are stored in this transaction
    stats.mentions = len(ments)


def _insert_rejections(con: Any, staging: Path, stats: LoadStats) -> None:
    if not _has_files(staging, "rejections"):
        return
    glob = _glob(staging, "rejections")
    stats.rejections = con.execute("SELECT count(*) FROM read_parquet(?)", [glob]).fetchone()[0]
    con.execute("INSERT OR REPLACE INTO rejections BY NAME SELECT * FROM read_parquet(?) "
                "QUALIFY row_number() OVER (PARTITION BY rejection_id ORDER BY rejected_at) = 1", [glob])


def load_staging(staging: str | Path, db_path: str | Path, settings: Settings | None = None) -> LoadStats:
    """Load a batch's staged Parquet into the store at ``db_path`` (created when missing)."""
    from marsad.store.store import Store

    staging = Path(staging)
    stats = LoadStats()
    with Store(db_path, settings) as store, store.transaction():
        _insert_articles(store.con, staging, stats)
        _insert_mentions(store, staging, stats)
        _insert_rejections(store.con, staging, stats)
        store.con.execute("DROP TABLE IF EXISTS batch_articles")
    return stats


def export_store(db_path: str | Path, out: str | Path, settings: Settings | None = None) -> int:
    """The store's events and mentions as Parquet by year/month under ``out`` (as ``marsad export``),
    and its rejections as ``out/rejections/rejections.parquet``; returns the number of events."""
    from marsad.export.parquet import write_parquet
    from marsad.store.store import Store

    with Store(db_path, settings, read_only=True) as store:
        n = write_parquet(store, out)
        rej = Path(out) / "rejections"
        rej.mkdir(parents=True, exist_ok=True)
        store.con.execute(f"COPY (SELECT * FROM rejections ORDER BY rejection_id) TO '{_sql_path(rej / 'rejections.parquet')}' "
                          "(FORMAT parquet)")
    return n


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
