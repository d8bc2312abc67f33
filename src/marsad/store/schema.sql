-- Marsad store schema (DuckDB).  Documented in docs/store.md.
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

-- One row per distinct article (identity: content hash of title + text).
CREATE TABLE IF NOT EXISTS articles (
    content_hash VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    url VARCHAR,
    outlet VARCHAR,
    title VARCHAR,
    pub_date DATE,
    language VARCHAR,
    text VARCHAR NOT NULL,
    n_events INTEGER NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_id ON articles (article_id);

-- One row per coded event in an article, with evidence offsets into articles.text.
CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR PRIMARY KEY,          -- content_hash:index
    content_hash VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    event_id VARCHAR NOT NULL,
    source_code VARCHAR NOT NULL,
    source_agent VARCHAR,
    source_name VARCHAR,
    source_text VARCHAR,
    source_start INTEGER,
    source_end INTEGER,
    target_code VARCHAR,
    target_agent VARCHAR,
    target_name VARCHAR,
    target_text VARCHAR,
    target_start INTEGER,
    target_end INTEGER,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    quad TINYINT NOT NULL,
    goldstein DOUBLE NOT NULL,
    plover_type VARCHAR,
    plover_mode VARCHAR,
    date DATE,
    date_precision VARCHAR,
    place_name VARCHAR,
    place_country VARCHAR,
    place_lat DOUBLE,
    place_lon DOUBLE,
    place_geonameid BIGINT,
    place_text VARCHAR,
    place_start INTEGER,
    place_end INTEGER,
    trigger_text VARCHAR NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    evidence_text VARCHAR NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    modality VARCHAR NOT NULL,
    background BOOLEAN NOT NULL,
    reported_by VARCHAR,                     -- JSON list of names
    quantities VARCHAR,                      -- JSON list of {value, unit}
    confidence DOUBLE,
    sentence INTEGER,                        -- index of the evidence sentence in the article (0 = lead)
    event_date DATE,                         -- effective date used by dedup: text date, else publication date
    event_date_precision VARCHAR,            -- day, month, year (NULL: no date at all)
    event_date_source VARCHAR                -- text, publication (NULL: no date)
);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions (event_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (content_hash);

-- One row per real-world event: mentions grouped across articles and outlets
-- (see docs/store.md, "De-duplication").  Recomputed from its mentions whenever they change.
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,            -- sha1 of the founding (canonically first) mention's id
    source_code VARCHAR NOT NULL,
    source_agent VARCHAR,
    source_name VARCHAR,
    target_code VARCHAR,
    target_agent VARCHAR,
    target_name VARCHAR,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    quad TINYINT NOT NULL,
    goldstein DOUBLE NOT NULL,
    plover_type VARCHAR,
    plover_mode VARCHAR,
    date DATE,
    date_precision VARCHAR,
    place_name VARCHAR,
    place_country VARCHAR,
    place_lat DOUBLE,
    place_lon DOUBLE,
    place_geonameid BIGINT,
    background BOOLEAN NOT NULL,
    modality VARCHAR NOT NULL,
    day_min DATE,                            -- earliest/latest day-precision effective date of the mentions
    day_max DATE,
    period_lo DATE,                          -- narrowest month/year period of coarse-dated mentions
    period_hi DATE,
    num_mentions INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    first_hash VARCHAR NOT NULL,             -- first-seen article (content hash)
    first_seen TIMESTAMP NOT NULL,
    founder VARCHAR NOT NULL,                -- mention_id that founded the group
    evidence_text VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS events_dyad ON events (source_code, target_code);
CREATE INDEX IF NOT EXISTS events_date ON events (date);

-- Input that could not be coded, with the reason.  Nothing is dropped silently.
CREATE TABLE IF NOT EXISTS rejections (
    rejection_id VARCHAR PRIMARY KEY,        -- content hash, or source location for unreadable input
    article_id VARCHAR,
    source VARCHAR,
    code VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    rejected_at TIMESTAMP NOT NULL
);

CREATE OR REPLACE VIEW actors AS
    SELECT code, agent, any_value(name) AS name, count(*) AS n_mentions FROM (
        SELECT source_code AS code, source_agent AS agent, source_name AS name FROM mentions
        UNION ALL
        SELECT target_code, target_agent, target_name FROM mentions WHERE target_code IS NOT NULL
    ) GROUP BY code, agent;
