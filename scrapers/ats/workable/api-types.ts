/**
 * Workable public widget API: `GET apply.workable.com/api/v1/widget/accounts/{slug}?details=true`
 * (the older `www.workable.com/api/accounts/{slug}` redirects there). No real recorded sample exists;
 * the schema follows the documented fields. Workable sends "" for unset text fields.
 */
import { z } from 'zod';

export const workableLocationSchema = z.looseObject({
  country: z.string().nullish(),
  countryCode: z.string().nullish(),
  city: z.string().nullish(),
  region: z.string().nullish(),
  hidden: z.boolean().nullish(),
});

export const workableJobSchema = z.looseObject({
  title: z.string(),
  shortcode: z.string(),
  code: z.string().nullish(),
  employment_type: z.string().nullish(),
  /** True when the job is marked remote. */
  telecommuting: z.boolean().nullish(),
  department: z.string().nullish(),
  url: z.string(),
  shortlink: z.string().nullish(),
  application_url: z.string().nullish(),
  /** "YYYY-MM-DD". */
  published_on: z.string().nullish(),
  created_at: z.string().nullish(),
  country: z.string().nullish(),
  city: z.string().nullish(),
  /** A region (state/province), not a status. */
  state: z.string().nullish(),
  locations: z.array(workableLocationSchema).nullish(),
  experience: z.string().nullish(),
  function: z.string().nullish(),
  industry: z.string().nullish(),
  education: z.string().nullish(),
  /** HTML, only with `details=true`. */
  description: z.string().nullish(),
});

export const workableAccountResponseSchema = z.looseObject({
  name: z.string().nullish(),
  description: z.string().nullish(),
  jobs: z.array(workableJobSchema),
});

export type WorkableJob = z.infer<typeof workableJobSchema>;
export type WorkableAccountResponse = z.infer<typeof workableAccountResponseSchema>;
