"""What the CLI commands do, as functions over the library (no typer here)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from marsad.api_lib import Coder, as_date
from marsad.cli.progress import progress
from marsad.config import Settings
from marsad.document import Article, Document
from marsad.errors import InputError
from marsad.export import formats
from marsad.ingest.readers import InputRejection, read_inputs
from marsad.runtime import loading_pipeline


@dataclass(slots=True)
class CodeStats:
    articles: int = 0
    rejected: int = 0
    events: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"coded {self.articles} articles ({self.rejected} rejected), {self.events} events "
                f"in {self.seconds:.1f} s ({rate:.0f} articles/s)")


@contextmanager
def _output(out: Path | None) -> Iterator[IO[str]]:
    if out is None or str(out) == "-":
        yield sys.stdout
        return
    try:
        fh = open(out, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror}") from exc
    with fh:
        yield fh


def coded_stream(paths: list[str], settings: Settings, date: str | None,
                 show_progress: bool) -> Iterator[Document | InputRejection]:
    """Documents (or input rejections) for every input unit, in order."""
    with loading_pipeline():
        coder = Coder(settings)
    default_date = as_date(date)
    for item in progress(read_inputs(paths), "coding", show_progress):
        if isinstance(item, InputRejection):
            yield item
            continue
        if item.date is None and default_date is not None:
            item.date = default_date
        yield coder.code_article(item)


def _article_fields(a: Article) -> dict[str, Any]:
    return {"id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title,
            "date": a.date.isoformat() if a.date else None}


def run_code(paths: list[str], out: Path | None, fmt: str, date: str | None, settings: Settings,
             show_progress: bool = True) -> CodeStats:
    stats = CodeStats()
    start = time.perf_counter()
    with _output(out) as fh:
        if fmt == "jsonl":
            for item in coded_stream(paths, settings, date, show_progress):
                d = item.to_dict()
                _count(stats, item)
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        else:
            records = _records(coded_stream(paths, settings, date, show_progress), stats)
            writer = {"csv": formats.write_csv, "gdelt": formats.write_gdelt, "plover": formats.write_plover}[fmt]
            writer(records, fh)
    stats.seconds = time.perf_counter() - start
    return stats


def _count(stats: CodeStats, item: Document | InputRejection) -> None:
    stats.articles += 1
    if isinstance(item, InputRejection) or item.rejection is not None:
        stats.rejected += 1
    else:
        stats.events += len(item.events)


def _records(items: Iterable[Document | InputRejection], stats: CodeStats) -> Iterator[dict[str, Any]]:
    for item in items:
        _count(stats, item)
        if isinstance(item, Document) and item.rejection is None:
            yield from formats.records_of(item.to_dict(), _article_fields(item.article))


def run_ingest(paths: list[str], settings: Settings, date: str | None, batch_size: int,
               show_progress: bool = True) -> str:
    from marsad.store.store import Store

    start = time.perf_counter()
    with Store(settings.db_path, settings) as store:
        stats = store.ingest(coded_stream(paths, settings, date, show_progress), batch_size=batch_size)
        counts = store.counts()
    secs = time.perf_counter() - start
    return (f"ingested {stats.articles} new articles ({stats.duplicates} already stored, {stats.rejected} "
            f"rejected), {stats.events} event mentions in {secs:.1f} s; store {settings.db_path} now holds "
            f"{counts['articles']} articles, {counts['events']} events")


def run_events(settings: Settings, actor: str | None, dyad: str | None, root: str | None,
               since: str | None, until: str | None, limit: int, fmt: str) -> None:
    from marsad.store.query import EventQuery
    from marsad.store.store import Store

    pair = None
    if dyad:
        parts = [p.strip().upper() for p in dyad.split(",") if p.strip()]
        if len(parts) != 2:
            raise InputError(f"--dyad needs two actor codes A,B, got {dyad!r}")
        pair = (parts[0], parts[1])
    q = EventQuery(actor=actor.upper() if actor else None, dyad=pair, root=root, since=as_date(since),
                   until=as_date(until), limit=limit)
    with Store(settings.db_path, settings, read_only=True) as store:
        rows = store.events(q)
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(asdict(r), ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(list(asdict(rows[0]).keys()) if rows else ["event_id"])
        for r in rows:
            w.writerow(list(asdict(r).values()))
    else:
        _print_table(rows)


def _print_table(rows: list[Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(show_lines=False)
    for col in ("date", "source", "target", "cameo", "quad", "goldstein", "mentions", "evidence"):
        t.add_column(col)
    for r in rows:
        t.add_row(str(r.date or ""), f"{r.source_code}/{r.source_agent or ''}",
                  f"{r.target_code or '-'}/{r.target_agent or ''}", r.cameo, str(r.quad), f"{r.goldstein:+.1f}",
                  str(r.num_mentions), r.evidence_text[:80])
    Console().print(t)
    Console(stderr=True).print(f"{len(rows)} events")


def run_dyad(settings: Settings, a: str, b: str, by: str, since: str | None, until: str | None,
             directed: bool, fmt: str) -> None:
    from dataclasses import asdict

    from marsad.store.store import Store

    with Store(settings.db_path, settings, read_only=True) as store:
        points = store.tension(a.upper(), b.upper(), by, as_date(since), as_date(until), directed)
    rows = [asdict(p) for p in points]
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(list(rows[0]) if rows else ["period"])
        for r in rows:
            w.writerow(["" if v is None else v for v in r.values()])
    else:
        _print_tension(a.upper(), b.upper(), points)


def _print_tension(a: str, b: str, points: list[Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"{a} – {b}", show_lines=False)
    for col in ("period", "events", "v.coop", "m.coop", "v.confl", "m.confl", "goldstein Σ", "mean", "balance",
                "baseline", "signal"):
        t.add_column(col, justify="left" if col in ("period", "signal") else "right")

    def f(v: float | None, fmt: str = "+.2f") -> str:
        return "" if v is None else format(v, fmt)

    for p in points:
        t.add_row(str(p.period), str(p.events), str(p.verbal_coop), str(p.material_coop), str(p.verbal_conflict),
                  str(p.material_conflict), f(p.goldstein_sum, "+.1f"), f(p.goldstein_mean), f(p.balance),
                  f(p.baseline, ".1f"), "tension rising" if p.rising else "")
    Console().print(t)
    Console(stderr=True).print(f"{len(points)} periods, {sum(p.events for p in points)} events")


def run_export(settings: Settings, fmt: str, out: Path, header: bool = True) -> int:
    from marsad.store.store import Store

    with Store(settings.db_path, settings, read_only=True) as store:
        if fmt == "parquet":
            from marsad.export.parquet import write_parquet

            return write_parquet(store, out)
        if fmt == "gdelt-mentions":
            from marsad.export.gdelt_mentions import write_gdelt_mentions

            with _output(out) as fh:
                return write_gdelt_mentions(store.mention_records(), fh, header=header)
        records = store.event_records()
        with _output(out) as fh:
            if fmt == "jsonl":
                n = 0
                for n, rec in enumerate(records, 1):
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                return n
            if fmt in ("csv", "gdelt"):
                writer = formats.write_csv if fmt == "csv" else formats.write_gdelt
                return writer(records, fh, header=header)
            return formats.write_plover(records, fh)


M_ARENA_MAX = -8  # glibc mallopt parameter


def limit_malloc_arenas(arenas: int = 2) -> bool:
    """Long-running commands (serve, watch): cap glibc's malloc arenas, as MALLOC_ARENA_MAX=2 would.

    DuckDB's and the server's threads otherwise spread allocations over many arenas and RSS keeps
    creeping up from fragmentation (docs/reliability.md, watch soak).  No-op without glibc.
    """
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(M_ARENA_MAX, arenas))
    except (OSError, AttributeError):
        return False


def run_serve(settings: Settings, host: str, port: int) -> None:
    import uvicorn

    limit_malloc_arenas()

    from marsad.api.app import create_app
    from marsad.api.http import BoundedHttpToolsProtocol

    app = create_app(settings)
    # httptools (C) with the request line and headers bounded (MAX_HEADER_BYTES; larger → 400):
    # half the CPU per request of uvicorn's h11 protocol, which bounds them too (marsad.api.http).
    uvicorn.run(app, host=host, port=port, log_level="warning", http=BoundedHttpToolsProtocol)


def run_demo(settings: Settings, serve: bool, port: int) -> None:
    from marsad import resources

    sample = str(resources.path("samples"))
    print(run_ingest([sample], settings, None, 500, show_progress=True), file=sys.stderr)
    from marsad.store.store import Store

    with Store(settings.db_path, settings, read_only=True) as store:
        counts = store.counts()
        top = store.con.execute(
            "SELECT source_code, coalesce(target_code, '-'), root, count(*) FROM events "
            "GROUP BY ALL ORDER BY 4 DESC, 1 LIMIT 10").fetchall()
    print(f"store {settings.db_path}: {counts['articles']} articles, {counts['mentions']} event mentions, "
          f"{counts['events']} events, {counts['rejections']} rejections", file=sys.stderr)
    for s, t, r, n in top:
        print(f"  {s:>10} → {t:<10} root {r}: {n}", file=sys.stderr)
    if serve:
        print(f"dashboard: http://127.0.0.1:{port}  (Ctrl-C to stop)", file=sys.stderr)
        run_serve(settings, "127.0.0.1", port)
