-- The full-text index gathers the terms of the rows a transaction writes in
-- memory and writes them out as a new segment whenever that passes
-- 'hashsize' (1 MB by default), then merges segments. A refresh saves 1,000
-- articles to a transaction, whose terms took three or four segments each,
-- merged again and again. At 8 MB a transaction of a refresh is one segment:
-- a profile of BenchmarkSaveBBC had writing and merging segments 2.1 s of
-- the save's 8.2 s before and 1.7 s after. Searches read fewer, larger
-- segments. The setting is stored in the index (search_config), so setting
-- it again is harmless.
INSERT INTO search(search, rank) VALUES ('hashsize', 8388608);
