-- chronik store schema (DuckDB).  Documented column by column in docs/schema.md.
-- Every annotation row carries doc_id, character offsets into documents.text, and the
-- producing component and version.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,            -- sha1(source + normalised text), 16 hex chars
    text_hash VARCHAR NOT NULL,        -- sha1(normalised text): equal across sources
    source VARCHAR,                    -- publisher / feed / collection name
    url VARCHAR,
    title VARCHAR,
    text VARCHAR NOT NULL,
    date_value VARCHAR,                -- as given: 2022, 2022-02, 2022-02-11, or ISO timestamp
    date_granularity VARCHAR,          -- year | month | day | instant (NULL when no date)
    date_earliest DATE,
    date_latest DATE,
    lang VARCHAR,
    status VARCHAR NOT NULL,           -- ok | skipped | duplicate
    status_reason VARCHAR,             -- why skipped, or id of the first copy for duplicates
    origin VARCHAR,                    -- input file
    origin_location VARCHAR,           -- line / record / offset within the input file
    n_words INTEGER,
    meta JSON,                         -- unknown input fields, kept verbatim
    ingested_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS rejects (
    origin VARCHAR NOT NULL,
    location VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    created_at TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (origin, location)
);

-- Which documents were analysed by which pipeline (one row per doc; replaced on re-analysis).
CREATE TABLE IF NOT EXISTS analyses (
    doc_id VARCHAR PRIMARY KEY,
    pipeline VARCHAR NOT NULL,         -- component@version;... signature
    analysed_at TIMESTAMP DEFAULT current_timestamp,
    error VARCHAR
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    component VARCHAR, version VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    kind VARCHAR,
    doc_entity INTEGER,                -- index of the in-document entity
    entity_id VARCHAR,                 -- corpus-wide entity id (entities.id)
    sentence INTEGER,
    score DOUBLE,
    attrs JSON,                        -- e.g. role mentions: role, country, sector, anonymous
    component VARCHAR, version VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

-- In-document entities (one row per entity per document).
CREATE TABLE IF NOT EXISTS doc_entities (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    entity_id VARCHAR,                 -- corpus-wide id
    label VARCHAR,
    name VARCHAR,
    forms JSON,
    roles JSON,
    country VARCHAR,
    sector VARCHAR,
    external_id VARCHAR,
    key VARCHAR,
    component VARCHAR, version VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

-- Corpus-wide entities, rebuilt by consolidation from doc_entities.
CREATE TABLE IF NOT EXISTS entities (
    id VARCHAR PRIMARY KEY,
    label VARCHAR,
    name VARCHAR,
    forms JSON,
    country VARCHAR,
    sector VARCHAR,
    external_id VARCHAR,
    n_docs INTEGER,
    n_mentions INTEGER
);

-- Roles/titles seen with an entity, and when (article date).
CREATE TABLE IF NOT EXISTS entity_roles (
    entity_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    date_value VARCHAR,
    date_earliest DATE,
    date_latest DATE,
    role_key VARCHAR                   -- canonical role|country, matches bare roles to holders
);

CREATE TABLE IF NOT EXISTS timexes (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    value VARCHAR,
    earliest DATE,
    latest DATE,
    mod VARCHAR,
    anchor VARCHAR,
    sentence INTEGER,
    attrs JSON,
    component VARCHAR, version VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    form VARCHAR NOT NULL,
    medium VARCHAR,
    cue JSON,                          -- [[start, end], ...]
    source JSON,
    message JSON,
    addressee JSON,
    cue_text VARCHAR,
    source_text VARCHAR,
    message_text VARCHAR,
    addressee_text VARCHAR,
    source_doc_entity INTEGER,
    source_entity_id VARCHAR,
    addressee_doc_entity INTEGER,
    addressee_entity_id VARCHAR,
    source_description VARCHAR,
    source_country VARCHAR,
    channel VARCHAR,
    timex INTEGER,
    time_value VARCHAR,
    sentence INTEGER,
    start_char INTEGER,                -- span covering cue, source and message
    end_char INTEGER,
    attrs JSON,
    component VARCHAR, version VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS events (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    modality VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    trigger_text VARCHAR,
    sentence INTEGER,
    sentence_start INTEGER,
    sentence_end INTEGER,
    sources JSON,                      -- [{text, start, end, entity_id, country, sector}]
    targets JSON,
    location JSON,
    source_codes VARCHAR,              -- e.g. "RUS GOV; USA GOV"
    target_codes VARCHAR,
    timex INTEGER,
    time_value VARCHAR,
    earliest DATE,
    latest DATE,
    quantities JSON,
    quote INTEGER,
    cluster_id VARCHAR,                -- cross-document event id (event_clusters.id)
    attrs JSON,
    component VARCHAR, version VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

-- Cross-document events: many mentions, one event.
CREATE TABLE IF NOT EXISTS event_clusters (
    id VARCHAR PRIMARY KEY,
    type VARCHAR,
    mode VARCHAR,
    modality VARCHAR,
    actors JSON,
    time_value VARCHAR,
    earliest DATE,
    latest DATE,
    n_mentions INTEGER,
    n_articles INTEGER,
    sources JSON,
    linked_to JSON                     -- e.g. a planned call linked to the call that took place
);

-- Columns added after the first release: stores created before them gain them on open.
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS attrs JSON;
ALTER TABLE entity_roles ADD COLUMN IF NOT EXISTS role_key VARCHAR;
