-- A rejected entity's links kept aside (V14) keep the type each article's enrichment gave the entity (V13's
-- article_entity.given_type), so that undoing the reject puts the links back with it and the type votes count as
-- before. A nullable column without a default: metadata only, no rewrite of the table.
ALTER TABLE rejected_article_entity ADD COLUMN given_type text;
