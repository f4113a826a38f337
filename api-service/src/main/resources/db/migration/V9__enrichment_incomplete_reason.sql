-- An article whose enrichment stopped at a limit per article (time budget, analysed characters, mentions) is stored
-- with what finished; the reason is kept so that GET /articles/{id} can say so (enrichment.complete = false).
ALTER TABLE article ADD COLUMN enrichment_incomplete_reason text;
