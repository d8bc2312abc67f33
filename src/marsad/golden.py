"""Golden validation records (PETRARCH style): run the coder over annotated sentences.

A record is ``{"id", "date", "text", "expect": [{"source", "target", "cameo", "cameo_alt"?}]}``.
A record passes when the coder's asserted, non-background events, reduced to
``(source, target, root)`` triples, are exactly the expected ones (a root in
``cameo_alt`` also counts).  Used by tests/golden/test_records.py and
scripts/golden_status.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from marsad.api_lib import Coder

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class RecordResult:
    id: str
    expected: int
    system: int
    matched: int

    @property
    def passed(self) -> bool:
        return self.matched == self.expected == self.system


def record_files(folder: Path) -> list[Path]:
    """``records.jsonl`` and then every ``records_*.jsonl`` beside it, in name order.

    Contributors working at the same time each write their own ``records_<topic>.jsonl``
    so that no commit sweeps another contributor's lines in or out of a shared file.
    """
    return [folder / "records.jsonl", *sorted(folder.glob("records_*.jsonl"))]


def load_records(path: Path) -> list[dict]:
    """The records of one file, or of every record file in a folder (:func:`record_files`)."""
    files = record_files(path) if path.is_dir() else [path]
    return [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def system_triples(coder: Coder, rec: dict) -> set[Triple]:
    doc = coder.code(rec["text"], date=rec.get("date"), id=rec["id"])
    return {(e.source.code, e.target.code if e.target else "-", e.root) for e in doc.events
            if e.modality == "asserted" and not e.background}


def check_record(coder: Coder, rec: dict) -> RecordResult:
    got = system_triples(coder, rec)
    expected = [({str(x.get("cameo", ""))[:2], *(str(a).zfill(3)[:2] for a in x.get("cameo_alt") or [])},
                 x["source"], x.get("target") or "-") for x in rec["expect"]]
    unique_expected = {(s, t, min(roots)) for roots, s, t in expected}
    used: set[Triple] = set()
    matched = 0
    for roots, s, t in expected:
        hit = next(((s, t, r) for r in sorted(roots) if (s, t, r) in got and (s, t, r) not in used), None)
        if hit is not None:
            used.add(hit)
            matched += 1
    return RecordResult(rec["id"], len(unique_expected), len(got), matched)


def micro_prf(results: Iterable[RecordResult]) -> tuple[float, float, float]:
    rs = list(results)
    tp = sum(r.matched for r in rs)
    ns = sum(r.system for r in rs)
    ng = sum(r.expected for r in rs)
    p = tp / ns if ns else 0.0
    r = tp / ng if ng else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
