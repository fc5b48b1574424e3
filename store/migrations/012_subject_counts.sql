-- A subject's counters are added up by the save path, once per subject for
-- a whole transaction of articles: a trigger that updated the subject (and
-- moved it in both of its indexes) for every appearance cost a refresh more
-- than inserting the appearances. Removing an appearance still goes through
-- appearance_removed, which the save path never does in bulk.
DROP TRIGGER IF EXISTS appearance_added;
