-- GUIDs are unique within a feed: look them up by both, or SQLite prefers
-- the feed index and walks every article of the feed.
DROP INDEX articles_by_guid;
CREATE INDEX articles_by_guid ON articles(guid, feed_id) WHERE guid <> '';
