-- sourcecheck warehouse, schema version 7: a claim's slots are those its verdicts compare (sourcecheck.slots reads
-- both). A quantity keeps the interval of values it allows, as compared ("close to 1,300 troops": 1,170 to 1,430;
-- "more than 1,000": up to infinity); its unit is the kind compared (personnel, km, vehicle, usd, percent, ...).
ALTER TABLE claim_slots ADD COLUMN IF NOT EXISTS number_low DOUBLE;    -- quantity: the values it allows
ALTER TABLE claim_slots ADD COLUMN IF NOT EXISTS number_high DOUBLE;
ALTER TABLE claim_slots ADD COLUMN IF NOT EXISTS venue BOOLEAN;        -- place: named as where something happened
-- The rows before version 7 came from a reader no verdict used (another unit, no interval, slots never
-- compared): they go, and a claim gets its rows again when its article is next verified.
DELETE FROM claim_slots;
