"""SQL side of de-duplication: load the stored mentions a batch affects, recompute event rows."""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta

import duckdb
import pyarrow as pa

from marsad.store.dedup import MentionKey

# Stored mentions whose group can change when the probed mentions join their key, with every
# member of their events (the groups' state is rebuilt from them).  Per key (probe row): ``lo`` =
# earliest new effective date − window (NULL: no new dated mention); ``undated`` = the key gets
# a new undated mention.  Loaded:
# * the *region*: events with a member whose date interval (a coarse date: to the end of its
#   month or year) ends on or after ``lo`` — every group a mention dated on or after the earliest
#   new date can join has such a member;
# * when the key has an undated mention (new or stored), what undated mentions may join: events
#   holding an undated mention, events holding a mention of the same article as one, and the
#   ``max`` dated events with the latest anchor date (then the larger id) among the others.
_AFFECTED_SQL = """
WITH pm AS (
    SELECT m.mention_id, m.content_hash, m.idx, m.source_code, m.target_code, m.root, m.modality,
           m.source_agent, m.target_agent, m.place_country, m.event_date, m.event_date_precision,
           m.evidence_text, m.event_id, p.pid, p.lo, p.undated AS new_undated,
           CASE m.event_date_precision WHEN 'month' THEN last_day(m.event_date)
                WHEN 'year' THEN make_date(year(m.event_date), 12, 31) ELSE m.event_date END AS hi,
           CASE m.event_date_precision WHEN 'month' THEN date_trunc('month', m.event_date)::DATE
                WHEN 'year' THEN date_trunc('year', m.event_date)::DATE END AS plo
    FROM mentions m JOIN probe p
      ON m.source_code = p.s AND coalesce(m.target_code, '') = p.t AND m.root = p.r AND m.modality = p.mo
), keys AS (
    SELECT pid, bool_or(event_date IS NULL) OR bool_or(new_undated) AS undated FROM pm GROUP BY pid
), ev AS (
    SELECT pid, event_id, bool_or(lo IS NOT NULL AND hi >= lo) AS region,
           bool_or(event_date IS NULL) AS has_undated,
           coalesce(min(event_date) FILTER (WHERE event_date_precision = 'day'), max(plo)) AS anchor
    FROM pm GROUP BY pid, event_id
), hashes AS (
    SELECT pid, content_hash FROM pm WHERE event_date IS NULL
    UNION SELECT pid, h FROM uprobe
), chosen AS (
    SELECT event_id FROM ev WHERE region OR has_undated
    UNION SELECT pm.event_id FROM pm JOIN hashes USING (pid, content_hash)
    UNION SELECT event_id FROM (
        SELECT ev.event_id, row_number() OVER (PARTITION BY ev.pid ORDER BY anchor DESC, event_id DESC) AS rk
        FROM ev JOIN keys USING (pid)
        WHERE keys.undated AND NOT region AND NOT has_undated AND anchor IS NOT NULL
    ) WHERE rk <= ?
)
SELECT mention_id, content_hash, idx, source_code, target_code, root, modality, source_agent,
       target_agent, place_country, event_date, event_date_precision, evidence_text, event_id
FROM pm WHERE event_id IN (SELECT event_id FROM chosen)
"""


def _probes(keys: list[MentionKey], window: int) -> tuple[pa.Table, pa.Table]:
    """One probe row per key of the new mentions (pid, s, t, r, mo, lo, undated), and the
    (pid, content hash) of the new undated mentions."""
    lo: dict[tuple[str, str, str, str], Date | None] = {}
    undated: dict[tuple[str, str, str, str], set[str]] = {}
    for k in keys:
        key = k.key
        undated.setdefault(key, set())
        if k.date is None:
            undated[key].add(k.content_hash)
            lo.setdefault(key, None)
            continue
        first = k.date - timedelta(days=window)
        lo[key] = first if lo.get(key) is None else min(lo[key], first)
    ordered = sorted(lo)
    cols = list(zip(*ordered, strict=True)) if ordered else [[], [], [], []]
    probe = pa.table({"pid": list(range(len(ordered))), "s": cols[0], "t": cols[1], "r": cols[2],
                      "mo": cols[3], "lo": pa.array([lo[k] for k in ordered], pa.date32()),
                      "undated": pa.array([bool(undated[k]) for k in ordered], pa.bool_())})
    pairs = [(i, h) for i, k in enumerate(ordered) for h in sorted(undated[k])]
    uprobe = pa.table({"pid": pa.array([p for p, _ in pairs], pa.int64()),
                       "h": pa.array([h for _, h in pairs], pa.string())})
    return probe, uprobe


