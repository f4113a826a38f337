-- The W3C trace id (32 hex digits) of the trace that brought the article in: ingest request -> articles.raw
-- -> enrichment -> articles.enriched -> this row. Null for articles stored before it was recorded.
ALTER TABLE article ADD COLUMN trace_id text;
