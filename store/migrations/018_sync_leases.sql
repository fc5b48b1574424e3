-- Which process is syncing each account now. A sync takes the row before
-- it talks to the server and deletes it when done, so two byline
-- processes (a cron job, the reader, a refresh) never push the same marks
-- or save the same entries twice. A holder renews its row while it works:
-- one whose process is gone (same host) or that stopped renewing is
-- stale, and the next sync takes the row over.
CREATE TABLE IF NOT EXISTS sync_leases (
	account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
	token      TEXT NOT NULL,    -- the holder's own random id
	pid        INTEGER NOT NULL,
	host       TEXT NOT NULL,
	started    INTEGER NOT NULL, -- Unix milliseconds
	renewed    INTEGER NOT NULL  -- Unix milliseconds
);
