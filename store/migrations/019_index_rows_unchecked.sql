-- appearances and library_quotes get thousands of rows in every refresh,
-- and their foreign keys made SQLite look up each row's article and
-- subject before inserting it: a third of the time those inserts took,
-- 0.3 s of a 20,000-article save (7% of the writer). The save path writes
-- them only beside the article and subjects it has just written, so the
-- look-ups never found anything missing; what the keys did when an article
-- or a subject is deleted, the two triggers at the end do. SQLite cannot
-- drop a foreign key from a table: both are made again, with their indexes
-- and appearance_removed, as migration 008 and 012 left them.
DROP TRIGGER IF EXISTS article_deleted;
DROP TRIGGER IF EXISTS subject_deleted;
CREATE TABLE appearances_new (
	subject_id INTEGER NOT NULL,
	sort_time  INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	key        TEXT NOT NULL,
	mentions   INTEGER NOT NULL,
	PRIMARY KEY (subject_id, sort_time, article_id)
) WITHOUT ROWID;
INSERT INTO appearances_new(subject_id, sort_time, article_id, key, mentions)
	SELECT subject_id, sort_time, article_id, key, mentions FROM appearances;
DROP TABLE appearances;
ALTER TABLE appearances_new RENAME TO appearances;
CREATE INDEX appearances_by_article ON appearances(article_id, mentions);
CREATE TRIGGER appearance_removed AFTER DELETE ON appearances BEGIN
	UPDATE subjects SET stories = stories - 1, mentions = mentions - OLD.mentions,
		first_seen = COALESCE((SELECT min(sort_time) FROM appearances WHERE subject_id = OLD.subject_id), 0),
		last_seen = COALESCE((SELECT max(sort_time) FROM appearances WHERE subject_id = OLD.subject_id), 0)
	WHERE id = OLD.subject_id;
END;

CREATE TABLE library_quotes_new (
	article_id  INTEGER NOT NULL,
	ord         INTEGER NOT NULL,
	sort_time   INTEGER NOT NULL,
	speaker_id  INTEGER,
	speaker_key TEXT NOT NULL DEFAULT '',
	speaker     TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL,
	partial     INTEGER NOT NULL DEFAULT 0,
	paragraph   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
INSERT INTO library_quotes_new(article_id, ord, sort_time, speaker_id, speaker_key, speaker, text, partial, paragraph)
	SELECT article_id, ord, sort_time, speaker_id, speaker_key, speaker, text, partial, paragraph FROM library_quotes;
DROP TABLE library_quotes;
ALTER TABLE library_quotes_new RENAME TO library_quotes;
CREATE INDEX library_quotes_by_time ON library_quotes(sort_time DESC, article_id, ord);
CREATE INDEX library_quotes_by_speaker ON library_quotes(speaker_id, sort_time DESC);

-- What ON DELETE CASCADE and SET NULL did. A trigger's deletes fire the
-- triggers of their table as the cascades did: appearance_removed still
-- takes a deleted article's stories off its subjects' counts.
CREATE TRIGGER article_deleted AFTER DELETE ON articles BEGIN
	DELETE FROM appearances WHERE article_id = OLD.id;
	DELETE FROM library_quotes WHERE article_id = OLD.id;
END;
CREATE TRIGGER subject_deleted AFTER DELETE ON subjects BEGIN
	DELETE FROM appearances WHERE subject_id = OLD.id;
	UPDATE library_quotes SET speaker_id = NULL WHERE speaker_id = OLD.id;
END;
