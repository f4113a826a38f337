-- Search in each article's own language (issue 15). Until now every article was indexed with the English
-- stemmer, so a German word found none of its German inflections ("Wahl" did not find "Wahlen").
--
-- Design (measured with the bench's PlanCheck, docs/performance.md):
-- * The search vector is built with the article's text-search configuration, newsflow_search_config(language):
--   German articles with the german snowball stemmer, English ones with english as before, languages
--   PostgreSQL has no stemmer for (zh, ja, ko, ...) and 'und' with simple. The V8 prefix bound is kept.
-- * A query does not know which languages it should match, so it is parsed once per configuration and the
--   parses are OR-ed: newsflow_search_query(q). "a.search @@ newsflow_search_query(:q)" reads the one GIN index
--   (article_search_idx) and finds the German and the English articles alike.
-- * That OR is a superset: a German stem of the query may equal a lexeme of an English article, and a negated
--   word ("-word") negates only in its own branch. So the API also rechecks each candidate with the query parsed
--   in the article's own configuration (newsflow_search_matches(a.search, a.search_config, :q)): an article
--   matches exactly when its own language's reading of the query matches it, so English articles behave as
--   before. The recheck is a per-row filter on the few candidates the index returned.
--   The rejected alternative, to_tsvector(article config) || to_tsvector('simple'), doubles every vector and
--   makes stop-word-only queries ("the") match every article through the simple lexemes.

-- ISO 639-1 code -> the PostgreSQL text-search configuration of that language. A code without a stemmer in
-- PostgreSQL (zh, ja, ko, fa, he, ...) and 'und' get simple (words lower-cased, no stemming, no stop words). No
-- language at all is searched in English, as every article was before.
-- The name, as text: a stored regconfig (an OID) would stop pg_upgrade, so the article keeps the name.
CREATE FUNCTION newsflow_search_config_name(language text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE lower(language)
    WHEN 'ar' THEN 'arabic'     WHEN 'hy' THEN 'armenian'   WHEN 'eu' THEN 'basque'     WHEN 'ca' THEN 'catalan'
    WHEN 'da' THEN 'danish'     WHEN 'nl' THEN 'dutch'      WHEN 'en' THEN 'english'    WHEN 'fi' THEN 'finnish'
    WHEN 'fr' THEN 'french'     WHEN 'de' THEN 'german'     WHEN 'el' THEN 'greek'      WHEN 'hi' THEN 'hindi'
    WHEN 'hu' THEN 'hungarian'  WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish'      WHEN 'it' THEN 'italian'
    WHEN 'lt' THEN 'lithuanian' WHEN 'ne' THEN 'nepali'     WHEN 'no' THEN 'norwegian'  WHEN 'nb' THEN 'norwegian'
    WHEN 'nn' THEN 'norwegian'  WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian'   WHEN 'ru' THEN 'russian'
    WHEN 'sr' THEN 'serbian'    WHEN 'es' THEN 'spanish'    WHEN 'sv' THEN 'swedish'    WHEN 'ta' THEN 'tamil'
    WHEN 'tr' THEN 'turkish'    WHEN 'yi' THEN 'yiddish'
    ELSE CASE WHEN language IS NULL THEN 'english' ELSE 'simple' END
END
$$;

-- The same as a regconfig, for to_tsvector. Declared IMMUTABLE (the built-in configurations never change), which
-- the cast from a name is not, so that a generated column may use it.
CREATE FUNCTION newsflow_search_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT newsflow_search_config_name(language)::regconfig
$$;

-- Every configuration newsflow_search_config returns, once (keep the two lists together).
CREATE FUNCTION newsflow_search_configs() RETURNS regconfig[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT ARRAY['arabic', 'armenian', 'basque', 'catalan', 'danish', 'dutch', 'english', 'finnish', 'french', 'german',
             'greek', 'hindi', 'hungarian', 'indonesian', 'irish', 'italian', 'lithuanian', 'nepali', 'norwegian',
             'portuguese', 'romanian', 'russian', 'serbian', 'spanish', 'swedish', 'tamil', 'turkish', 'yiddish',
             'simple']::regconfig[]
$$;

-- The query in every configuration, OR-ed: what the GIN index is asked. Equal parses are kept once (most
-- configurations leave a proper name as it is). Empty parses (only stop words) drop out of the OR; when all are
-- empty the result is NULL, which matches nothing (as an empty tsquery would, without its NOTICE).
CREATE FUNCTION newsflow_search_query(query text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT string_agg(DISTINCT '(' || parsed::text || ')', ' | ')::tsquery
FROM unnest(newsflow_search_configs()) AS cfg, websearch_to_tsquery(cfg, query) AS parsed
WHERE numnode(parsed) > 0
$$;

-- The exact test, for each candidate the index returned: the query as the article's own language reads it.
-- A function (not inlined: the name-to-regconfig cast is not immutable) on purpose: written out in the query, the
-- planner priced websearch_to_tsquery per row and guessed the two conditions together match almost nothing, so for
-- a common word it read every match through the GIN index and sorted them (300 ms on 12,000 articles, all in
-- English) instead of walking article_sort_idx newest first until 21 matched (19 ms; 11 ms before V11).
CREATE FUNCTION newsflow_search_matches(search tsvector, config text, query text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT search @@ websearch_to_tsquery(config::regconfig, query)
$$;

ALTER TABLE article DROP COLUMN search;
ALTER TABLE article ADD COLUMN search_config text GENERATED ALWAYS AS (newsflow_search_config_name(language)) STORED;
ALTER TABLE article ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(newsflow_search_config(language), left(coalesce(title, ''), 1000)), 'A') ||
    setweight(to_tsvector(newsflow_search_config(language), left(body, 100000)), 'B')) STORED;
CREATE INDEX article_search_idx ON article USING gin (search);

-- GET /articles?language=: newest first within the language, like article_source_sort_idx for source
CREATE INDEX article_language_sort_idx ON article (language, sort_at DESC, id DESC);
