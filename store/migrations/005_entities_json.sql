-- An article's people, places and quotes are only ever read together, for
-- that one article; looking articles up by a name goes through
-- entity_names. One JSON document per article replaces a row per person,
-- place and quote (and two name indexes): storing 50,000 articles' entities
-- took longer than extracting them. The keys are those of news.Entities as
-- Go encodes it.
CREATE TABLE entities (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	data       TEXT NOT NULL
);

INSERT INTO entities(article_id, data)
SELECT a.id, json_object(
	'People', json((SELECT json_group_array(json_object('Name', name, 'Mentions', mentions, 'Aliases', json(aliases)))
		FROM (SELECT * FROM people p WHERE p.article_id = a.id ORDER BY ord))),
	'Places', json((SELECT json_group_array(json_object('Name', name, 'Mentions', mentions, 'Aliases', json(aliases)))
		FROM (SELECT * FROM places p WHERE p.article_id = a.id ORDER BY ord))),
	'Quotes', json((SELECT json_group_array(json_object('Text', text, 'Speaker', speaker,
			'Partial', json(CASE WHEN partial THEN 'true' ELSE 'false' END), 'Paragraph', paragraph))
		FROM (SELECT * FROM quotes q WHERE q.article_id = a.id ORDER BY ord))))
FROM articles a
WHERE EXISTS (SELECT 1 FROM people WHERE article_id = a.id)
	OR EXISTS (SELECT 1 FROM places WHERE article_id = a.id)
	OR EXISTS (SELECT 1 FROM quotes WHERE article_id = a.id);

DROP TABLE people;
DROP TABLE places;
DROP TABLE quotes;

-- entity_names is keyed by article first, so a refresh appends to it
-- instead of inserting into two trees at random places; person: and place:
-- use the (kind, name) index, which carries the article id with it.
CREATE TABLE entity_names_new (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL,
	name       TEXT NOT NULL,
	PRIMARY KEY (article_id, kind, name)
) WITHOUT ROWID;
INSERT INTO entity_names_new(article_id, kind, name) SELECT article_id, kind, name FROM entity_names;
DROP TABLE entity_names;
ALTER TABLE entity_names_new RENAME TO entity_names;
CREATE INDEX entity_names_by_name ON entity_names(kind, name);
