-- The search index kept its own copy of every title, body and note, which
-- byline never reads back (it asks the index only for article ids): that
-- copy was two fifths of a library's size and of what a refresh writes.
-- A contentless index with contentless_delete keeps only the index and
-- still lets an article's row be deleted and written again.
DROP TABLE search;
CREATE VIRTUAL TABLE search USING fts5(title, body, notes, content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO search(rowid, title, body, notes)
	SELECT a.id, a.title, a.body, COALESCE((SELECT group_concat(n.text, char(10)) FROM notes n WHERE n.article_id = a.id), '')
	FROM articles a WHERE NOT EXISTS (SELECT 1 FROM unindexed u WHERE u.article_id = a.id);
