"""The ``marsad`` command: a thin layer over the library.

Exit codes (documented in the README): 0 success; 1 internal error; 2 usage or
configuration error; 3 input cannot be read; 4 store error (missing, locked);
130 interrupted.  User mistakes print one line ``marsad: error: …`` on stderr,
never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from marsad.config import Settings
from marsad.errors import InputError, MarsadError

app = typer.Typer(
    name="marsad",
    help="Marsad (مرصد): Arabic news → political event data (CAMEO/PLOVER) with the Arabic evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"marsad: error: {message}", err=True)
    raise typer.Exit(code)


def handled(func: F) -> F:
    """Turn library errors into one-line messages and documented exit codes."""
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MarsadError as exc:
            fail(f"[{exc.code}] {exc}", exc.exit_code)
        except KeyboardInterrupt:
            typer.echo("marsad: interrupted", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - a bug: say so in one line, trace on request
            if os.environ.get("MARSAD_DEBUG"):
                raise
            fail(f"internal error: {type(exc).__name__}: {exc} (set MARSAD_DEBUG=1 for a traceback; "
                 "please report it)", 1)
    return wrapper  # type: ignore[return-value]


class CodeFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    gdelt = "gdelt"
    plover = "plover"


class TableFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    gdelt_mentions = "gdelt-mentions"
    plover = "plover"
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


PathsArg = Annotated[list[str] | None, typer.Argument(
    help="Input files or folders (.jsonl[.gz|.bz2|.zst|.xz], .txt, .html, .rss/.atom/.xml feeds, "
         ".warc[.gz]); '-' or none reads JSONL from stdin.",
    show_default=False)]
DbOpt = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: marsad.duckdb).")]


def _settings(db: Path | None = None, **changes: Any) -> Settings:
    s = Settings.from_env()
    if db is not None:
        changes["db_path"] = str(db)
    return s.with_(**changes) if changes else s


@app.command("code")
@handled
def code_cmd(
    paths: PathsArg = None,
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Write here instead of stdout ('-': stdout).")] = None,
    fmt: Annotated[CodeFormat, typer.Option("--format", "-f", help="Output format.")] = CodeFormat.jsonl,
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles without one.")] = None,
    all_events: Annotated[bool, typer.Option("--all", help="Also output negated/hypothetical/future events.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No progress bar or summary.")] = False,
) -> None:
    """Code articles into events.  JSONL output has one line per input article:
    {"id": ..., "events": [...]} plus "rejected": {"code", "reason"} when it could not be coded."""
    from marsad.cli.commands import run_code

    settings = _settings(include_unasserted=all_events)
    stats = run_code(paths or [], out, fmt.value, date, settings, show_progress=not quiet)
    if not quiet:
        typer.echo(stats.summary(), err=True)


@app.command("ingest")
@handled
def ingest_cmd(
    paths: PathsArg = None,
    db: DbOpt = None,
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles without one.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction (larger: faster de-duplication, more work redone after a crash).")] = 2000,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No progress bar or summary.")] = False,
) -> None:
    """Code articles and store them with their events in DuckDB (idempotent: same content, no change)."""
    from marsad.cli.commands import run_ingest

    settings = _settings(db)
    stats = run_ingest(paths or [], settings, date, batch_size, show_progress=not quiet)
    if not quiet:
        typer.echo(stats, err=True)


@app.command("events")
@handled
def events_cmd(
    db: DbOpt = None,
    actor: Annotated[str | None, typer.Option(help="Actor code as source or target (RUS, IGO:UN).")] = None,
    dyad: Annotated[str | None, typer.Option(help="Two actor codes A,B (either direction).")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root code (two digits).")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="Maximum rows.")] = 50,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = TableFormat.table,
) -> None:
    """Query the events in the store."""
    from marsad.cli.commands import run_events

    run_events(_settings(db), actor, dyad, root, since, until, limit, fmt.value)


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"


@app.command("dyad")
@handled
def dyad_cmd(
    actor_a: Annotated[str, typer.Argument(metavar="A", help="Actor code (RUS, IGO:UN).")],
    actor_b: Annotated[str, typer.Argument(metavar="B", help="Actor code.")],
    by: Annotated[Period, typer.Option("--by", help="Period.")] = Period.week,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
    directed: Annotated[bool, typer.Option(help="Only events from A to B.")] = False,
    db: DbOpt = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = TableFormat.table,
) -> None:
    """Tension index of a dyad per period: events by QuadClass, Goldstein, cooperation-conflict
    balance, and "rising" when conflict exceeds its trailing baseline (see the README)."""
    from marsad.cli.commands import run_dyad

    run_dyad(_settings(db), actor_a, actor_b, by.value, since, until, directed, fmt.value)


@app.command("export")
@handled
def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output file ('-': stdout; a folder for parquet).")],
    db: DbOpt = None,
    header: Annotated[bool, typer.Option("--header/--no-header",
                                         help="GDELT/CSV: first line with the column names (GDELT's own files "
                                              "have none).")] = True,
) -> None:
    """Export the store's events: GDELT 2.0 event TSV (and its mentions table), PLOVER JSONL,
    Parquet (events and mentions by year/month), CSV, JSONL."""
    from marsad.cli.commands import run_export

    n = run_export(_settings(db), fmt.value, out, header)
    what = "mentions" if fmt is ExportFormat.gdelt_mentions else "events"
    typer.echo(f"exported {n} {what} to {out}", err=True)


@app.command("batch")
@handled
def batch_cmd(
    paths: Annotated[list[str], typer.Argument(help="Input files or folders (any format `marsad code` reads).",
                                               show_default=False)],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder (staging/, events/, mentions/, "
                                      "rejections/ as Parquet; marsad.duckdb unless --db).")],
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (tcp://host:8786); "
                                                  "default: start a LocalCluster.")] = None,
    workers: Annotated[int | None, typer.Option(help="Workers of the LocalCluster (default: CPU count).")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Load into this DuckDB store (kept across runs) "
                                            "instead of OUT/marsad.duckdb.")] = None,
    partition_size: Annotated[int, typer.Option(help="JSONL lines per partition.")] = 1000,
    retries: Annotated[int, typer.Option(help="Retries of a failed partition.")] = 2,
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles without one.")] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No progress or summary.")] = False,
) -> None:
    """Code a large input on a Dask cluster: partitions coded in parallel (pipeline loaded once per
    worker), de-duplicated across the batch, written as Parquet by year/month and loaded into DuckDB."""
    from marsad.api_lib import as_date
    from marsad.batch.run import run_batch

    def done(r: object) -> None:
        if not quiet:
            typer.echo(f"  {r.source}: {r.articles} articles, {r.events} events, {r.seconds:.1f} s", err=True)  # type: ignore[attr-defined]

    report = run_batch(paths, out, _settings(), scheduler=scheduler, workers=workers or os.cpu_count(), db=db,
                       lines_per_partition=partition_size, retries=retries, default_date=as_date(date),
                       on_done=done)
    if not quiet:
        typer.echo(report.summary(), err=True)
    if report.failed:
        fail(f"{len(report.failed)} partitions failed after {retries} retries: " + "; ".join(report.failed[:3]), 1)


@app.command("watch")
@handled
def watch_cmd(
    folder: Annotated[Path, typer.Argument(help="Folder to watch (recursively).", show_default=False)],
    db: DbOpt = None,
    interval: Annotated[float, typer.Option(help="Seconds between looks.")] = 5.0,
    once: Annotated[bool, typer.Option("--once", help="Ingest what is there (waiting for files still being "
                                       "written), then exit.")] = False,
    settle: Annotated[float, typer.Option(help="A file must be unchanged this many seconds before ingest.")] = 1.0,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No line per file.")] = False,
) -> None:
    """Ingest new files as they arrive in FOLDER, each exactly once (state kept in the store, so a
    restart never ingests a file twice)."""
    from marsad.cli.commands import limit_malloc_arenas
    from marsad.ingest.watch import Watcher
    from marsad.runtime import loading_pipeline

    limit_malloc_arenas()
    with loading_pipeline():
        watcher = Watcher(folder, _settings(db), settle=settle)  # loads the pipeline
    watcher.run(interval, once, on_result=None if quiet else (lambda r: typer.echo(r.line(), err=True)))


@app.command("serve")
@handled
def serve_cmd(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to bind (default: loopback only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve the HTTP API and the dashboard (read-only on the store)."""
    from marsad.cli.commands import run_serve

    run_serve(_settings(db), host, port)


@app.command("demo")
@handled
def demo_cmd(
    db: DbOpt = None,
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the dashboard afterwards.")] = True,
    port: Annotated[int, typer.Option(help="Port for the dashboard.")] = 8000,
) -> None:
    """Code the bundled sample articles into DuckDB, print a summary, and serve the dashboard."""
    from marsad.cli.commands import run_demo

    run_demo(_settings(db), serve, port)


def run() -> None:
    """Console-script entry point."""
    try:
        app()
    except InputError as exc:  # pragma: no cover - handled() catches it first
        typer.echo(f"marsad: error: {exc}", err=True)
        sys.exit(exc.exit_code)
