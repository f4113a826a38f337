-- Counts kept on write for a million articles and more (issue 19, docs/performance.md "1M articles").
--
-- * An entity page's two timelines (articles per publication month, articles per month their text speaks of)
--   aggregated every article of the entity per view: 400 ms for an entity in a fifth of 100,000 articles, linear in
--   its articles. They now read entity_month, one row per entity and month.
-- * GET /sources counted every article per request. It now reads source_count, one row per source.
-- * entity.article_count / mention_count (V6) were kept by a row trigger: one UPDATE of an entity row per link row,
--   which made bulk loads slow and left a dead entity row version per link. All counts are now kept by statement
--   triggers with transition tables: one aggregated, key-ordered upsert per statement, whatever the number of rows.
--
-- The counts follow the rows they count, whoever writes them (storing a batch, replacing an article's rows, cascading
-- deletes, entity merges, corrections), so no writer needs code for them. Each upsert adds a delta to a row under
-- that row's lock: concurrent api instances add up exactly; shared rows are locked in key order, as the writers do.
--
-- For the delta of a deleted link to be right, the link row carries what it was counted under: the article's
-- publication month and the months its text speaks of, copied from the article on write (like sort_at). Reading them
-- from article or article_date in the trigger would see the new version of a re-stored article, or nothing during a
-- cascading delete.

ALTER TABLE article_entity
    ADD COLUMN published_month  date,                     -- first day of the article's publication month (UTC), null: unknown
    ADD COLUMN mentioned_months date[] NOT NULL DEFAULT '{}'; -- first days of the months its dates fall in (spans < 31 days)

UPDATE article_entity ae SET published_month = date_trunc('month', a.published_at AT TIME ZONE 'UTC')::date,
                             mentioned_months = coalesce(m.months, '{}')
FROM article a
LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT date_trunc('month', d.date_from)::date ORDER BY date_trunc('month', d.date_from)::date) AS months
    FROM article_date d WHERE d.article_id = a.id AND d.date_from IS NOT NULL AND d.date_to - d.date_from < 31) m ON TRUE
WHERE a.id = ae.article_id AND (a.published_at IS NOT NULL OR m.months IS NOT NULL);

-- No foreign key to entity: a merged entity's rows drop to zero and are removed by the same trigger that empties them.
CREATE TABLE entity_month (
    entity_key text   NOT NULL,
    month      date   NOT NULL, -- first day of the month
    published  bigint NOT NULL, -- articles of the entity published in that month
    mentioned  bigint NOT NULL, -- articles of the entity with a date (a day .. a month) in that month
    PRIMARY KEY (entity_key, month)
);

INSERT INTO entity_month (entity_key, month, published, mentioned)
SELECT entity_key, month, sum(published), sum(mentioned) FROM (
    SELECT entity_key, published_month AS month, 1 AS published, 0 AS mentioned FROM article_entity WHERE published_month IS NOT NULL
    UNION ALL
    SELECT ae.entity_key, m.month, 0, 1 FROM article_entity ae, unnest(ae.mentioned_months) AS m(month)) c
GROUP BY entity_key, month;

CREATE TABLE source_count (
    source   text   PRIMARY KEY,
    articles bigint NOT NULL
);

INSERT INTO source_count (source, articles)
SELECT source, count(*) FROM article WHERE source IS NOT NULL GROUP BY source;

-- GET /sources: most articles first, and each listed source's latest publication date in one index probe
CREATE INDEX source_count_articles_idx ON source_count (articles DESC, source);
CREATE INDEX article_source_published_idx ON article (source, published_at) WHERE published_at IS NOT NULL;

-- Search statistics for a million articles: with the default target (100) the most common lexemes PostgreSQL keeps
-- for the search vector went down to those in 5% of the articles, and a rare name was estimated like a word in 2.5%
-- of them; the planner then walked article_sort_idx newest first, rechecking every article (16 s for a name in 28
-- articles) instead of asking the GIN index (56 ms). 1,000 keeps lexemes down to ~0.3% of the articles.
ALTER TABLE article ALTER COLUMN search SET STATISTICS 1000;

-- One changed link row: +1 (inserted, new version) or -1 (deleted, old version).
CREATE TYPE newsflow_link_delta AS (entity_key text, sign int, mention_count int, published_month date, mentioned_months date[]);

CREATE FUNCTION newsflow_counts_follow_article_entity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    deltas newsflow_link_delta[] := '{}';
    emptied_keys text[];
    emptied_months date[];
