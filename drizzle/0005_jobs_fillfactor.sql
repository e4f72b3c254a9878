-- Every scrape of an unchanged board moves last_seen_at on each of its open jobs ("last verified").
-- With full pages each such UPDATE writes a new row version elsewhere and a new entry in every index,
-- the GIN indexes of the search vector included: some 17 WAL records and 17 kB of WAL per job. Half-empty
-- pages let it be a HOT update instead (no indexed column changes: the new version stays on its page
-- and no index is touched), which made a 50-job board's touch about 20x cheaper (EXPLAIN ANALYZE).
-- The cost is heap space only: rows keep their long text out of line (TOAST), about 0.75 kB per row
-- stays in the heap. Pages written from now on follow it; existing ones as they are rewritten.
ALTER TABLE "jobs" SET (fillfactor = 50);
