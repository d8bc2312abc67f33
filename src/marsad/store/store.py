"""The one class in front of DuckDB: ingest, query, export.

* Ingest is idempotent: an article's identity is its content hash; storing it
  again changes nothing.  Each batch is one transaction, so an interrupted
  ingest leaves whole batches and a rerun completes the rest.
* New mentions are grouped into real-world events in the same transaction
  (:mod:`marsad.store.dedup`), together with the stored mentions they can
  affect, so the groups do not depend on the batches; the ``events`` rows of
  changed groups are recomputed from all their mentions, so counts cover the
  whole store.  Bulk loaders use :meth:`Store.load_coded`.  Schema and rules:
  docs/store.md.
* A second writer on the same file gets :class:`StoreLockedError` (DuckDB
  holds a file lock); readers open ``read_only=True``.
* Every query is parameterised; results are typed (:class:`EventRow`,
  :class:`~marsad.store.tension.TensionPoint`).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from datetime import date as Date
from importlib import resources as ilr
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from marsad.config import Settings
from marsad.document import Document
from marsad.errors import StoreError, StoreLockedError
from marsad.ingest.readers import InputRejection
from marsad.store.dedup import MAX_CANDIDATES, Grouper, MentionKey
from marsad.store.groups_sql import REGROUP_SQL, load_affected
from marsad.store.query import EVENT_COLUMNS, ORDERS, EventQuery, EventRow, where_sql
from marsad.store.rows import article_row, export_record, mention_key, mention_rows, rejection_row
from marsad.store.tension import TensionPoint, dyad_timeline

SCHEMA_VERSION = "2"
MAX_MEMORY_MB = 1 << 16  # a bounded ingest's memory limit doubles on demand up to this (64 GB)


@dataclass(slots=True)
class IngestStats:
    articles: int = 0  # new articles stored
    duplicates: int = 0  # already in the store (same content hash)
    events: int = 0  # mentions stored
    rejected: int = 0

    def add(self, other: IngestStats) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _members(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """event_id → its mention ids, from (mention_id, event_id) pairs."""
    out: dict[str, set[str]] = {}
    for mid, eid in pairs:
        out.setdefault(eid, set()).add(mid)
    return {e: frozenset(ms) for e, ms in out.items()}


@dataclass(slots=True)
class _Pending:
    """One input item of an ingest batch, already turned into rows."""

    content_hash: str | None  # None: an input rejection (no article text to hash)
    article: dict[str, Any] | None = None
    mentions: list[dict[str, Any]] = field(default_factory=list)
    rejection: dict[str, Any] | None = None


def _pending(item: Document | InputRejection, now: datetime) -> _Pending:
    if isinstance(item, InputRejection):
        return _Pending(None, rejection=rejection_row(item.source, item.id, item.source, item.code, item.reason, now))
    h = item.article.content_hash
    if item.rejection is not None:
        return _Pending(h, rejection=rejection_row(h, item.article.id, item.article.url or item.article.id,
                                                   item.rejection.code, item.rejection.reason, now))
    return _Pending(h, article_row(item, now, h), mention_rows(item, h))


class Store:
    """A DuckDB file holding articles, mentions, events and rejections."""

    max_candidates = MAX_CANDIDATES  # dated events an undated mention is compared with (dedup)

    def __init__(self, path: str | Path, settings: Settings | None = None, read_only: bool = False) -> None:
        self.path = str(path)
        self.settings = settings or Settings()
        self.read_only = read_only
        self._in_transaction = False
        self._memory_mb = 0  # DuckDB memory limit of the ingest running now (0: none)
        self._shingles: dict[str, array] = {}  # hashed evidence shingles of the last batch's mentions
        try:
            if read_only and self.path != ":memory:" and not Path(self.path).exists():
                raise StoreError(f"{self.path}: no such store; create it with `marsad ingest`")
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreLockedError(f"{self.path} is open for writing by another process; "
                                       "wait for it to finish or open the store read-only") from exc
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        if not read_only:
            self._migrate()

    def _migrate(self) -> None:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]
        if has_meta:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row and row[0] != SCHEMA_VERSION:
                raise StoreError(f"{self.path} has store schema {row[0]}, this Marsad needs {SCHEMA_VERSION}; "
                                 "ingest into a new file")
        sql = ilr.files("marsad.store").joinpath("schema.sql").read_text(encoding="utf-8")
        self.con.execute(sql)
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- ingest
    def ingest(self, items: Iterable[Document | InputRejection], batch_size: int = 2000) -> IngestStats:
        """Store coded documents (and rejections) in transactions of ``batch_size``.

        Each document is turned into its rows as it arrives and then let go, so a batch holds
        rows (a few KB per article), not documents with their tokens (a few hundred KB).
        """
        total = IngestStats()
        batch: list[_Pending] = []
        now = _now()
        with self._bounded():
            for item in items:
                if not batch:
                    now = _now()
                batch.append(_pending(item, now))
                if len(batch) >= batch_size:
                    total.add(self._ingest_bounded(batch))
                    batch = []
            if batch:
                total.add(self._ingest_bounded(batch))
        return total

    @contextmanager
    def _bounded(self) -> Iterator[None]:
        """DuckDB memory and threads bounded for a streaming ingest (``store_memory_mb``,
        ``store_threads``), restored after it.

        Without a limit DuckDB keeps what an ingest touched (up to 80 % of RAM): 30,100 articles
        peaked at 710 MB against 465 MB with 64 MB (bench/README.md).  Bulk loads
        (:meth:`load_coded` alone, as ``marsad batch`` does) are not bounded.
        """
        s = self.settings
        self._memory_mb = s.store_memory_mb
        if s.store_memory_mb > 0:
            self.con.execute(f"SET memory_limit = '{int(s.store_memory_mb)}MB'")
        if s.store_threads > 0:
            self.con.execute(f"SET threads = {int(s.store_threads)}")
        try:
            yield
        finally:
            self.con.execute("RESET memory_limit")
            self.con.execute("RESET threads")

    def _ingest_bounded(self, batch: list[_Pending]) -> IngestStats:
        """One batch; when it needs more than the memory limit, the limit doubles and the batch is
        redone (its transaction was rolled back), so a large store slows down instead of failing."""
        while True:
            try:
                return self._ingest_batch(batch)
            except duckdb.OutOfMemoryException:
                if self._memory_mb <= 0 or self._memory_mb >= MAX_MEMORY_MB:
                    raise
                self._memory_mb *= 2
                self.con.execute(f"SET memory_limit = '{int(self._memory_mb)}MB'")

    def _ingest_batch(self, batch: list[_Pending]) -> IngestStats:
        stats = IngestStats()
        with self.transaction():
            known = self._known_hashes([p.content_hash for p in batch if p.content_hash is not None])
            arts, ments, rejs = [], [], []
            seen: set[str] = set()
            for p in batch:
                h = p.content_hash
                if h is not None:
                    if h in known or h in seen:
                        stats.duplicates += 1
                        continue
                    seen.add(h)
                if p.rejection is not None:
                    rejs.append(p.rejection)
                    continue
                arts.append(p.article)
                ments.extend(p.mentions)
            self.load_coded(arts, ments, rejs)
        stats.articles, stats.events = len(arts), len(ments)
        stats.rejected = len(rejs)
        return stats

    def _known_hashes(self, hashes: list[str]) -> set[str]:
        if not hashes:
            return set()
        return {r[0] for r in self.con.execute(
            "SELECT content_hash FROM articles WHERE content_hash IN (SELECT unnest(?))", [hashes]).fetchall()}

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction around the block: committed at its end, rolled back on any exception
        (Ctrl-C included).  Nested uses join the outer transaction."""
        if self._in_transaction:
            yield
            return
        self.con.execute("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        finally:
            self._in_transaction = False

    def load_coded(self, articles: list[dict[str, Any]], mentions: list[dict[str, Any]],
                   rejections: list[dict[str, Any]]) -> int:
        """Store coded rows in one transaction (the caller's, if one is open) and de-duplicate.

        Rows are dicts keyed by column name: ``articles`` as :func:`~marsad.store.rows.article_row`
        makes them, ``mentions`` as :func:`~marsad.store.rows.mention_rows` (their ``event_id`` is
        filled in here), ``rejections`` as :func:`~marsad.store.rows.rejection_row`.  Articles and
        mentions must be new to the store (the caller skips known content hashes); a mention's
        article is in ``articles`` or stored before the call, in the same transaction or earlier.
        Rejections replace stored ones with the same id.  The new mentions are grouped with the
        stored ones they can affect, those are regrouped, and the ``events`` rows of every group
        whose members changed are recomputed: the groups are the same whatever the batches.
        Returns the number of event groups made or changed.
        """
        with self.transaction():
            con = self.con
            if articles:
                tbl = pa.Table.from_pylist(articles)  # noqa: F841 - read by DuckDB by name
                con.execute("INSERT INTO articles BY NAME SELECT * FROM tbl")
            if rejections:
                rtbl = pa.Table.from_pylist(rejections)  # noqa: F841
                con.execute("INSERT OR REPLACE INTO rejections BY NAME SELECT * FROM rtbl")
            return self._add_mentions(mentions) if mentions else 0

    def _keep_shingles(self, shingled: dict[str, array], loaded: list[MentionKey]) -> None:
        """Keep the hashed shingles of this batch's mentions: the next batch reloads most of them."""
        old = self._shingles
        keep = {k.mention_id: old[k.mention_id] for k in loaded if k.mention_id in old}
        keep.update(shingled)
        self._shingles = keep

    def _add_mentions(self, ments: list[dict[str, Any]]) -> int:
        """Insert new mention rows, regroup what they affect, recompute changed events rows."""
        con, window = self.con, self.settings.dedup_window_days
        keys = [mention_key(m) for m in ments]
        grouper = Grouper(window, max_candidates=self.max_candidates, cache=self._shingles)
        stored = load_affected(con, keys, window, grouper.max_candidates)
        ids = grouper.group([k for k, _ in stored] + keys, {k.mention_id: eid for k, eid in stored})
        self._keep_shingles(grouper.shingled, [k for k, _ in stored])
        for m in ments:
            m["event_id"] = ids[m["mention_id"]]
        mtbl = pa.Table.from_pylist(ments)  # noqa: F841 - read by DuckDB by name
        con.execute("INSERT INTO mentions BY NAME SELECT * FROM mtbl")
        moved = [(k.mention_id, ids[k.mention_id]) for k, eid in stored if ids[k.mention_id] != eid]
        if moved:
            utbl = pa.table(list(zip(*moved, strict=True)), names=["mention_id", "event_id"])  # noqa: F841
            con.execute("UPDATE mentions SET event_id = utbl.event_id FROM utbl "
                        "WHERE mentions.mention_id = utbl.mention_id")
        before = _members((k.mention_id, eid) for k, eid in stored)
        after = _members(ids.items())
        changed = sorted(e for e, members in after.items() if before.get(e) != members)
        gone = [e for e, members in before.items() if after.get(e) != members]
        con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?))", [sorted(set(gone + changed))])
        if changed:
            con.execute(REGROUP_SQL, [changed])
        return len(changed)

    # ---------------------------------------------------------------- queries
    def where_sql(self, q: EventQuery) -> tuple[str, list[Any]]:
        """The ``WHERE`` clause (``""`` when no filter) and its parameters for ``q`` over ``events``."""
        return where_sql(q)

    def events(self, q: EventQuery | None = None) -> list[EventRow]:
        q = q or EventQuery()
        where, params = self.where_sql(q)
        order = ORDERS.get(q.order, ORDERS["date_desc"])
        sql = (f"SELECT {', '.join(EVENT_COLUMNS)} FROM events{where} ORDER BY {order} "
               f"LIMIT ? OFFSET ?")
        rows = self.con.execute(sql, params + [max(0, int(q.limit)), max(0, int(q.offset))]).fetchall()
        return [EventRow(*r) for r in rows]

    def count_events(self, q: EventQuery | None = None) -> int:
        where, params = self.where_sql(q or EventQuery())
        return int(self.con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0])

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "mentions", "events", "rejections"):
            out[table] = int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return out

    def event_records(self, q: EventQuery | None = None, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """Store events as export records (first mention's evidence and article)."""
        q = q or EventQuery(limit=1 << 62)
        where, params = self.where_sql(q)
        sql = f"""
            SELECT e.*, m.trigger_text, m.trigger_start, m.trigger_end, m.evidence_start, m.evidence_end,
                   m.source_text, m.target_text, m.reported_by, m.quantities, m.sentence,
                   a.article_id, a.url, a.outlet, a.title, a.pub_date
            FROM (SELECT * FROM events{where}) e
            JOIN mentions m ON m.event_id = e.event_id AND m.content_hash = e.first_hash
            JOIN articles a ON a.content_hash = e.first_hash
            QUALIFY row_number() OVER (PARTITION BY e.event_id ORDER BY m.idx) = 1
            ORDER BY e.date NULLS LAST, e.event_id"""
        cur = self.con.execute(sql, params)
        cols = [d[0] for d in cur.description]
        while True:
            rows = cur.fetchmany(batch)
            if not rows:
                break
            for r in rows:
                yield export_record(dict(zip(cols, r, strict=True)))

    def tension(self, a: str, b: str, by: str = "week", since: Date | None = None, until: Date | None = None,
                directed: bool = False) -> list[TensionPoint]:
        """Tension index of the dyad (a, b) per day/week/month (see :mod:`marsad.store.tension`)."""
        return dyad_timeline(self.con, a, b, by, since, until, directed)

    def mention_records(self, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """Every stored mention with its event and article fields (for the GDELT mentions table)."""
        sql = """
            SELECT m.event_id, e.first_seen AS event_first_seen, a.ingested_at, a.pub_date, a.outlet, a.url,
                   a.article_id, length(a.text) AS doc_len, m.sentence, m.source_start, m.target_start,
                   m.target_code, m.trigger_start, m.confidence, m.mention_id
            FROM mentions m JOIN events e USING (event_id) JOIN articles a USING (content_hash)
            ORDER BY e.date NULLS LAST, m.event_id, a.ingested_at, m.mention_id"""
        cur = self.con.execute(sql)
        cols = [d[0] for d in cur.description]
        while rows := cur.fetchmany(batch):
            for r in rows:
                yield dict(zip(cols, r, strict=True))
