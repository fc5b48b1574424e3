-- The first schema of the byline library. Times are Unix seconds (UTC).
CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,
	title         TEXT NOT NULL DEFAULT '',
	site_url      TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	full_text     INTEGER NOT NULL DEFAULT 0,
	last_refresh  INTEGER,
	last_error    TEXT NOT NULL DEFAULT '',
	added         INTEGER NOT NULL
);

CREATE TABLE articles (
	id               INTEGER PRIMARY KEY,
	guid             TEXT NOT NULL DEFAULT '',
	url              TEXT NOT NULL DEFAULT '',
	canonical_url    TEXT NOT NULL DEFAULT '',
	content_hash     TEXT NOT NULL DEFAULT '',
	feed_id          INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
	title            TEXT NOT NULL,
	source           TEXT NOT NULL DEFAULT '',
	author           TEXT NOT NULL DEFAULT '',
	published        INTEGER,
	added            INTEGER NOT NULL,
	sort_time        INTEGER NOT NULL, -- published, or added when the date is unknown
	body             TEXT NOT NULL DEFAULT '',
	words            INTEGER NOT NULL DEFAULT 0,
	read             INTEGER NOT NULL DEFAULT 0,
	starred          INTEGER NOT NULL DEFAULT 0,
	entities_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_by_time ON articles(sort_time DESC, id DESC);
CREATE INDEX articles_unread ON articles(sort_time DESC, id DESC) WHERE read = 0;
CREATE INDEX articles_by_guid ON articles(guid) WHERE guid <> '';
CREATE INDEX articles_by_url ON articles(canonical_url) WHERE canonical_url <> '';
CREATE INDEX articles_by_hash ON articles(content_hash) WHERE content_hash <> '';
CREATE INDEX articles_by_feed ON articles(feed_id);
CREATE INDEX articles_to_extract ON articles(entities_version);

CREATE TABLE tags (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	PRIMARY KEY (article_id, name)
) WITHOUT ROWID;
CREATE INDEX tags_by_name ON tags(name);

CREATE TABLE notes (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	text       TEXT NOT NULL,
	created    INTEGER NOT NULL,
	updated    INTEGER NOT NULL
);
CREATE INDEX notes_by_article ON notes(article_id);

CREATE TABLE people (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,
	name       TEXT NOT NULL,
	mentions   INTEGER NOT NULL,
	aliases    TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
	PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
CREATE INDEX people_by_name ON people(name COLLATE NOCASE);

CREATE TABLE places (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,
	name       TEXT NOT NULL,
	mentions   INTEGER NOT NULL,
	aliases    TEXT NOT NULL DEFAULT '[]',
	PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
CREATE INDEX places_by_name ON places(name COLLATE NOCASE);

CREATE TABLE quotes (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	speaker    TEXT NOT NULL DEFAULT '',
	partial    INTEGER NOT NULL DEFAULT 0,
	paragraph  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;

-- Full-text search over title, body and the article's notes, one row per
-- article with rowid = articles.id, kept in step by the store's writes.
CREATE VIRTUAL TABLE search USING fts5(title, body, notes, tokenize = 'unicode61 remove_diacritics 2');
