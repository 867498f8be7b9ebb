-- Views are recreated on every open, so they always match the code that reads them.

-- The latest run of each article.
CREATE OR REPLACE VIEW latest_runs AS
SELECT * EXCLUDE (rn) FROM (
    SELECT r.*, row_number() OVER (PARTITION BY article_id ORDER BY finished_at DESC, run_id DESC) AS rn
    FROM runs r
) WHERE rn = 1;

-- One row per claim per run: the history view (how a claim's status changed across runs).
-- status: supported | contradicted | misattributed | not_found | source_missing | uncheckable (scoring/verdicts.py).
-- flagged: the statuses a reviewer is shown (sourcecheck.model.scores.FLAGGED); source_missing asks for the cited
-- source to be added, the evidence of such a claim is another outlet's passage, shown as context only.
CREATE OR REPLACE VIEW claim_status_history AS
SELECT
    c.claim_id, c.article_id, s.sentence_index, s.text AS sentence_text, c.text AS claim_text,
    c.cited_outlets, v.status, v.support_score, v.contradiction_score,
    v.evidence_outlet, p.text AS evidence_text, v.run_id,
    -- more columns after the contract's twelve
    c.claim_index, c.assigned_by, c.date_start AS cited_date_start, c.date_end AS cited_date_end,
    v.explanation, v.cited_source_in_store, v.evidence_passage_id, p.context AS evidence_context, src.published AS evidence_published,
    src.title AS evidence_title, src.illustrative AS evidence_illustrative, r.finished_at AS run_finished_at,
    v.status IN ('contradicted', 'misattributed', 'not_found', 'source_missing') AS flagged
FROM verdicts v
JOIN runs r USING (run_id)
JOIN claims c USING (claim_id)
JOIN sentences s ON s.sentence_id = c.sentence_id
LEFT JOIN passages p ON p.passage_id = v.evidence_passage_id
LEFT JOIN sources src ON src.source_id = p.source_id;

-- One row per claim of the latest run of each article.
CREATE OR REPLACE VIEW claim_status AS
SELECT h.* FROM claim_status_history h JOIN latest_runs l USING (run_id);

-- How a claim's status changed across the runs of its article: its first verdict, then each run whose status
-- differs from the run before (runs that kept the status are in claim_status_history).
CREATE OR REPLACE VIEW claim_status_changes AS
SELECT * FROM (
    SELECT h.claim_id, h.article_id, h.claim_text, h.run_id, h.run_finished_at,
           lag(h.status) OVER (PARTITION BY h.claim_id ORDER BY h.run_finished_at, h.run_id) AS previous_status,
           h.status, h.support_score, h.contradiction_score, h.evidence_outlet, h.evidence_text
    FROM claim_status_history h
) WHERE previous_status IS DISTINCT FROM status;
