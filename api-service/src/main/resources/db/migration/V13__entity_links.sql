-- Entities linked to Wikipedia (issue 16, CONTRACT v1.1 "link"): the page an entity is, when the enrichment's linker
-- was sure. One key per page across articles (service.EntityIdentities): a page is held by one entity, and an
-- arriving entity linked to a page another key holds is stored under that key.

ALTER TABLE entity
    ADD COLUMN link_kb text,  -- 'wikipedia' (the only knowledge base); null: not linked
    ADD COLUMN link_id text;  -- the page title with underscores, e.g. United_States; the URL is made from it

-- who holds a page (storing) and GET /articles?entity=wikipedia:<Title>
CREATE INDEX entity_link_idx ON entity (link_kb, link_id) WHERE link_id IS NOT NULL;

-- One type per entity across articles: the type an article's enrichment gave a mention, kept when the entity's
-- type (the one most of its articles give it) replaced it in the row; null when the row's type is the given one.
ALTER TABLE article_entity ADD COLUMN given_type text;

-- A person's surname alone ("Putin", person:putin) joins the one person of that surname ("Vladimir Putin",
-- person:vladimir-putin): the people whose key ends in "-putin", found from the end of the key.
CREATE INDEX entity_person_key_end_idx ON entity (reverse(key) text_pattern_ops) WHERE type = 'PERSON';
