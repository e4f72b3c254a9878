-- The Postgres search engine keeps an in-process index of the open listings (lib/search/listing-index.ts)
-- and refreshes it from the rows changed since it last looked. A timestamp cannot say that reliably
-- (writers pass their own clock, and a long transaction commits rows stamped before rows already
-- seen), so every change a search can see stamps the row with the id of the transaction that made it:
-- a reader that remembers the oldest transaction still running when it last read (its snapshot's xmin)
-- finds every later change with `search_change_xid >= that xmin`.
--
-- Only columns the index holds count as a change; the writer's "still listed" touch (last_seen_at)
-- does not, so an unchanged board costs the index nothing.
ALTER TABLE "jobs" ADD COLUMN "search_change_xid" bigint NOT NULL DEFAULT 0;--> statement-breakpoint
CREATE FUNCTION "jobs_stamp_search_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_change_xid := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "jobs_search_change_on_insert" BEFORE INSERT ON "jobs"
  FOR EACH ROW EXECUTE FUNCTION "jobs_stamp_search_change"();--> statement-breakpoint
CREATE TRIGGER "jobs_search_change_on_update" BEFORE UPDATE ON "jobs"
  FOR EACH ROW WHEN (
    OLD.closed_at IS DISTINCT FROM NEW.closed_at
    OR OLD.duplicate_of_id IS DISTINCT FROM NEW.duplicate_of_id
    OR OLD.company_id IS DISTINCT FROM NEW.company_id
    OR OLD.title IS DISTINCT FROM NEW.title
    OR OLD.workplace IS DISTINCT FROM NEW.workplace
    OR OLD.worldwide IS DISTINCT FROM NEW.worldwide
    OR OLD.countries IS DISTINCT FROM NEW.countries
    OR OLD.tz_min IS DISTINCT FROM NEW.tz_min
    OR OLD.tz_max IS DISTINCT FROM NEW.tz_max
    OR OLD.employment_type IS DISTINCT FROM NEW.employment_type
    OR OLD.seniority IS DISTINCT FROM NEW.seniority
    OR OLD.category IS DISTINCT FROM NEW.category
    OR OLD.tags IS DISTINCT FROM NEW.tags
    OR OLD.salary_min IS DISTINCT FROM NEW.salary_min
    OR OLD.salary_max IS DISTINCT FROM NEW.salary_max
    OR OLD.salary_usd_min IS DISTINCT FROM NEW.salary_usd_min
    OR OLD.salary_usd_max IS DISTINCT FROM NEW.salary_usd_max
    OR OLD.first_seen_at IS DISTINCT FROM NEW.first_seen_at
  )
  EXECUTE FUNCTION "jobs_stamp_search_change"();--> statement-breakpoint
CREATE INDEX "jobs_search_change_idx" ON "jobs" USING btree ("search_change_xid");
