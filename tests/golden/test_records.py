"""Run the coder over the golden validation records (record id = test id).

Records listed in known_failures.txt are strict xfails: when one starts passing the
test fails until the list is regenerated (python scripts/golden_status.py --write),
so the list always says exactly what works.  A separate test keeps the micro F1
over all records above the recorded floor.
"""

from pathlib import Path

import pytest

from marsad.api_lib import Coder
from marsad.golden import check_record, load_records, micro_prf

HERE = Path(__file__).resolve().parent
RECORDS = load_records(HERE)
KNOWN = {ln.strip() for ln in (HERE / "known_failures.txt").read_text(encoding="utf-8").splitlines()
         if ln.strip() and not ln.startswith("#")}
FLOOR = float((HERE / "f1_floor.txt").read_text(encoding="utf-8").strip())


@pytest.fixture(scope="module")
def coder():
    return Coder(errors="raise")


def _param(rec):
    marks = [pytest.mark.xfail(strict=True, reason="known failure")] if rec["id"] in KNOWN else []
    return pytest.param(rec, id=rec["id"], marks=marks)


@pytest.mark.parametrize("rec", [_param(r) for r in RECORDS])
def test_record(coder, rec):
    res = check_record(coder, rec)
    assert res.passed, f"{rec['text']}\nexpected {rec['expect']}\nmatched {res.matched}/{res.expected}, system {res.system}"


def test_records_micro_f1_floor(coder):
    p, r, f = micro_prf(check_record(coder, rec) for rec in RECORDS)
    assert f >= FLOOR, f"golden micro F1 {f:.3f} fell below the floor {FLOOR:.3f} (P={p:.3f} R={r:.3f})"
