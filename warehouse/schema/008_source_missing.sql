-- sourcecheck warehouse, schema version 8: the status `source_missing`. A claim whose cited outlets have nothing in
-- the store for the cited days (cited_source_in_store = false) used to be judged against the whole store, so
-- another outlet made it supported, contradicted or not_found; it is now `source_missing`, a flag ("add this
-- source"), the other outlet's passage and scores kept as context. Earlier verdicts of that kind get the status
-- they get now, so claim_status never shows another outlet's verdict under the cited one's name, and each run's
-- status_counts is counted again from its verdicts.
UPDATE verdicts
SET status = 'source_missing',
    explanation = replace(explanation, '; judged against the whole store: ',
                          ': add it to check the claim. Context only, not the cited source: ')
WHERE cited_source_in_store = false AND status <> 'uncheckable';

UPDATE runs SET status_counts = recount.counts
FROM (
    SELECT run_id, to_json(map_from_entries(list({'k': status, 'v': claims} ORDER BY status))) AS counts
    FROM (SELECT run_id, status, count(*) AS claims FROM verdicts GROUP BY run_id, status)
    GROUP BY run_id
) recount
WHERE runs.run_id = recount.run_id
  AND runs.run_id IN (SELECT run_id FROM verdicts WHERE status = 'source_missing');
