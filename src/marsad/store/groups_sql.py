"""SQL side of de-duplication: load candidate groups, recompute event rows."""

from __future__ import annotations

from datetime import timedelta

import duckdb
import pyarrow as pa

from marsad.store.dedup import Group, MentionKey

MAX_CANDIDATES = 200  # per probe; only reached by undated mentions of very common keys

_CANDIDATES_SQL = """
SELECT DISTINCT event_id FROM (
    SELECT e.event_id, row_number() OVER (PARTITION BY p.pid ORDER BY e.first_seen DESC, e.event_id) AS rk
    FROM events e JOIN probe p
      ON e.source_code = p.s AND coalesce(e.target_code, '') = p.t AND e.root = p.r AND e.modality = p.mo
    WHERE p.lo IS NULL OR (e.day_min IS NULL AND e.period_lo IS NULL)
       OR (coalesce(e.day_min, e.period_lo) <= p.hi AND coalesce(e.day_max, e.period_hi) >= p.lo)
) WHERE rk <= ?
"""

_STATE_SQL = """
SELECT e.event_id, e.source_code, coalesce(e.target_code, ''), e.root, e.modality, e.source_agent,
       e.target_agent, e.place_country, e.day_min, e.day_max, e.period_lo, e.period_hi,
       list(m.evidence_text ORDER BY m.mention_id), list(DISTINCT m.content_hash)
FROM events e JOIN mentions m USING (event_id)
WHERE e.event_id IN (SELECT unnest(?))
GROUP BY ALL
"""


def _probes(keys: list[MentionKey], window: int) -> pa.Table:
    seen: dict[tuple, None] = {}
    for k in keys:
        lo = hi = None
        if k.date is not None:
            span = {"day": 0, "month": 31, "year": 366}.get(k.precision or "day", 0)
            lo, hi = k.date - timedelta(days=window), k.date + timedelta(days=window + span)
        seen[(k.source_code, k.target_code or "", k.root, k.modality, lo, hi)] = None
    cols = list(zip(*seen, strict=True))
    return pa.table({"pid": list(range(len(seen))), "s": cols[0], "t": cols[1], "r": cols[2], "mo": cols[3],
                     "lo": pa.array(cols[4], pa.date32()), "hi": pa.array(cols[5], pa.date32())})


def load_candidates(con: duckdb.DuckDBPyConnection, keys: list[MentionKey], window: int) -> list[Group]:
    """Stored groups that some of the new mentions might join (same key, overlapping dates)."""
    probe = _probes(keys, window)  # noqa: F841 - read by DuckDB by name
    ids = [r[0] for r in con.execute(_CANDIDATES_SQL, [MAX_CANDIDATES]).fetchall()]
    if not ids:
        return []
    groups = []
    for (eid, s, t, r, mo, sa, ta, country, dmin, dmax, plo, phi, evidence, hashes) in con.execute(
            _STATE_SQL, [ids]).fetchall():
        groups.append(Group(eid, (s, t, r, mo), source_agent=sa, target_agent=ta, country=country,
                            day_min=dmin, day_max=dmax, period_lo=plo, period_hi=phi,
                            evidence=list(evidence), articles=set(hashes)))
    return groups


# Representative values follow the "first seen" order: ingest time, then publication date,
# content hash and index (deterministic inside a batch).  Codes take the most frequent CAMEO code.
REGROUP_SQL = """
INSERT INTO events BY NAME
WITH g AS (
    SELECT m.*, a.ingested_at, a.pub_date, a.outlet, a.url,
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
    first(source_code ORDER BY ingested_at, pub_date NULLS LAST, content_hash, idx) AS source_code,
    first(source_agent ORDER BY source_agent IS NULL, ingested_at, pub_date NULLS LAST, content_hash, idx)
        AS source_agent,
    first(source_name ORDER BY source_name IS NULL, ingested_at, pub_date NULLS LAST, content_hash, idx)
        AS source_name,
    first(target_code ORDER BY ingested_at, pub_date NULLS LAST, content_hash, idx) AS target_code,
    first(target_agent ORDER BY target_agent IS NULL, ingested_at, pub_date NULLS LAST, content_hash, idx)
        AS target_agent,
    first(target_name ORDER BY target_name IS NULL, ingested_at, pub_date NULLS LAST, content_hash, idx)
        AS target_name,
    any_value(best_cameo) AS cameo, min(root) AS root,
    first(quad ORDER BY cameo <> best_cameo, ingested_at, content_hash, idx) AS quad,
    first(goldstein ORDER BY cameo <> best_cameo, ingested_at, content_hash, idx) AS goldstein,
    first(plover_type ORDER BY cameo <> best_cameo, ingested_at, content_hash, idx) AS plover_type,
    first(plover_mode ORDER BY cameo <> best_cameo, ingested_at, content_hash, idx) AS plover_mode,
    min(event_date) FILTER (WHERE event_date_precision = 'day' AND event_date_source = 'text') AS text_day,
    min(event_date) FILTER (WHERE event_date_precision = 'day') AS day_min,
    max(event_date) FILTER (WHERE event_date_precision = 'day') AS day_max,
    max(event_date) FILTER (WHERE event_date_precision IN ('month', 'year')) AS period_lo,
    min(coarse_hi) AS period_hi,
    first(place_name ORDER BY place_name IS NULL, ingested_at, pub_date NULLS LAST, content_hash, idx)
        AS place_name,
    first(place_country ORDER BY place_country IS NULL, ingested_at, pub_date NULLS LAST, content_hash, idx)
        AS place_country,
    first(place_lat ORDER BY place_name IS NULL, ingested_at, pub_date NULLS LAST, content_hash, idx)
        AS place_lat,
    first(place_lon ORDER BY place_name IS NULL, ingested_at, pub_date NULLS LAST, content_hash, idx)
        AS place_lon,
    first(place_geonameid ORDER BY place_name IS NULL, ingested_at, pub_date NULLS LAST, content_hash, idx)
        AS place_geonameid,
    bool_and(background) AS background, any_value(modality) AS modality,
    count(*) AS num_mentions, count(DISTINCT content_hash) AS num_articles,
    count(DISTINCT coalesce(outlet, nullif(regexp_extract(url, '^[A-Za-z]+://([^/]+)', 1), ''), content_hash))
        AS num_sources,
    first(content_hash ORDER BY ingested_at, pub_date NULLS LAST, content_hash, idx) AS first_hash,
    min(ingested_at) AS first_seen,
    first(mention_id ORDER BY sha1(mention_id)[:16] <> g.event_id, mention_id) AS founder,
    first(evidence_text ORDER BY ingested_at, pub_date NULLS LAST, content_hash, idx) AS evidence_text
FROM g JOIN best USING (event_id)
GROUP BY g.event_id
)
SELECT * EXCLUDE (text_day),
    coalesce(text_day, day_min, period_lo) AS date,
    CASE WHEN day_min IS NOT NULL THEN 'day' WHEN period_lo IS NULL THEN NULL
         WHEN period_hi - period_lo < 31 THEN 'month' ELSE 'year' END AS date_precision
FROM agg
"""
