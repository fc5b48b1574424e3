-- The people and places of the whole library, and every quote in it, so
-- the people, places and quotes views read a few rows instead of 100,000
-- entity documents. A subject is one person or one place as all stories
-- together know them; its counters are kept by the triggers below as
-- appearances come and go (an article deleted with its feed included).
CREATE TABLE subjects (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL,              -- 'person' or 'place'
	name       TEXT NOT NULL,              -- the fullest form seen first
	stories    INTEGER NOT NULL DEFAULT 0,
	mentions   INTEGER NOT NULL DEFAULT 0,
	first_seen INTEGER NOT NULL DEFAULT 0, -- sort_time of the first and last story
	last_seen  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX subjects_by_stories ON subjects(kind, stories DESC, id);
CREATE INDEX subjects_by_last_seen ON subjects(kind, last_seen DESC, id);

-- The normalised forms ("kim jong un") a subject is recognised by in a new
-- article. manual: a merge or split the reader made, which automatic
-- merging never undoes.
CREATE TABLE subject_keys (
	kind       TEXT NOT NULL,
	key        TEXT NOT NULL,
	subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
	name       TEXT NOT NULL, -- the form as written, to name a subject split off
	manual     INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX subject_keys_by_subject ON subject_keys(subject_id);

-- The single words ("trump", "kim") a person is also called: a story that
-- names only "Trump" joins the person the library knows by that word.
CREATE TABLE short_names (
	key        TEXT NOT NULL,
	subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
	PRIMARY KEY (key, subject_id)
) WITHOUT ROWID;
CREATE INDEX short_names_by_subject ON short_names(subject_id);

-- Which subjects each article has. key: the form the article used, so a
-- split can take exactly those stories away.
CREATE TABLE appearances (
	subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
	sort_time  INTEGER NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	key        TEXT NOT NULL,
	mentions   INTEGER NOT NULL,
	PRIMARY KEY (subject_id, sort_time, article_id)
) WITHOUT ROWID;
CREATE INDEX appearances_by_article ON appearances(article_id, mentions); -- covers counting a query's subjects

CREATE TRIGGER appearance_added AFTER INSERT ON appearances BEGIN
	UPDATE subjects SET stories = stories + 1, mentions = mentions + NEW.mentions,
		first_seen = CASE WHEN stories = 0 OR NEW.sort_time < first_seen THEN NEW.sort_time ELSE first_seen END,
		last_seen = CASE WHEN stories = 0 OR NEW.sort_time > last_seen THEN NEW.sort_time ELSE last_seen END
	WHERE id = NEW.subject_id;
END;
CREATE TRIGGER appearance_removed AFTER DELETE ON appearances BEGIN
	UPDATE subjects SET stories = stories - 1, mentions = mentions - OLD.mentions,
		first_seen = COALESCE((SELECT min(sort_time) FROM appearances WHERE subject_id = OLD.subject_id), 0),
		last_seen = COALESCE((SELECT max(sort_time) FROM appearances WHERE subject_id = OLD.subject_id), 0)
	WHERE id = OLD.subject_id;
END;

-- Every quote of the library, newest first, with its speaker's subject
-- when the speaker is a person of the story.
CREATE TABLE library_quotes (
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	ord         INTEGER NOT NULL,
	sort_time   INTEGER NOT NULL,
	speaker_id  INTEGER REFERENCES subjects(id) ON DELETE SET NULL,
	speaker_key TEXT NOT NULL DEFAULT '',
	speaker     TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL,
	partial     INTEGER NOT NULL DEFAULT 0,
	paragraph   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
CREATE INDEX library_quotes_by_time ON library_quotes(sort_time DESC, article_id, ord);
CREATE INDEX library_quotes_by_speaker ON library_quotes(speaker_id, sort_time DESC);

-- Passages the reader highlighted, with an optional note. start and end
-- are byte offsets in the body when it was highlighted; text is kept so a
-- highlight outlives a changed body.
CREATE TABLE highlights (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	created    INTEGER NOT NULL,
	updated    INTEGER NOT NULL
);
CREATE INDEX highlights_by_article ON highlights(article_id);
