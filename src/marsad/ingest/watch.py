"""``marsad watch DIR``: ingest files as they arrive, each exactly once, across restarts.

Every input file in the folder (recursively; hidden and partial downloads
``*.tmp``/``*.part``/``*.partial``/``*.crdownload`` left out) is ingested when it
is *settled*: its size and modification time are unchanged since the previous
look and at least ``settle`` seconds old — a file still being written waits.

The table ``watched_files`` in the store (path, size, mtime, SHA-256 of the
content, counts, time) records what was ingested:

* same path, size and mtime → skipped without reading it;
* same content under another name or a new mtime → recorded, not ingested again;
* changed content (e.g. lines appended to a JSONL file) → ingested again, and
  the store's content-hash identity keeps the articles it already has.

The state row is written after the file's articles are committed, so a crash
in between re-reads the file on restart and the store's idempotence makes the
second pass a no-op: every article is stored exactly once.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from marsad.config import Settings
from marsad.errors import InputError
from marsad.ingest.readers import InputRejection, Item, list_files, read_path

PARTIAL = (".tmp", ".part", ".partial", ".crdownload", ".swp", "~")
STATE_SQL = """
CREATE TABLE IF NOT EXISTS watched_files (
    path VARCHAR PRIMARY KEY,
    size BIGINT NOT NULL,
    mtime_ns BIGINT NOT NULL,
    sha256 VARCHAR NOT NULL,
    articles INTEGER NOT NULL,           -- new articles stored from this file
    duplicates INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    ingested_at TIMESTAMP NOT NULL
)
"""


@dataclass(slots=True)
class FileResult:
    path: str
    status: str  # "ingested", "same_content" or "failed"
    articles: int = 0
    duplicates: int = 0
    rejected: int = 0
    events: int = 0
    error: str = ""

    def line(self) -> str:
        if self.status == "ingested":
            return (f"{self.path}: {self.articles} new articles ({self.duplicates} already stored, "
                    f"{self.rejected} rejected), {self.events} event mentions")
        if self.status == "same_content":
            return f"{self.path}: same content as a file already ingested; skipped"
        return f"{self.path}: FAILED: {self.error}"


@dataclass(slots=True)
class Watcher:
    """Scans ``folder`` and ingests settled new files into the store ``settings.db_path``."""

    folder: Path
    settings: Settings = field(default_factory=Settings)
    settle: float = 1.0
    code: Callable[[Item], Any] | None = None  # Article → Document (default: a Coder loaded once)
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)  # path → (size, mtime_ns) at the last look

    def __post_init__(self) -> None:
        if not self.folder.is_dir():
            raise InputError(f"{self.folder}: not a folder")
        if self.code is None:
            from marsad.api_lib import Coder

            self.code = Coder(self.settings).code_article

    def _candidates(self) -> list[tuple[Path, int, int]]:
        out = []
        for p in list_files(self.folder):
            if p.name.lower().endswith(PARTIAL):
                continue
            try:
                st = p.stat()
            except OSError:
                continue  # vanished between listing and stat
            out.append((p, st.st_size, st.st_mtime_ns))
        return out

    def _settled(self, p: Path, size: int, mtime: int, now_ns: int) -> bool:
        key = str(p)
        before = self.seen.get(key)
        self.seen[key] = (size, mtime)
        return before == (size, mtime) and now_ns - mtime >= self.settle * 1e9

    def scan(self) -> tuple[list[FileResult], int]:
        """One look: ingest every settled new file; (results, number of files still waiting)."""
        from marsad.store.store import Store

        now_ns = time.time_ns()
        results: list[FileResult] = []
        waiting = 0
        todo: list[tuple[Path, int, int]] = []
        candidates = self._candidates()
        present = {str(p) for p, _, _ in candidates}
        for gone in [k for k in self.seen if k not in present]:  # deleted or moved away: forget
            del self.seen[gone]
        for p, size, mtime in candidates:
            if self._settled(p, size, mtime, now_ns):
                todo.append((p, size, mtime))
            else:
                waiting += 1
        if not todo:
            return results, waiting
        with Store(self.settings.db_path, self.settings) as store:
            store.con.execute(STATE_SQL)
            for p, size, mtime in todo:
                res = self._maybe_ingest(store, p, size, mtime)
                if res is not None:
                    results.append(res)
        return results, waiting

    def _maybe_ingest(self, store: Any, p: Path, size: int, mtime: int) -> FileResult | None:
        con = store.con
        row = con.execute("SELECT size, mtime_ns FROM watched_files WHERE path = ?", [str(p)]).fetchone()
        if row is not None and tuple(row) == (size, mtime):
            return None
        digest = file_sha256(p)
        same = con.execute("SELECT count(*) FROM watched_files WHERE sha256 = ?", [digest]).fetchone()[0]
        res = FileResult(str(p), "same_content")
        if not same:
            try:
                stats = store.ingest(self._coded(p))
            except OSError as exc:  # maybe transient: not recorded, tried again at the next look
                return FileResult(str(p), "failed", error=str(exc))
            except InputError as exc:  # unknown format…: recorded, tried again only when the file changes
                res = FileResult(str(p), "failed", error=str(exc))
            else:
                res = FileResult(str(p), "ingested", stats.articles, stats.duplicates, stats.rejected,
                                 stats.events)
        con.execute("INSERT OR REPLACE INTO watched_files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [str(p), size, mtime, digest, res.articles, res.duplicates, res.rejected,
                     datetime.now(UTC).replace(tzinfo=None)])
        return res

    def _coded(self, p: Path) -> Iterator[Any]:
        assert self.code is not None
        for item in read_path(p):
            yield item if isinstance(item, InputRejection) else self.code(item)

    def run(self, interval: float = 5.0, once: bool = False, on_result: Callable[[FileResult], None] | None = None,
            max_wait: float = 60.0) -> list[FileResult]:
        """Scan every ``interval`` seconds until interrupted.  ``once``: scan until no file is waiting
        (at most ``max_wait`` seconds), then return the results.  Without ``once`` results only go
        to ``on_result`` (a long-running watch keeps none of them)."""
        done: list[FileResult] = []
        started = time.monotonic()
        while True:
            results, waiting = self.scan()
            for r in results:
                if on_result:
                    on_result(r)
            if once:
                done.extend(results)
            if once and (not waiting or time.monotonic() - started > max_wait):
                return done
            time.sleep(min(interval, max(self.settle, 0.05)) if once else interval)


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()
