-- The search index keeps which articles have each word and no longer where
-- in them (detail=none): an index of every word's positions was the
-- library's largest table (69 of 212 MiB for 50,000 BBC stories; 14 MiB at
-- detail=column, 5 at none for 20,000). Phrases are checked against the
-- text of the articles that have all of their words (byline_phrase).
-- The index is made again from the articles, in Go (rebuildSearch), by the
-- path that indexes an interrupted refresh's articles: all are marked here.
DROP TABLE IF EXISTS search;
CREATE VIRTUAL TABLE search USING fts5(title, body, notes, content = '', contentless_delete = 1, detail = none,
	tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO search(search, rank) VALUES ('hashsize', 8388608);
INSERT OR REPLACE INTO unindexed(article_id, stale) SELECT id, 0 FROM articles;
