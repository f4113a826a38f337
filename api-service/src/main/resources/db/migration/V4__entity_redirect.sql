-- Entities merged across articles: an acronym seen alone in some articles ("GNA") and defined in another
-- ("Government of National Accord (GNA)") become one entity. The old key keeps answering through this table.
CREATE TABLE entity_redirect (
    from_key text PRIMARY KEY,
    to_key   text NOT NULL REFERENCES entity (key)
);

CREATE INDEX entity_redirect_to_idx ON entity_redirect (to_key);
