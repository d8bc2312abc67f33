"""Read user input into articles; what cannot be read becomes a recorded rejection.

``read_inputs(paths)`` yields :class:`Article` objects and
:class:`InputRejection` records (a bad JSON line, an undecodable file…) in input
order, so a batch always accounts for every article it was given.

Formats by file name: ``.jsonl``/``.ndjson`` (optionally ``.gz``, ``.bz2``,
``.zst``, ``.xz``), ``.txt`` (one article per file, id = file name),
``.html``/``.htm`` (:mod:`marsad.ingest.html`), ``.rss``/``.atom``/``.xml`` feeds
(:mod:`marsad.ingest.feeds`), ``.warc``/``.warc.gz`` (:mod:`marsad.ingest.warc`);
``-`` reads JSONL from standard input.  Folders are read recursively.

Every article's language is identified (:mod:`marsad.ingest.langid`); one that
is confidently not Arabic (English, or Persian/Urdu in Arabic script) becomes a
``not_arabic`` rejection naming the language instead of being coded.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import IO

from marsad.document import Article
from marsad.errors import InputError


@dataclass(slots=True)
class InputRejection:
    """An input unit that could not be turned into an article."""

    id: str
    source: str  # file (and line) it came from
    code: str
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "events": [], "rejected": {"code": self.code, "reason": self.reason,
                                                          "source": self.source}}


Item = Article | InputRejection
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
_SURROGATE = re.compile("[\ud800-\udfff]")
COMPRESSED = {".gz": "gzip", ".bz2": "bz2", ".zst": "zstd", ".xz": "lzma"}


def _open_text(path: Path) -> IO[bytes]:
    kind = COMPRESSED.get(path.suffix.lower())
    if kind == "gzip":
        import gzip
        return gzip.open(path, "rb")
    if kind == "bz2":
        import bz2
        return bz2.open(path, "rb")
    if kind == "lzma":
        import lzma
        return lzma.open(path, "rb")
    if kind == "zstd":
        try:
            import zstandard
        except ImportError as exc:
            raise InputError(f"{path}: reading .zst needs the zstandard package (pip install zstandard)") from exc
        import io

        return io.BufferedReader(zstandard.open(path, "rb"))  # type: ignore[arg-type]
    return open(path, "rb")


def _decompress_errors() -> tuple[type[BaseException], ...]:
    """What a damaged compressed file raises while it is read (lzma and zstandard errors are not OSError)."""
    import lzma

    errors: list[type[BaseException]] = [OSError, EOFError, lzma.LZMAError]
    try:
        import zstandard
        errors.append(zstandard.ZstdError)
    except ImportError:
        pass
    return tuple(errors)


def _base_suffix(path: Path) -> str:
    name = path.name.lower()
    for comp in COMPRESSED:
        if name.endswith(comp):
            name = name[: -len(comp)]
    return Path(name).suffix


def parse_date(value: object) -> Date | None:
    """A date from an ISO-like string; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, Date):
        return value
    try:
        return Date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def article_from_record(obj: object, default_id: str) -> Article:
    """An :class:`Article` from a decoded JSON record; raises ValueError with a reason."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ValueError("missing or non-string field 'text'")
    for key in ("text", "id", "title", "url", "outlet", "source"):
        if isinstance(obj.get(key), str) and _SURROGATE.search(obj[key]):
            raise ValueError(f"field {key!r} holds a lone surrogate (a \\ud800-\\udfff escape): not valid Unicode")
    rid = obj.get("id", default_id)
    known = {"id", "text", "title", "date", "url", "outlet", "source", "events"}
    title = obj.get("title")
    return Article(
        id=str(rid), text=text, title=title if isinstance(title, str) else None,
        date=parse_date(obj.get("date")), url=_str_or_none(obj.get("url")),
        outlet=_str_or_none(obj.get("outlet") or obj.get("source")),
        meta={k: v for k, v in obj.items() if k not in known},
    )


def _str_or_none(v: object) -> str | None:
    return str(v) if v not in (None, "") else None


def read_jsonl_stream(fh: IO[bytes], source: str) -> Iterator[Item]:
    """Articles from JSON Lines; a bad line becomes a rejection with its line number."""
    for n, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        where = f"{source}:{n}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield InputRejection(f"{source}:{n}", where, "bad_encoding", f"line {n} is not UTF-8 ({exc.reason})")
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:  # also over-long integers and very deep nesting
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else f"{type(exc).__name__}: {exc}"
            yield InputRejection(f"{source}:{n}", where, "bad_json", f"line {n} is not valid JSON: {msg}")
            continue
        try:
            yield article_from_record(obj, default_id=f"{Path(source).name}:{n}")
        except ValueError as exc:
            rid = obj.get("id", f"{source}:{n}") if isinstance(obj, dict) else f"{source}:{n}"
            rid = f"{source}:{n}" if _SURROGATE.search(str(rid)) else rid
            yield InputRejection(str(rid), where, "bad_record", f"line {n}: {exc}")


def read_text_file(path: Path) -> Iterator[Item]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield InputRejection(path.name, str(path), "bad_encoding", f"file is not UTF-8 text ({exc.reason} "
                             f"at byte {exc.start})")
        return
    yield Article(id=path.name, text=text)


def read_feed_file(path: Path) -> Iterator[Item]:
    from marsad.ingest.feeds import read_feed_bytes

    with _open_text(path) as fh:
        data = fh.read()
    yield from read_feed_bytes(data, str(path))


def read_warc_file(path: Path) -> Iterator[Item]:
    from marsad.ingest.warc import read_warc

    yield from read_warc(path)


def read_html_file(path: Path) -> Iterator[Item]:
    from marsad.ingest.html import article_from_html

    data = path.read_bytes()
    try:
        yield article_from_html(data, id=path.name, url=None)
    except ValueError as exc:
        yield InputRejection(path.name, str(path), "bad_html", str(exc))


READERS: dict[str, Callable[[Path], Iterator[Item]]] = {
    ".txt": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
    ".xml": read_feed_file,
    ".warc": read_warc_file,
}


def check_language(items: Iterable[Item], source: str) -> Iterator[Item]:
    """``items`` with every confidently non-Arabic article turned into a ``not_arabic`` rejection."""
    from marsad.ingest.langid import describe, language_problem

    for item in items:
        if isinstance(item, Article) and isinstance(item.text, str):
            guess = language_problem(item.text)
            if guess is not None:
                item = InputRejection(item.id, item.url or source, "not_arabic", describe(guess))
        yield item


def _read_path(path: Path) -> Iterator[Item]:
    suffix = _base_suffix(path)
    if suffix in JSONL_SUFFIXES:
        damaged = _decompress_errors()  # resolved now, not in the except clause (that may run at shutdown)
        with _open_text(path) as fh:
            try:
                yield from read_jsonl_stream(fh, str(path))
            except damaged as exc:
                yield InputRejection(path.name, str(path), "bad_file", f"cannot read to the end: {exc}")
        return
    reader = READERS.get(suffix)
    if reader is None:
        raise InputError(f"{path}: unknown input format {suffix or '(no suffix)'!r}; "
                         f"use one of {', '.join(sorted(set(JSONL_SUFFIXES) | set(READERS)))}")
    yield from reader(path)


def read_inputs(paths: Iterable[str], stdin: IO[bytes] | None = None, language: bool = True) -> Iterator[Item]:
    """Every article (or rejection) from ``paths``; ``-`` or no path reads JSONL from stdin.

    ``language=False`` skips language identification (the pipeline's Arabic-letter
    ratio still rejects text that is not in Arabic script).
    """
    paths = list(paths) or ["-"]
    for p in paths:
        if p == "-":
            items = read_jsonl_stream(stdin or sys.stdin.buffer, "<stdin>")
            yield from check_language(items, "<stdin>") if language else items
            continue
        path = Path(p)
        if not path.exists():
            raise InputError(f"{p}: no such file or folder")
        files = list_files(path) if path.is_dir() else [path]
        for f in files:
            yield from check_language(_read_path(f), str(f)) if language else _read_path(f)


def list_files(folder: Path) -> list[Path]:
    """The input files of a folder, recursively, in a stable order (hidden files left out)."""
    return sorted(x for x in folder.rglob("*") if x.is_file() and not x.name.startswith("."))


def read_path(path: Path, language: bool = True) -> Iterator[Item]:
    """Every article (or rejection) of one input file."""
    yield from check_language(_read_path(path), str(path)) if language else _read_path(path)
