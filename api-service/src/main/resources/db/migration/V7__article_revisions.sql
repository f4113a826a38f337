-- Ownership as revisions (docs/reliability.md): any ingest key may send a new version of an article (same source +
-- externalId, or same URL), and every version it replaces is kept here, with who submitted it. The article row stays
-- the latest version; `revisions` counts the rows kept for it.
ALTER TABLE article
    ADD COLUMN submitted_by text,                  -- label of the ingest key (never the key), null when unknown
    ADD COLUMN revisions    int  NOT NULL DEFAULT 0;

CREATE TABLE article_revisions (
    article_id      uuid        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    revision        int         NOT NULL,      -- 1 for the first version replaced, then 2, 3 ...
    title           text,
    body            text        NOT NULL,
    source          text,
    url             text,
    published_value text,
    published_basis text        NOT NULL,
    published_at    timestamptz,
    submitted_by    text,
    stored_at       timestamptz NOT NULL,      -- when this version was stored
    replaced_at     timestamptz NOT NULL,      -- when a version with other content replaced it
    PRIMARY KEY (article_id, revision)
);

-- Publication dates outside io.newsflow.events.PublishedDates' range (1600-01-01 .. 9999-12-31) are unknown from now
-- on, as the consumer stores them: rows stored before that rule sort by their received time like any undated article.
WITH out_of_range AS (
    UPDATE article SET published_value = NULL, published_basis = 'unknown', published_at = NULL, sort_at = received_at
    WHERE published_at < '1600-01-01T00:00:00Z' OR published_at > '9999-12-31T23:59:59Z'
    RETURNING id, sort_at)
UPDATE article_entity ae SET sort_at = o.sort_at FROM out_of_range o WHERE ae.article_id = o.id;
