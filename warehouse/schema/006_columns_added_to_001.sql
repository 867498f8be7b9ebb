-- Columns that 001_initial.sql gained after schema version 1 shipped: a warehouse created by that first release
-- lacks them (tests/fixtures/warehouse-v1 is one). Each is a no-op where 001 already made it.
ALTER TABLE sources ADD COLUMN IF NOT EXISTS document_id VARCHAR;
ALTER TABLE sources ADD COLUMN IF NOT EXISTS retired_at TIMESTAMP;
ALTER TABLE verdicts ADD COLUMN IF NOT EXISTS cited_source_in_store BOOLEAN;
-- the document's identity as sources/documents.py computes it: content_id("document", resolved path, record key)
UPDATE sources SET document_id = substr(sha256('document' || chr(31) || path || chr(31) || coalesce(record_key, '')), 1, 16)
WHERE document_id IS NULL;
