-- Hosts that answered 429 or 503 with a Retry-After, and until when: the
-- next `byline refresh` (a new process, often from cron) leaves them alone
-- that long too. Written to be run again harmlessly.
CREATE TABLE IF NOT EXISTS host_holds (
	host   TEXT PRIMARY KEY,
	until  INTEGER NOT NULL,
	status INTEGER NOT NULL
) WITHOUT ROWID;
