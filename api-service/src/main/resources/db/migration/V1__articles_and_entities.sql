-- Newsflow storage: articles with their enrichment, the canonical entities they mention, and the
-- dates they speak of. Child rows are replaced as a whole when an article is stored again.

CREATE TABLE article (
    id                 uuid PRIMARY KEY,
    external_id        text,
    url                text,
    source             text,
    title              text,
    body               text        NOT NULL,
    language           text,
    published_value    text,                 -- as enriched: a date or a date-time
    published_basis    text        NOT NULL, -- given | page | inferred | unknown
    published_at       timestamptz,          -- published_value as an instant, for filters
    received_at        timestamptz NOT NULL,
    stored_at          timestamptz NOT NULL,
    sort_at            timestamptz NOT NULL, -- published_at, else received_at: "newest first"
    enrichment_version text,
    enrichment_took_ms bigint,
    entities           jsonb       NOT NULL, -- the enriched entities with all their mentions
    dates              jsonb       NOT NULL, -- the enriched time expressions
    search             tsvector GENERATED ALWAYS AS (
                           setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                           setweight(to_tsvector('english', body), 'B')) STORED
);

CREATE INDEX article_search_idx ON article USING gin (search);
CREATE INDEX article_sort_idx ON article (sort_at DESC, id DESC);
CREATE INDEX article_source_sort_idx ON article (source, sort_at DESC, id DESC);
CREATE INDEX article_published_idx ON article (published_at);

-- A canonical entity across all articles.
CREATE TABLE entity (
    key  text PRIMARY KEY,
    name text NOT NULL,
    type text NOT NULL
);

CREATE INDEX entity_type_idx ON entity (type);

-- Every surface form seen for an entity; the 'entity' filter and entity search match these.
CREATE TABLE entity_alias (
    entity_key text NOT NULL REFERENCES entity (key),
    alias      text NOT NULL,
    PRIMARY KEY (entity_key, alias)
);

CREATE INDEX entity_alias_lower_idx ON entity_alias (lower(alias));

CREATE TABLE article_entity (
    article_id    uuid NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    entity_key    text NOT NULL REFERENCES entity (key),
    name          text NOT NULL,
    type          text NOT NULL,
    mention_count int  NOT NULL,
    first_offset  int  NOT NULL,
    sort_at       timestamptz NOT NULL, -- copied from the article: entity pages list newest first from this index
    PRIMARY KEY (article_id, entity_key)
);

CREATE INDEX article_entity_key_sort_idx ON article_entity (entity_key, sort_at DESC, article_id DESC);
CREATE INDEX article_entity_type_idx ON article_entity (type, article_id);

-- Dates mentioned in the text, as the span of days each value covers (2019-05 -> May 1..31).
CREATE TABLE article_date (
    article_id   uuid NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    start_offset int  NOT NULL,
    value        text NOT NULL,
    type         text NOT NULL,
    resolved     boolean NOT NULL,
    date_from    date,
    date_to      date,
    PRIMARY KEY (article_id, start_offset)
);

CREATE INDEX article_date_span_idx ON article_date (date_from, date_to);
