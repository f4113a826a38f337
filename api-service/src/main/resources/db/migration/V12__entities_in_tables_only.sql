-- One representation of an article's entities (issue 20): until now they lived twice, as the article.entities jsonb
-- (what GET /articles/{id} returned) and as article_entity rows (what filters and entity pages read), so every entity
-- merge rewrote JSON and the two could drift. The link rows now hold everything the article's entity list had: the
-- subtype, the entity's place in the list and its mentions (text, start, end, in enrichment order); the jsonb goes.

ALTER TABLE article_entity
    ADD COLUMN subtype  text,
    ADD COLUMN position int,   -- the entity's place in the article's entity list, from 1
    ADD COLUMN mentions jsonb; -- [{"text", "start", "end"}] in enrichment order

-- The jsonb is what the API showed: its name, type, subtype, order and mentions win. A key listed twice in one article
-- (stored as one link whose mention count added up) becomes one entity in the place of its first listing.
WITH listed AS (
    SELECT a.id AS article_id, e.value AS entity, e.n
    FROM article a, jsonb_array_elements(a.entities) WITH ORDINALITY AS e(value, n)),
first_listing AS (
    SELECT DISTINCT ON (article_id, entity->>'key') article_id, entity->>'key' AS key, entity, n
    FROM listed ORDER BY article_id, entity->>'key', n),
mentions AS (
    SELECT l.article_id, l.entity->>'key' AS key,
           jsonb_agg(jsonb_build_object('text', m.value->'text', 'start', m.value->'start', 'end', m.value->'end')
                     ORDER BY l.n, m.n) FILTER (WHERE m.value IS NOT NULL) AS mentions
    FROM listed l LEFT JOIN LATERAL jsonb_array_elements(coalesce(l.entity->'mentions', '[]')) WITH ORDINALITY AS m(value, n) ON true
    GROUP BY l.article_id, l.entity->>'key')
UPDATE article_entity ae
SET name = coalesce(f.entity->>'name', ae.name), type = coalesce(f.entity->>'type', ae.type),
    subtype = f.entity->>'subtype', position = f.n, mentions = coalesce(m.mentions, '[]')
FROM first_listing f JOIN mentions m ON m.article_id = f.article_id AND m.key = f.key
WHERE ae.article_id = f.article_id AND ae.entity_key = f.key;

-- A link without a listing (none is known) keeps its place after the listed ones, without mention texts.
UPDATE article_entity SET position = 2147483647, mentions = '[]' WHERE position IS NULL;

ALTER TABLE article_entity
    ALTER COLUMN position SET NOT NULL,
    ALTER COLUMN mentions SET NOT NULL;

ALTER TABLE article DROP COLUMN entities;
