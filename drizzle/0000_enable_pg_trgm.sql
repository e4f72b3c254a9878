-- Trigram matching for typo-tolerant and prefix search (lib/search/postgres.ts) and its GIN indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
