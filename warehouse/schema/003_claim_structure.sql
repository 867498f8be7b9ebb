-- sourcecheck warehouse, schema version 3: the structure of each claim. Applied in place to a version-1 warehouse
-- (its old claims simply have no rows here until they are extracted again).

CREATE TABLE IF NOT EXISTS claim_details (
    claim_id     VARCHAR PRIMARY KEY,
    claim_type   VARCHAR NOT NULL,        -- factual | quote | opinion | prediction (opinion: verdict `uncheckable`)
    source_text  VARCHAR NOT NULL         -- the sentence's text under the claim's span (a rewritten claim's origin)
);

CREATE TABLE IF NOT EXISTS claim_slots (
    claim_id      VARCHAR NOT NULL,
    slot_index    INTEGER NOT NULL,
    kind          VARCHAR NOT NULL,       -- quantity | date | person | organisation | place | quote
    text          VARCHAR NOT NULL,       -- as written in the claim
    number        DOUBLE,                 -- quantity: its value ("around 2,000 personnel" -> 2000)
    approximator  VARCHAR,                -- quantity: around | about | up to | more than | ...
    unit          VARCHAR,                -- quantity: personnel | kilometer | USD | ...
    date_start    DATE,                   -- date: first and last day it names
    date_end      DATE,
    PRIMARY KEY (claim_id, slot_index)
);

CREATE TABLE IF NOT EXISTS claim_references (
    claim_id         VARCHAR NOT NULL,
    reference_index  INTEGER NOT NULL,
    mention          VARCHAR NOT NULL,    -- as written: "he", "this battalion"
    resolved         VARCHAR NOT NULL,    -- what the claim text says instead: "Ci Guowei"
    PRIMARY KEY (claim_id, reference_index)
);
