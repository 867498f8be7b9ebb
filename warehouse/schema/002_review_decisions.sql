-- sourcecheck warehouse, schema version 2: the reviewer's decisions on flagged claims.
-- A decision holds for its claim and the evidence it was made on (evidence_key: a hash of the verdict and of
-- the passages the report showed, reports/evidence.py). Later runs keep it while both stay the same; when the
-- claim or its evidence changes, the flag is open again. Rows are only ever added: the latest decision for a
-- (claim, evidence) pair counts, the earlier ones are its history.

CREATE TABLE IF NOT EXISTS review_decisions (
    decision_id   VARCHAR PRIMARY KEY,
    claim_id      VARCHAR NOT NULL,
    evidence_key  VARCHAR NOT NULL,
    run_id        VARCHAR NOT NULL,       -- the run whose flag was reviewed
    status        VARCHAR NOT NULL,       -- the verdict reviewed: contradicted | misattributed | not_found | source_missing (008)
    decision      VARCHAR NOT NULL,       -- confirm | dismiss
    note          VARCHAR NOT NULL,
    reviewer      VARCHAR NOT NULL,
    decided_at    TIMESTAMP NOT NULL
);
