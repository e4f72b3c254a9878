-- An unchanged board (304, or the same body) proves that every job of the source still open was
-- listed. That used to move last_seen_at on each of those jobs: 50 row updates for a 50-job board, on
-- some 24 heap pages, each page's first change after a checkpoint a full-page image in the WAL (about
-- 170 kB of WAL per board, most of a re-scrape's database time). The run now stamps the source once;
-- a job's "last seen" is the later of its own last_seen_at and, while it is open, this.
ALTER TABLE "sources" ADD COLUMN "open_jobs_seen_at" timestamp with time zone;
