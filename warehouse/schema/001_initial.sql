-- sourcecheck warehouse, schema version 1.
-- Ids are content hashes (see sourcecheck/core/ids.py): re-ingesting unchanged input adds no rows, and re-verifying
-- an unchanged article adds only the new run (runs, matches, verdicts).

CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER NOT NULL,
    applied_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS outlets (
    outlet      VARCHAR PRIMARY KEY,      -- canonical name
    aliases     VARCHAR[] NOT NULL,
    registered  BOOLEAN NOT NULL          -- false: seen in a source or citation but not in the registry
);

CREATE TABLE IF NOT EXISTS articles (
    article_id    VARCHAR PRIMARY KEY,    -- stable across edits of the article
    path          VARCHAR NOT NULL,
    title         VARCHAR,
    publication   VARCHAR,
    published     DATE,
    content_hash  VARCHAR NOT NULL,       -- of the latest verified revision
    body          VARCHAR NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS sentences (
    sentence_id      VARCHAR PRIMARY KEY,
    article_id       VARCHAR NOT NULL,
    paragraph_index  INTEGER NOT NULL,
    sentence_index   INTEGER NOT NULL,
    start_char       INTEGER NOT NULL,    -- span in articles.body
    end_char         INTEGER NOT NULL,
    text             VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS citations (
    citation_id   VARCHAR PRIMARY KEY,
    sentence_id   VARCHAR NOT NULL,       -- the sentence the credit is written in
    kind          VARCHAR NOT NULL,       -- parenthetical | inline | unnamed
    raw           VARCHAR NOT NULL,
    outlets       VARCHAR[] NOT NULL,     -- canonical names
    outlet_names  VARCHAR[] NOT NULL,     -- as written
    date_start    DATE,
    date_end      DATE
);

CREATE TABLE IF NOT EXISTS claims (
    claim_id            VARCHAR PRIMARY KEY,
    article_id          VARCHAR NOT NULL,
    sentence_id         VARCHAR NOT NULL,
    claim_index         INTEGER NOT NULL,
    text                VARCHAR NOT NULL,
    span_start          INTEGER NOT NULL, -- span in the sentence
    span_end            INTEGER NOT NULL,
    citation_id         VARCHAR,
    assigned_by         VARCHAR NOT NULL, -- parenthetical | inline | unnamed | none
    cited_outlets       VARCHAR[] NOT NULL,
    date_start          DATE,
    date_end            DATE,
    checkworthy         BOOLEAN NOT NULL,
    checkworthy_reason  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS sources (
    source_id     VARCHAR PRIMARY KEY,    -- one version of a document: old versions stay for old runs' evidence
    document_id   VARCHAR NOT NULL,       -- the document across versions: its file (and JSONL record key)
    path          VARCHAR NOT NULL,
    record_key    VARCHAR NOT NULL,
    outlet        VARCHAR NOT NULL,
    published     DATE NOT NULL,
    language      VARCHAR NOT NULL,
    title         VARCHAR,
    url           VARCHAR,
    illustrative  BOOLEAN NOT NULL,
    content_hash  VARCHAR NOT NULL,       -- a changed document replaces its passages
    text          VARCHAR NOT NULL,
    ingested_at   TIMESTAMP NOT NULL,
    retired_at    TIMESTAMP               -- set when a new version replaced it or it left its file
);

CREATE TABLE IF NOT EXISTS passages (
    passage_id     VARCHAR PRIMARY KEY,
    source_id      VARCHAR NOT NULL,
    passage_index  INTEGER NOT NULL,
    text           VARCHAR NOT NULL,      -- one sentence
    context        VARCHAR NOT NULL,      -- with its neighbours
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    text_hash      VARCHAR NOT NULL,      -- embedding cache key
    retired_at     TIMESTAMP              -- set when its document changed: kept for the evidence of old runs,
                                          -- never retrieved again
);

-- One vector table per width (FLOAT[N] is fixed-size); this lists which model lives in which table.
CREATE TABLE IF NOT EXISTS embedding_models (
    model       VARCHAR PRIMARY KEY,
    dimension   INTEGER NOT NULL,
    table_name  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id               VARCHAR PRIMARY KEY,
    article_id           VARCHAR NOT NULL,
    article_content_hash VARCHAR NOT NULL,
    started_at           TIMESTAMP NOT NULL,
    finished_at          TIMESTAMP NOT NULL,
    user_name            VARCHAR,
    host                 VARCHAR,
    flow_run_id          VARCHAR,
    sourcecheck_version  VARCHAR NOT NULL,
    embedding_model      VARCHAR NOT NULL,
    scorer               VARCHAR NOT NULL,
    scorer_version       VARCHAR NOT NULL,
    parameters           JSON NOT NULL,
    passages_in_store    INTEGER NOT NULL,
    claims               INTEGER NOT NULL,
    status_counts        JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS matches (
    run_id               VARCHAR NOT NULL,
    claim_id             VARCHAR NOT NULL,
    passage_id           VARCHAR NOT NULL,
    scope                VARCHAR NOT NULL, -- cited | store
    rank                 INTEGER NOT NULL,
    similarity           DOUBLE NOT NULL,
    support_score        DOUBLE NOT NULL,
    contradiction_score  DOUBLE NOT NULL,
    explanation          VARCHAR NOT NULL,
    PRIMARY KEY (run_id, claim_id, passage_id)
);

CREATE TABLE IF NOT EXISTS verdicts (
    run_id               VARCHAR NOT NULL,
    claim_id             VARCHAR NOT NULL,
    status               VARCHAR NOT NULL,
    support_score        DOUBLE,
    contradiction_score  DOUBLE,
    evidence_passage_id  VARCHAR,
    evidence_outlet      VARCHAR,
    explanation          VARCHAR NOT NULL,
    cited_source_in_store BOOLEAN,        -- false: the cited outlets have nothing in the store for the cited days
    PRIMARY KEY (run_id, claim_id)
);
