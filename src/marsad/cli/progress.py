"""Progress bars on stderr (rich), only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], label: str, enabled: bool = True, total: int | None = None) -> Iterator[T]:
    """Yield ``items``; show a rich progress bar when enabled and stderr is a TTY."""
    if not enabled or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    cols = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn()]
    with Progress(*cols, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total, rate="")
        for n, item in enumerate(items, 1):
            yield item
            bar.update(task, advance=1)
            if n % 50 == 0:
                el = bar.tasks[0].elapsed or 0
                bar.update(task, rate=f"{n / el:.0f} art/s" if el else "")
