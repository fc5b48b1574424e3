-- Articles saved by a bulk refresh before their search row was written.
-- Indexing 50,000 bodies costs several seconds, so a refresh lists the
-- articles first and SetEntities indexes them with their entities.
-- stale: the article has an older search row to delete first.
CREATE TABLE unindexed (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	stale      INTEGER NOT NULL DEFAULT 0
);
