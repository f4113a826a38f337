-- Article and mention counts kept on the entity row (docs/performance.md): listing the most-mentioned entities
-- summed article_entity over every article (a full scan of the biggest table per request). A trigger keeps the
-- counts exact whatever writes article_entity (storing, replacing, cascading deletes, entity merges).

ALTER TABLE entity
    ADD COLUMN article_count bigint NOT NULL DEFAULT 0,
    ADD COLUMN mention_count bigint NOT NULL DEFAULT 0;

UPDATE entity e SET article_count = c.articles, mention_count = c.mentions
FROM (SELECT entity_key, count(*) AS articles, sum(mention_count) AS mentions FROM article_entity GROUP BY entity_key) c
WHERE e.key = c.entity_key;

-- GET /entities: most mentioned first, keyset-paginated on (mention_count, key); entities in no article are not listed
CREATE INDEX entity_mentions_idx ON entity (mention_count DESC, key) WHERE article_count > 0;
CREATE INDEX entity_type_mentions_idx ON entity (type, mention_count DESC, key) WHERE article_count > 0;

CREATE FUNCTION entity_counts_follow_article_entity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE entity SET article_count = article_count - 1, mention_count = mention_count - OLD.mention_count
        WHERE key = OLD.entity_key;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE entity SET article_count = article_count + 1, mention_count = mention_count + NEW.mention_count
        WHERE key = NEW.entity_key;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER article_entity_counts AFTER INSERT OR UPDATE OR DELETE ON article_entity
    FOR EACH ROW EXECUTE FUNCTION entity_counts_follow_article_entity();

-- GET /entities?q=: substring match on names and aliases through trigrams instead of reading every alias
-- (pg_trgm is a trusted contrib extension: any database owner may create it)
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX entity_alias_trgm_idx ON entity_alias USING gin (lower(alias) gin_trgm_ops);

-- GET /articles?mentionedFrom=&mentionedTo=: overlap of the mentioned span with the asked one; the btree on
-- (date_from, date_to) can only bound one end, so a range from the past read half the table
CREATE INDEX article_date_range_idx ON article_date USING gist (daterange(date_from, date_to, '[]')) WHERE date_from IS NOT NULL;

-- Entity page timeline: the publication month of each of the entity's articles from an index-only scan instead of
-- the article rows (for a popular entity that is a fifth of the table)
CREATE INDEX article_published_by_id_idx ON article (id) INCLUDE (published_at);
