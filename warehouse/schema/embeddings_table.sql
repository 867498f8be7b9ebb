-- The vector table for one embedding width; {dimension} is filled in when a model of that width first arrives.
CREATE TABLE IF NOT EXISTS embeddings_{dimension} (
    model      VARCHAR NOT NULL,
    text_hash  VARCHAR NOT NULL,
    vector     FLOAT[{dimension}] NOT NULL,   -- L2-normalised
    PRIMARY KEY (model, text_hash)
);
