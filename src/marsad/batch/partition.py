"""Split batch input into partitions, and read one partition back.

A :class:`Partition` is a unit of work a Dask worker codes on its own:

* an uncompressed JSONL file is cut into byte ranges of about
  ``lines_per_partition`` lines (found in one scan of the file), so a worker
  seeks straight to its range; line numbers stay exact for rejection reasons;
* a compressed JSONL file is cut into line ranges (a worker decompresses and
  skips the lines before its range: cheap next to coding);
* every other file (HTML, text, feeds, WARC) is one partition.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from marsad.errors import InputError
from marsad.ingest.readers import (
    COMPRESSED,
    JSONL_SUFFIXES,
    Item,
    _base_suffix,
    _open_text,
    check_language,
    list_files,
    read_jsonl_stream,
    read_path,
)


@dataclass(frozen=True, slots=True)
class Partition:
    """Lines ``[first_line, first_line + n_lines)`` of ``path`` (0-based; all of it when ``n_lines`` is None).

    ``byte_start``/``byte_end`` locate those lines in an uncompressed file (None: scan).
    """

    index: int
    path: str
    first_line: int = 0
    n_lines: int | None = None
    byte_start: int | None = None
    byte_end: int | None = None

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    def describe(self) -> str:
        if self.n_lines is None:
            return self.path
        return f"{self.path} lines {self.first_line + 1}-{self.first_line + self.n_lines}"


def _is_jsonl(path: Path) -> bool:
    return _base_suffix(path) in JSONL_SUFFIXES


def _line_offsets(path: Path, every: int) -> tuple[list[int], int]:
    """Byte offsets of lines 0, every, 2·every…, and the number of lines (one scan)."""
    offsets, n, pos = [0], 0, 0
    with open(path, "rb") as fh:
        for line in fh:
            n += 1
            pos += len(line)
            if n % every == 0:
                offsets.append(pos)
    if offsets[-1] == pos and len(offsets) > 1:
        offsets.pop()
    return offsets, n


def _count_lines(path: Path) -> int:
    with _open_text(path) as fh:
        return sum(1 for _ in fh)


def _jsonl_partitions(path: Path, start_index: int, every: int) -> list[Partition]:
    if path.suffix.lower() in COMPRESSED:
        total = _count_lines(path)
        return [Partition(start_index + i, str(path), first, min(every, total - first))
                for i, first in enumerate(range(0, max(total, 1), every))]
    offsets, total = _line_offsets(path, every)
    size = path.stat().st_size
    parts = []
    for i, start in enumerate(offsets):
        end = offsets[i + 1] if i + 1 < len(offsets) else size
        first = i * every
        parts.append(Partition(start_index + i, str(path), first, min(every, max(total - first, 0)), start, end))
    return parts


def plan_partitions(inputs: Iterable[str], lines_per_partition: int = 1000) -> list[Partition]:
    """Partitions covering every input file (folders are read recursively), in input order."""
    if lines_per_partition < 1:
        raise InputError("lines per partition must be at least 1")
    parts: list[Partition] = []
    for p in inputs:
        path = Path(p)
        if not path.exists():
            raise InputError(f"{p}: no such file or folder")
        for f in list_files(path) if path.is_dir() else [path]:
            if _is_jsonl(f):
                parts.extend(_jsonl_partitions(f, len(parts), lines_per_partition))
            else:
                parts.append(Partition(len(parts), str(f)))
    return parts


def _read_byte_range(part: Partition) -> Iterator[Item]:
    assert part.byte_start is not None and part.byte_end is not None
    with open(part.path, "rb") as fh:
        fh.seek(part.byte_start)
        data = fh.read(part.byte_end - part.byte_start)
    lines = data.splitlines(keepends=True)
    yield from _numbered(lines, part)


def _numbered(lines: Iterable[bytes], part: Partition) -> Iterator[Item]:
    """JSONL items with the file's own line numbers (``path:N``)."""
    for offset, raw in enumerate(lines):
        n = part.first_line + offset + 1
        for item in read_jsonl_stream([raw], part.path):  # type: ignore[arg-type]
            _renumber(item, part.path, n)
            yield item


def _renumber(item: Item, source: str, n: int) -> None:
    """Fix the line number read_jsonl_stream gave a one-line stream (always 1)."""
    from marsad.document import Article

    if isinstance(item, Article):
        if item.id == f"{Path(source).name}:1":
            item.id = f"{Path(source).name}:{n}"
        return
    item.source = f"{source}:{n}"
    if item.id == f"{source}:1":
        item.id = f"{source}:{n}"
    item.reason = item.reason.replace("line 1", f"line {n}", 1)


def _read_line_range(part: Partition) -> Iterator[Item]:
    assert part.n_lines is not None
    with _open_text(Path(part.path)) as fh:
        yield from _numbered(islice(fh, part.first_line, part.first_line + part.n_lines), part)


def read_partition(part: Partition, language: bool = True) -> Iterator[Item]:
    """Every article (or input rejection) of one partition, language-checked."""
    if part.n_lines is None:
        yield from read_path(Path(part.path), language=language)
        return
    items = _read_byte_range(part) if part.byte_start is not None else _read_line_range(part)
    yield from check_language(items, part.path) if language else items