BEGIN
    -- new_rows / old_rows exist only for the events that define them: each is read only under its own event
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        deltas := deltas || ARRAY(SELECT (entity_key, 1, mention_count, published_month, mentioned_months)::newsflow_link_delta FROM new_rows);
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        deltas := deltas || ARRAY(SELECT (entity_key, -1, mention_count, published_month, mentioned_months)::newsflow_link_delta FROM old_rows);
    END IF;

    -- entity rows in key order (the lock is taken row by row as the sort returns them), then the counts
    PERFORM 1 FROM entity WHERE key IN (SELECT d.entity_key FROM unnest(deltas) d) ORDER BY key FOR UPDATE;
    UPDATE entity e SET article_count = e.article_count + c.articles, mention_count = e.mention_count + c.mentions
    FROM (SELECT d.entity_key, sum(d.sign) AS articles, sum(d.sign * d.mention_count) AS mentions
          FROM unnest(deltas) d GROUP BY d.entity_key) c
    WHERE e.key = c.entity_key AND (c.articles <> 0 OR c.mentions <> 0);

    -- the rows a delta emptied are removed in a second statement: a statement does not see its own CTE's changes
    WITH changed AS (
        INSERT INTO entity_month AS em (entity_key, month, published, mentioned)
        SELECT entity_key, month, sum(published), sum(mentioned) FROM (
            SELECT d.entity_key, d.published_month AS month, d.sign AS published, 0 AS mentioned
            FROM unnest(deltas) d WHERE d.published_month IS NOT NULL
            UNION ALL
            SELECT d.entity_key, m.month, 0, d.sign FROM unnest(deltas) d, unnest(d.mentioned_months) AS m(month)) c
        GROUP BY entity_key, month
        HAVING sum(published) <> 0 OR sum(mentioned) <> 0
        ORDER BY entity_key, month
        ON CONFLICT (entity_key, month) DO UPDATE
            SET published = em.published + EXCLUDED.published, mentioned = em.mentioned + EXCLUDED.mentioned
        RETURNING em.entity_key, em.month, em.published, em.mentioned)
    SELECT array_agg(entity_key), array_agg(month) INTO emptied_keys, emptied_months
    FROM changed WHERE published = 0 AND mentioned = 0;
    DELETE FROM entity_month em USING unnest(emptied_keys, emptied_months) AS e(entity_key, month)
    WHERE em.entity_key = e.entity_key AND em.month = e.month AND em.published = 0 AND em.mentioned = 0;
    RETURN NULL;
END $$;

-- Transition tables allow one event per trigger: three triggers, one function.
DROP TRIGGER article_entity_counts ON article_entity;
DROP FUNCTION entity_counts_follow_article_entity();
CREATE TRIGGER article_entity_counts_insert AFTER INSERT ON article_entity REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsflow_counts_follow_article_entity();
CREATE TRIGGER article_entity_counts_update AFTER UPDATE ON article_entity REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsflow_counts_follow_article_entity();
CREATE TRIGGER article_entity_counts_delete AFTER DELETE ON article_entity REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsflow_counts_follow_article_entity();

CREATE FUNCTION newsflow_counts_follow_article() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sources text[] := '{}';
    signs int[] := '{}';
    emptied text[];
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        sources := sources || ARRAY(SELECT source FROM new_rows WHERE source IS NOT NULL);
        signs := array_fill(1, ARRAY[cardinality(sources)]);
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        sources := sources || ARRAY(SELECT source FROM old_rows WHERE source IS NOT NULL);
        signs := signs || array_fill(-1, ARRAY[cardinality(sources) - cardinality(signs)]);
    END IF;
    -- a re-stored article from the same source nets to zero and locks nothing
    WITH changed AS (
        INSERT INTO source_count AS sc (source, articles)
        SELECT source, sum(sign) FROM unnest(sources, signs) AS d(source, sign)
        GROUP BY source HAVING sum(sign) <> 0 ORDER BY source
        ON CONFLICT (source) DO UPDATE SET articles = sc.articles + EXCLUDED.articles
        RETURNING sc.source, sc.articles)
    SELECT array_agg(source) INTO emptied FROM changed WHERE articles = 0;
    DELETE FROM source_count WHERE source = ANY(emptied) AND articles = 0;
    RETURN NULL;
END $$;

CREATE TRIGGER article_source_counts_insert AFTER INSERT ON article REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsflow_counts_follow_article();
CREATE TRIGGER article_source_counts_update AFTER UPDATE ON article REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsflow_counts_follow_article();
CREATE TRIGGER article_source_counts_delete AFTER DELETE ON article REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsflow_counts_follow_article();
