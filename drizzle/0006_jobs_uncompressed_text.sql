-- A job's long columns (descriptions, the raw posting, the search vector: some 15 kB a row) are stored
-- out of line without compression. PostgreSQL compresses them with pglz by default, the only method
-- its embedded build has, and pglz was the largest single cost of writing a posting: storing 20,000
-- postings by COPY took 0.39 ms of CPU each with it and 0.19 ms without, for 30% less space on the
-- descriptions and the raw posting and nothing on the search vector, which pglz cannot shrink but
-- tried to anyway. Reading a description back no longer decompresses it either. The cost is disk,
-- about 3 kB more per posting. Rows written from now on follow it; existing ones as they are rewritten.
ALTER TABLE "jobs"
  ALTER COLUMN "description_html" SET STORAGE EXTERNAL,
  ALTER COLUMN "description_text" SET STORAGE EXTERNAL,
  ALTER COLUMN "raw" SET STORAGE EXTERNAL,
  ALTER COLUMN "search" SET STORAGE EXTERNAL;
