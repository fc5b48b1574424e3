-- Every form a person or place is known by in an article, lower-cased, so
-- person:Trump and place:"the North" are index look-ups instead of a scan
-- of every entity: the full name, each alias, and for people the last
-- word of the name (the surname a reader types).
CREATE TABLE entity_names (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL, -- 'person' or 'place'
	name       TEXT NOT NULL,
	PRIMARY KEY (kind, name, article_id)
) WITHOUT ROWID;
CREATE INDEX entity_names_by_article ON entity_names(article_id);

INSERT OR IGNORE INTO entity_names(article_id, kind, name)
	SELECT article_id, 'person', lower(name) FROM people;
INSERT OR IGNORE INTO entity_names(article_id, kind, name)
	SELECT p.article_id, 'person', lower(j.value) FROM people p, json_each(p.aliases) j;
-- The last word: strip every non-space character from the end, then take
-- what was stripped.
INSERT OR IGNORE INTO entity_names(article_id, kind, name)
	SELECT article_id, 'person', lower(substr(name, length(rtrim(name, replace(name, ' ', ''))) + 1)) FROM people
	WHERE instr(name, ' ') > 0;
INSERT OR IGNORE INTO entity_names(article_id, kind, name)
	SELECT article_id, 'place', lower(name) FROM places;
INSERT OR IGNORE INTO entity_names(article_id, kind, name)
	SELECT p.article_id, 'place', lower(j.value) FROM places p, json_each(p.aliases) j;
