-- person: and place: read the index of subjects and aliases: the name of
-- every person and place of every article, twice over (table and index),
-- was a tenth of a library's file and 6% of a refresh's time. Written to
-- be run again harmlessly.
DROP INDEX IF EXISTS entity_names_by_name;
DROP TABLE IF EXISTS entity_names;
