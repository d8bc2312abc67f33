"""Run the coder over tests/golden/records*.jsonl; print figures and rewrite known_failures.txt.

usage: python scripts/golden_status.py [--write]

Without --write it only prints micro P/R/F1 over records, records passed, and per-tag pass rates.
With --write it updates tests/golden/known_failures.txt (the records the test expects to fail,
strictly: a record that starts passing must be removed from the list) and the F1 floor.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from marsad.api_lib import Coder
from marsad.config import Settings
from marsad.golden import check_record, load_records, micro_prf

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    recs = load_records(GOLDEN)
    coder = Coder(Settings.from_env())
    results = [check_record(coder, r) for r in recs]
    p, r, f = micro_prf(results)
    passed = sum(x.passed for x in results)
    print(f"{len(recs)} records: {passed} pass ({passed / len(recs):.1%}); micro triple P={p:.3f} R={r:.3f} F1={f:.3f}")
    tag_all, tag_ok = Counter(), Counter()
    for rec, res in zip(recs, results, strict=True):
        for t in rec.get("tags", []):
            tag_all[t] += 1
            tag_ok[t] += res.passed
    print("tag            pass/total")
    for t in sorted(tag_all):
        print(f"{t:14s} {tag_ok[t]:>4}/{tag_all[t]:<4}")
    if args.write:
        failing = [x.id for x in results if not x.passed]
        (GOLDEN / "known_failures.txt").write_text(
            "# Records the coder does not get right yet (strict xfail in test_records.py).\n"
            "# Regenerate with: python scripts/golden_status.py --write\n" + "\n".join(failing) + "\n",
            encoding="utf-8")
        (GOLDEN / "f1_floor.txt").write_text(f"{max(0.0, f - 0.02):.3f}\n", encoding="utf-8")
        print(f"wrote {len(failing)} known failures; F1 floor {max(0.0, f - 0.02):.3f}")


if __name__ == "__main__":
    main()
