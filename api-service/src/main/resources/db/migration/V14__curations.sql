-- Analysts' corrections of the entity index (issue 17): merge, split, rename / retype (edit), reject, and their undo.
-- The log is also the rule book: the store path applies the corrections that are not undone (splits, edits, rejects;
-- merges through entity_redirect, as acronym merges) to every article stored later, reprocessed ones included.

CREATE TABLE curation (
    id         bigserial   PRIMARY KEY,
    operation  text        NOT NULL CHECK (operation IN ('merge', 'split', 'edit', 'reject', 'undo')),
    entity_key text        NOT NULL, -- the entity corrected (an undo: the undone correction's)
    target     text,                 -- merge: the key merged into; split: the alias split off
    new_key    text,                 -- split: the key of the entity the alias became
    keys       text[]      NOT NULL, -- every entity key the correction touched: an undo waits for later ones on these
    before     jsonb       NOT NULL, -- what the correction changed, as it was (an undo: the undone one's after)
    after      jsonb       NOT NULL,
    actor      text        NOT NULL, -- the write key's label (sha256:<first 12 hex digits of its digest>), never the key
    created_at timestamptz NOT NULL,
    undoes     bigint      REFERENCES curation (id),
    undone_by  bigint      REFERENCES curation (id)
);

-- the rules the store path reads for an article's keys: corrections in force
CREATE INDEX curation_in_force_idx ON curation (entity_key, id)
    WHERE undone_by IS NULL AND operation IN ('split', 'edit', 'reject');
-- GET /curations?entity= and the undo check: corrections touching a key
CREATE INDEX curation_keys_idx ON curation USING gin (keys);

-- The links of rejected entities, kept aside so that lists, filters, pages, counts and the stream (which all read
-- article_entity) never see them, and an undo puts them back. Replaced with the article's other rows when it is
-- stored again; no foreign key to article: rows are written before their article row (the store queues those).
CREATE TABLE rejected_article_entity (
    article_id    uuid  NOT NULL,
    entity_key    text  NOT NULL,
    name          text  NOT NULL,
    type          text  NOT NULL,
    subtype       text,
    position      int   NOT NULL,
    mentions      jsonb NOT NULL,
    mention_count int   NOT NULL,
    first_offset  int   NOT NULL,
    PRIMARY KEY (article_id, entity_key)
);

CREATE INDEX rejected_article_entity_key_idx ON rejected_article_entity (entity_key);
