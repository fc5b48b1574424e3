-- The other names a story gave a person or place ("Britain" for the
-- United Kingdom, "Lord Falconer" for Falconer), each by the normalised
-- name the story gave it first: person: and place: resolve through them
-- to the index of subjects. One row per name and alias, however many
-- stories use them. Written to be run again harmlessly.
CREATE TABLE IF NOT EXISTS aliases (
	kind     TEXT NOT NULL, -- 'person' or 'place'
	key      TEXT NOT NULL, -- the alias, as subjectKey writes it
	name_key TEXT NOT NULL, -- the name, likewise
	PRIMARY KEY (kind, key, name_key)
) WITHOUT ROWID;
