-- What ran on an article's text (enrichment.extractors: ["ner:en-conll4", "dates:sutime-en"], ["dates:heideltime-es"]),
-- as the record said it; null for records from before the field.
ALTER TABLE article ADD COLUMN enrichment_extractors jsonb;
