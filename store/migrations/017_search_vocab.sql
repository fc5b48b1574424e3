-- The words of the search index, for spelling a prefix out as the words
-- it begins (store.wordMatch). A view of the index: it stores nothing.
CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search, 'row');
