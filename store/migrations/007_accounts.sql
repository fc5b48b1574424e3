-- Accounts on feed aggregators (Miniflux, Google Reader servers) whose
-- articles byline keeps in step with the server. The secret is never
-- stored: secret_source says where to get it at each sync
-- ("command:...", "file:...", "env").
CREATE TABLE accounts (
	id            INTEGER PRIMARY KEY,
	kind          TEXT NOT NULL, -- 'miniflux' or 'greader'
	url           TEXT NOT NULL,
	username      TEXT NOT NULL DEFAULT '',
	secret_source TEXT NOT NULL,
	cursor        TEXT NOT NULL DEFAULT '', -- the server's own position, opaque to the store
	-- The newest entry any pull has seen, by the server's id and by
	-- publication time (Unix seconds): what "mark all read" covers.
	newest_id        INTEGER NOT NULL DEFAULT 0,
	newest_published INTEGER NOT NULL DEFAULT 0,
	last_sync     INTEGER,
	last_error    TEXT NOT NULL DEFAULT '',
	added         INTEGER NOT NULL,
	UNIQUE (kind, url, username)
);

-- The feeds an account subscribes to: the server fetches them, byline
-- does not. category becomes a tag on the feed's articles.
CREATE TABLE account_feeds (
	account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	remote_id  TEXT NOT NULL,
	feed_id    INTEGER NOT NULL UNIQUE REFERENCES feeds(id) ON DELETE CASCADE,
	category   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (account_id, remote_id)
);

-- Which server entry each synced article is.
CREATE TABLE remote_entries (
	account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	remote_id  TEXT NOT NULL,
	article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (account_id, remote_id)
);

-- Marks made here and not yet accepted by the server, written in the
-- same transaction as the mark itself and deleted only when the server
-- answered 2xx. action: read, unread, star, unstar (one article), or
-- feed-read, all-read (remote_id is the feed; upto_* bound what was known
-- when the key was pressed).
CREATE TABLE outbox (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
	action     TEXT NOT NULL,
	remote_id  TEXT NOT NULL DEFAULT '',
	upto_id    TEXT NOT NULL DEFAULT '',
	upto_time  INTEGER NOT NULL DEFAULT 0, -- Unix microseconds
	created    INTEGER NOT NULL
);
CREATE INDEX outbox_by_account ON outbox(account_id, id);
CREATE INDEX outbox_by_article ON outbox(article_id) WHERE article_id IS NOT NULL;
