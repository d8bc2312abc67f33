"""Tension index: per dyad and period, events by QuadClass, Goldstein, balance, and a change signal.

For a dyad (A, B) — both directions unless ``directed`` — and a period (day,
week starting Monday, month), each point carries:

* counts of stored events (after de-duplication) by QuadClass: verbal
  cooperation (1), material cooperation (2), verbal conflict (3), material
  conflict (4); events without a date are left out;
* the sum and mean of their Goldstein scores;
* ``balance`` = (cooperation − conflict) / (cooperation + conflict), in [−1, 1]
  (``None`` for an empty period);
* ``rising``: the conflict count (quad 3 + 4) of the period exceeds its trailing
  baseline, the mean + k·s of the previous N periods (empty periods count as 0),
  where s = max(standard deviation, √mean) so that a flat or very short history
  is not over-trusted (a Poisson floor), and at least ``min_conflict`` conflict
  events happened.  Defaults: N = 8, k = 2, min_conflict = 2; at least 3
  previous periods are needed for a signal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta

import duckdb

PERIODS = ("day", "week", "month")


@dataclass(frozen=True, slots=True)
class TensionParams:
    baseline_periods: int = 8
    k: float = 2.0
    min_conflict: int = 2
    min_history: int = 3


@dataclass(frozen=True, slots=True)
class TensionPoint:
    period: Date  # first day of the period
    events: int
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float | None
    balance: float | None
    conflict: int
    baseline: float | None  # trailing mean of conflict counts
    threshold: float | None  # the count above which tension is "rising"
    rising: bool


_SQL = """
SELECT CAST(date_trunc('{by}', date) AS DATE) AS p, count(*),
       count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 2),
       count(*) FILTER (WHERE quad = 3), count(*) FILTER (WHERE quad = 4), sum(goldstein)
FROM events
WHERE ({dyad}) AND date IS NOT NULL AND date >= ? AND date <= ?
GROUP BY p ORDER BY p
"""
_DIRECTED = "source_code = ? AND target_code = ?"
_EITHER = "source_code IN (?, ?) AND target_code IN (?, ?) AND source_code <> target_code"


def period_start(d: Date, by: str) -> Date:
    if by == "week":
        return d - timedelta(days=d.weekday())
    if by == "month":
        return d.replace(day=1)
    return d


def next_period(d: Date, by: str) -> Date:
    if by == "month":
        return Date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return d + timedelta(days=7 if by == "week" else 1)


def shift_back(d: Date, by: str, n: int) -> Date:
    if by == "month":
        m = d.year * 12 + d.month - 1 - n
        return Date(m // 12, m % 12 + 1, 1)
    return d - timedelta(days=n * (7 if by == "week" else 1))


def _signal(history: list[int], conflict: int, p: TensionParams) -> tuple[float | None, float | None, bool]:
    if len(history) < p.min_history:
        return None, None, False
    mean = sum(history) / len(history)
    sd = math.sqrt(sum((x - mean) ** 2 for x in history) / len(history))
    threshold = mean + p.k * max(sd, math.sqrt(mean))
    return mean, threshold, conflict > threshold and conflict >= p.min_conflict


def dyad_timeline(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "week", since: Date | None = None,
                  until: Date | None = None, directed: bool = False,
                  params: TensionParams | None = None) -> list[TensionPoint]:
    """The tension index of dyad (a, b) per period, from ``since`` to ``until`` (inclusive)."""
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    p = params or TensionParams()
    lo = shift_back(period_start(since, by), by, p.baseline_periods) if since else Date.min
    hi = until or Date.max
    dyad, args = (_DIRECTED, [a, b]) if directed else (_EITHER, [a, b, a, b])
    rows = con.execute(_SQL.format(dyad=dyad, by=by), [*args, lo, hi]).fetchall()  # `by` is checked above
    if not rows and since is None:
        return []
    data = {r[0]: r[1:] for r in rows}
    first = period_start(since, by) if since else rows[0][0]
    last = period_start(until, by) if until else (rows[-1][0] if rows else first)
    cur = lo if since else first  # with --since, the N periods before it form the first baseline
    out: list[TensionPoint] = []
    history: list[int] = []
    while cur <= last:
        n, q1, q2, q3, q4, gsum = data.get(cur, (0, 0, 0, 0, 0, 0.0))
        conflict, coop = q3 + q4, q1 + q2
        baseline, threshold, rising = _signal(history[-p.baseline_periods:], conflict, p)
        if cur >= first:
            out.append(TensionPoint(
                cur, n, q1, q2, q3, q4, float(gsum or 0.0), (float(gsum) / n) if n else None,
                ((coop - conflict) / (coop + conflict)) if coop + conflict else None,
                conflict, baseline, threshold, rising))
        history.append(conflict)
        cur = next_period(cur, by)
    return out
