from datetime import date as Date
from datetime import timedelta

import pytest
from store_fixtures import doc, ev

from marsad.store.store import Store
from marsad.store.tension import TensionParams, dyad_timeline, next_period, period_start, shift_back


def _docs():
    out = []
    # weeks 1-6 of 2024: one cooperative event a week; week 8: three conflict events on different days
    for i in range(6):
        d = (Date(2024, 1, 1) + timedelta(days=7 * i)).isoformat()
        out.append(doc(f"c{i}", [ev("RUS", "USA", "042", "زار الوزير الروسي واشنطن")], pub=d))
    for i, day in enumerate(["2024-02-19", "2024-02-22", "2024-02-25"]):
        out.append(doc(f"x{i}", [ev("USA", "RUS", "112", "اتهمت واشنطن موسكو"),
                                 ev("RUS", "USA", "172", "فرضت روسيا عقوبات")], pub=day))
    out.append(doc("other", [ev("RUS", "UKR", "190", "قصفت روسيا أوكرانيا")], pub="2024-02-20"))
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("t") / "m.duckdb") as s:
        s.ingest(_docs())
        yield s


def test_tension_weekly_counts_balance_and_rising(store):
    pts = store.tension("RUS", "USA", by="week")
    assert [p.period for p in pts][:2] == [Date(2024, 1, 1), Date(2024, 1, 8)]
    assert len(pts) == 8  # empty week 7 is filled with zeros
    first, empty, last = pts[0], pts[6], pts[-1]
    assert (first.events, first.verbal_coop, first.balance, first.rising) == (1, 1, 1.0, False)
    assert empty.events == 0 and empty.balance is None and empty.goldstein_mean is None
    assert last.period == Date(2024, 2, 19) and last.conflict == 6 and last.balance == -1.0
    assert last.verbal_conflict == 3 and last.material_conflict == 3
    assert last.goldstein_sum == pytest.approx(3 * (-2.0 - 5.0)) and last.goldstein_mean == pytest.approx(-3.5)
    assert last.baseline == 0.0 and last.rising


def test_tension_directed_and_other_dyads_are_apart(store):
    both = store.tension("USA", "RUS", by="month")
    directed = store.tension("USA", "RUS", by="month", directed=True)
    assert sum(p.events for p in both) == 6 + 6 and sum(p.events for p in directed) == 3
    assert all(p.events == 0 for p in store.tension("RUS", "CHN", by="month", since=Date(2024, 1, 1),
                                                      until=Date(2024, 2, 1)))


def test_tension_since_uses_earlier_periods_as_baseline(store):
    pts = store.tension("RUS", "USA", by="week", since=Date(2024, 2, 14), until=Date(2024, 2, 29))
    assert [p.period for p in pts] == [Date(2024, 2, 12), Date(2024, 2, 19), Date(2024, 2, 26)]
    assert pts[1].baseline is not None and pts[1].rising


def test_tension_needs_history_and_a_minimum_count():
    import duckdb

    con = duckdb.connect()
    con.execute("CREATE TABLE events (source_code VARCHAR, target_code VARCHAR, date DATE, quad INT, "
                "goldstein DOUBLE)")
    con.execute("INSERT INTO events VALUES ('A', 'B', '2024-01-01', 4, -10), ('A', 'B', '2024-01-05', 4, -10)")
    assert not any(p.rising for p in dyad_timeline(con, "A", "B", by="day"))  # no history yet
    con.execute("INSERT INTO events SELECT 'A', 'B', DATE '2024-02-01' + CAST(i AS INTEGER), 3, -2 FROM range(10) t(i)")
    con.execute("INSERT INTO events VALUES ('A', 'B', '2024-02-11', 3, -2)")
    pts = dyad_timeline(con, "A", "B", by="day", since=Date(2024, 2, 5), params=TensionParams(min_history=3))
    assert not any(p.rising for p in pts)  # a steady one a day is not rising
    with pytest.raises(ValueError):
        dyad_timeline(con, "A", "B", by="year")


def test_period_arithmetic():
    assert period_start(Date(2024, 2, 29), "week") == Date(2024, 2, 26)
    assert next_period(Date(2024, 12, 1), "month") == Date(2025, 1, 1)
    assert shift_back(Date(2024, 2, 1), "month", 3) == Date(2023, 11, 1)
    assert shift_back(Date(2024, 2, 26), "week", 2) == Date(2024, 2, 12)
