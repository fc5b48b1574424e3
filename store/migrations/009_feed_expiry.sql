-- How long feed articles are kept (newsboat's max-items and
-- keep-articles-days): a feed's own rule in feed_keep, the library's
-- default in the one row of keep_default. 0 is no limit. Written to be
-- run again harmlessly.
CREATE TABLE IF NOT EXISTS feed_keep (
	feed_id   INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
	max_items INTEGER NOT NULL DEFAULT 0,
	keep_days INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS keep_default (
	id        INTEGER PRIMARY KEY CHECK (id = 1),
	max_items INTEGER NOT NULL DEFAULT 0,
	keep_days INTEGER NOT NULL DEFAULT 0
);
INSERT OR IGNORE INTO keep_default(id) VALUES (1);