def load_affected(con: duckdb.DuckDBPyConnection, keys: list[MentionKey], window: int,
                  max_candidates: int) -> list[tuple[MentionKey, str]]:
    """Stored mentions (with their current event id) that must be regrouped with the new ``keys``.

    Together with the new mentions they are closed under group membership, and every stored
    mention left out keeps its group: no mention that can join its group is new or regrouped
    (see :mod:`marsad.store.dedup` for ``max_candidates``).
    """
    if not keys:
        return []
    probe, uprobe = _probes(keys, window)  # noqa: F841 - read by DuckDB by name
    out = []
    for (mid, h, idx, s, t, r, mo, sa, ta, country, when, precision, evidence,
         eid) in con.execute(_AFFECTED_SQL, [max_candidates]).fetchall():
        out.append((MentionKey(mid, h, idx, s, t, r, mo, sa, ta, country, when, precision, evidence), eid))
    return out


# Representative values follow publication date (undated last), content hash and index (``rk``), not
# the ingest time (one timestamp per batch): the rows do not depend on how the input was batched.
# Codes take the most frequent CAMEO code.
REGROUP_SQL = """
INSERT INTO events BY NAME
WITH g AS (
    SELECT m.*, a.ingested_at, a.pub_date, a.outlet, a.url,
           row_number() OVER (PARTITION BY m.event_id ORDER BY a.pub_date NULLS LAST, m.content_hash, m.idx) AS rk,
           CASE m.event_date_precision WHEN 'month' THEN last_day(m.event_date)
                WHEN 'year' THEN make_date(year(m.event_date), 12, 31) END AS coarse_hi
    FROM mentions m JOIN articles a USING (content_hash)
    WHERE m.event_id IN (SELECT unnest(?))
), codes AS (
    SELECT event_id, cameo, count(*) AS n, min(mention_id) AS m0 FROM g GROUP BY event_id, cameo
), best AS (
    SELECT event_id, first(cameo ORDER BY n DESC, m0) AS best_cameo FROM codes GROUP BY event_id
), agg AS (
SELECT g.event_id,
    first(source_code ORDER BY rk) AS source_code,
    first(source_agent ORDER BY source_agent IS NULL, rk)
        AS source_agent,
    first(source_name ORDER BY source_name IS NULL, rk)
        AS source_name,
    first(target_code ORDER BY rk) AS target_code,
    first(target_agent ORDER BY target_agent IS NULL, rk)
        AS target_agent,
    first(target_name ORDER BY target_name IS NULL, rk)
        AS target_name,
    any_value(best_cameo) AS cameo, min(root) AS root,
    first(quad ORDER BY cameo <> best_cameo, rk) AS quad,
    first(goldstein ORDER BY cameo <> best_cameo, rk) AS goldstein,
    first(plover_type ORDER BY cameo <> best_cameo, rk) AS plover_type,
    first(plover_mode ORDER BY cameo <> best_cameo, rk) AS plover_mode,
    min(event_date) FILTER (WHERE event_date_precision = 'day' AND event_date_source = 'text') AS text_day,
    min(event_date) FILTER (WHERE event_date_precision = 'day') AS day_min,
    max(event_date) FILTER (WHERE event_date_precision = 'day') AS day_max,
    max(event_date) FILTER (WHERE event_date_precision IN ('month', 'year')) AS period_lo,
    min(coarse_hi) AS period_hi,
    first(place_name ORDER BY place_name IS NULL, rk)
        AS place_name,
    first(place_country ORDER BY place_country IS NULL, rk)
        AS place_country,
    first(place_lat ORDER BY place_name IS NULL, rk)
        AS place_lat,
    first(place_lon ORDER BY place_name IS NULL, rk)
        AS place_lon,
    first(place_geonameid ORDER BY place_name IS NULL, rk)
        AS place_geonameid,
    bool_and(background) AS background, any_value(modality) AS modality,
    count(*) AS num_mentions, count(DISTINCT content_hash) AS num_articles,
    count(DISTINCT coalesce(outlet, nullif(regexp_extract(url, '^[A-Za-z]+://([^/]+)', 1), ''), content_hash))
        AS num_sources,
    first(content_hash ORDER BY rk) AS first_hash,
    min(ingested_at) AS first_seen,
    first(mention_id ORDER BY sha1(mention_id)[:16] <> g.event_id, mention_id) AS founder,
    first(evidence_text ORDER BY rk) AS evidence_text
FROM g JOIN best USING (event_id)
GROUP BY g.event_id
)
SELECT * EXCLUDE (text_day),
    coalesce(text_day, day_min, period_lo) AS date,
    CASE WHEN day_min IS NOT NULL THEN 'day' WHEN period_lo IS NULL THEN NULL
         WHEN period_hi - period_lo < 31 THEN 'month' ELSE 'year' END AS date_precision
FROM agg
"""
