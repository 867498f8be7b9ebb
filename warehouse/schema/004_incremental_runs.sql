-- sourcecheck warehouse, schema version 4: incremental runs and their history.
-- A run's input_key hashes everything its verdicts depend on (article content, the current source versions,
-- models, scorer and parameters): a scheduled run skips an article whose latest run has the same key. A
-- verdict's score_key hashes its claim, its candidate passages and the scorer: a run re-scores a claim only
-- when that key changed, and copies the earlier scores otherwise (scored_in_run says which run scored them).

ALTER TABLE runs ADD COLUMN IF NOT EXISTS input_key VARCHAR;        -- NULL for runs recorded before version 4
ALTER TABLE runs ADD COLUMN IF NOT EXISTS store_key VARCHAR;        -- the current source versions when the run started
ALTER TABLE runs ADD COLUMN IF NOT EXISTS claims_scored INTEGER;    -- checkable claims scored afresh by this run
ALTER TABLE runs ADD COLUMN IF NOT EXISTS claims_reused INTEGER;    -- checkable claims whose scores were reused
ALTER TABLE runs ADD COLUMN IF NOT EXISTS stage_seconds JSON;       -- {"load_store": .., "claims": .., "retrieve": .., ...}
ALTER TABLE runs ADD COLUMN IF NOT EXISTS task_runner VARCHAR;      -- local, or the Dask scheduler address

ALTER TABLE verdicts ADD COLUMN IF NOT EXISTS score_key VARCHAR;    -- claim + candidate passages + scorer
ALTER TABLE verdicts ADD COLUMN IF NOT EXISTS scored_in_run VARCHAR; -- the run that computed the scores behind it
