/**
 * Greenhouse Job Board API responses (developers.greenhouse.io/job-board.html).
 *
 * Accepts both the 2013 embed shape (`api.greenhouse.io/v1/boards/{token}/embed/jobs`: id, title,
 * content, updated_at, location, absolute_url, departments, offices) and the current boards-api shape,
 * which adds internal_job_id, first_published, requisition_id, metadata, company_name, language and
 * data_compliance. Objects are loose so new fields pass through; the fields we rely on are required.
 */
import { z } from 'zod';

/** A custom field value: text, number, select list, currency amount or nothing. */
const metadataValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number()])),
  z.looseObject({ amount: z.union([z.string(), z.number()]).nullish(), unit: z.string().nullish() }),
  z.null(),
]);

export const greenhouseMetadataSchema = z.looseObject({
  id: z.number().nullish(),
  name: z.string(),
  value: metadataValue.optional(),
  value_type: z.string().nullish(),
});

export const greenhouseDepartmentSchema = z.looseObject({
  id: z.number().nullish(),
  name: z.string().nullish(),
  parent_id: z.number().nullish(),
});

export const greenhouseOfficeSchema = z.looseObject({
  id: z.number().nullish(),
  name: z.string().nullish(),
  location: z.string().nullish(),
});

export const greenhouseJobSchema = z.looseObject({
  id: z.number(),
  internal_job_id: z.number().nullish(),
  title: z.string(),
  absolute_url: z.string(),
  location: z.looseObject({ name: z.string().nullish() }).nullish(),
  updated_at: z.string().nullish(),
  first_published: z.string().nullish(),
  requisition_id: z.string().nullish(),
  company_name: z.string().nullish(),
  language: z.string().nullish(),
  /** Entity-escaped HTML, only with `content=true`. */
  content: z.string().nullish(),
  departments: z.array(greenhouseDepartmentSchema).nullish(),
  offices: z.array(greenhouseOfficeSchema).nullish(),
  metadata: z.array(greenhouseMetadataSchema).nullish(),
});

/** `GET /v1/boards/{token}/jobs` (the whole board; `meta.total` only in the current shape). */
export const greenhouseJobsResponseSchema = z.looseObject({
  jobs: z.array(greenhouseJobSchema),
  meta: z.looseObject({ total: z.number().nullish() }).nullish(),
});

export type GreenhouseJob = z.infer<typeof greenhouseJobSchema>;
export type GreenhouseMetadata = z.infer<typeof greenhouseMetadataSchema>;
export type GreenhouseJobsResponse = z.infer<typeof greenhouseJobsResponseSchema>;
