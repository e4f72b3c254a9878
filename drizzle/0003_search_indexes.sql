-- Search (lib/search/postgres.ts) reads open listings far more than anything else: the default page,
-- every facet count and every newest-first page scan them. These partial indexes hold exactly those
-- rows with every column the filters and facets read, so browsing is an index-only scan over a
-- narrow index instead of a heap scan over rows carrying full descriptions, and newest-first pages
-- stop after perPage rows.
CREATE INDEX "jobs_open_listings_idx" ON "jobs" USING btree ("first_seen_at" DESC, "id" DESC)
  INCLUDE ("workplace", "category", "employment_type", "seniority", "company_id", "tags", "worldwide", "countries",
           "tz_min", "tz_max", "salary_min", "salary_max", "salary_usd_min", "salary_usd_max")
  WHERE "duplicate_of_id" IS NULL AND "closed_at" IS NULL;--> statement-breakpoint
-- The archive (status=closed): same shape, for closed listings.
CREATE INDEX "jobs_closed_listings_idx" ON "jobs" USING btree ("first_seen_at" DESC, "id" DESC)
  INCLUDE ("workplace", "category", "employment_type", "seniority", "company_id", "tags", "worldwide", "countries",
           "tz_min", "tz_max", "salary_min", "salary_max", "salary_usd_min", "salary_usd_max")
  WHERE "duplicate_of_id" IS NULL AND "closed_at" IS NOT NULL;
