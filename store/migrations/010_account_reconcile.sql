-- When each account's unread and starred sets were last compared with the
-- server's (Unix seconds). Miniflux's change cursor brings marks made
-- elsewhere, so the full comparison runs now and then, not at every sync;
-- the Google Reader API has no such cursor and compares every time.
CREATE TABLE IF NOT EXISTS account_reconciled (
	account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
	at         INTEGER NOT NULL
);
