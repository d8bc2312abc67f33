"""Test helper: the test actor dictionaries (tests/data/actors) plus extra rows, in a copy."""

from __future__ import annotations

import shutil
from pathlib import Path

from marsad.actors.lexicon import ActorLexicon

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"


def extended_lexicon(d: Path, extra: dict[str, list[str]]) -> ActorLexicon:
    """The test dictionaries plus ``extra`` rows per file, copied into ``d`` (tests/data stays as is)."""
    for f in DATA.iterdir():
        shutil.copy(f, d / f.name)
    for name, rows in extra.items():
        with (d / name).open("a", encoding="utf-8") as fh:
            fh.write("\n".join(rows) + "\n")
    return ActorLexicon(d)
