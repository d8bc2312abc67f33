"""Rename an event-filter model's per-row weights from line numbers to stable row keys.

Until the thirty-first session the filter's ``pat=`` features named a lexicon row by its line
(``pat=18.tsv:14``, the fourteenth row counting the header as the first), so adding or removing a row moved the weights of every later row of its file onto
its neighbours.  They are now named by :func:`marsad.coding.lexicon.row_key` (``pat=18.tsv#1a2b3c4d``).
This script renames the weights of a model trained before that change, reading the lexicon files as
they were when it was trained (a git revision), so that the renamed model codes exactly as before:

    python scripts/rekey_event_filter.py --rev b8d81ae src/marsad/resources/models/event_filter.json

A weight whose row number holds no pattern at that revision is an error (wrong revision).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from marsad.coding.lexicon import row_key  # noqa: E402
from marsad.resources import parse_tsv  # noqa: E402

LEXICON = "src/marsad/resources/lexicon"


def line_keys(rev: str, file_name: str) -> dict[int, str]:
    """Row number as the loader counted it (data rows from 2: comment and blank lines not counted)
    → row key, for one lexicon file at ``rev``."""
    text = subprocess.run(["git", "show", f"{rev}:{LEXICON}/{file_name}"], check=True,
                          capture_output=True, text=True).stdout
    return {n: row_key(file_name, row["pattern"], row["cameo"])
            for n, row in enumerate(parse_tsv(text.splitlines(keepends=True)), 2)
            if row.get("pattern") and row.get("cameo")}


def rekey(weights: dict[str, float], rev: str) -> dict[str, float]:
    cache: dict[str, dict[int, str]] = {}
    out = {}
    for name, w in weights.items():
        if name.startswith("pat=") and ".tsv:" in name:
            file_name, line = name[4:].rsplit(":", 1)
            keys = cache.setdefault(file_name, line_keys(rev, file_name))
            if int(line) not in keys:
                raise SystemExit(f"{name}: no pattern on that line at {rev}")
            name = f"pat={keys[int(line)]}"
        out[name] = w
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("--rev", required=True, help="git revision whose lexicon the model was trained on")
    args = ap.parse_args()
    model = json.loads(args.model.read_text(encoding="utf-8"))
    model["weights"] = rekey(model["weights"], args.rev)
    args.model.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
