-- A tsvector holds at most 1 MB: an accepted article of about 1.3 MB of distinct words (random tokens, a data dump)
-- made the generated search column fail, and with it the whole article (dead-lettered after its 202). The search
-- vector now covers the first 1,000 characters of the title and the first 100,000 of the text (a long article is
-- ~60,000); whatever the words, that stays well under the limit (at worst ~2.5 bytes per character). The article is
-- stored whole either way. Rewrites the table once.
ALTER TABLE article DROP COLUMN search;
ALTER TABLE article ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', left(coalesce(title, ''), 1000)), 'A') ||
    setweight(to_tsvector('english', left(body, 100000)), 'B')) STORED;
CREATE INDEX article_search_idx ON article USING gin (search);
