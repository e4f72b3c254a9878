/**
 * BambooHR's public careers endpoints (no key): `GET https://{sub}.bamboohr.com/careers/list` (every
 * open job, without description or date) and `GET /careers/{id}/detail` (one job, with them).
 *
 * `locationType` is "0" on-site, "1" remote, "2" hybrid (as client code in the wild reads it; the demo
 * fixture has "0" with `isRemote: null`). Objects are loose so new fields pass through.
 */
import { z } from 'zod';

/** BambooHR sends ids as strings ("17"); a number would also do. */
const id = z.union([z.string().regex(/^\d+$/, 'expected a numeric job id'), z.number().int().nonnegative()]);
const text = z.string().nullish();

export const bambooLocationSchema = z.looseObject({
  city: text,
  state: text,
  postalCode: text,
  addressCountry: text,
});

/** The structured location BambooHR's ATS keeps beside the free-form one (often all null). */
export const bambooAtsLocationSchema = z.looseObject({
  city: text,
  state: text,
  province: text,
  country: text,
});

const locationType = z.union([z.string(), z.number()]).nullish();

export const bambooListJobSchema = z.looseObject({
  id,
  jobOpeningName: z.string().trim().min(1, 'expected a job title'),
  departmentId: z.union([z.string(), z.number()]).nullish(),
  departmentLabel: text,
  employmentStatusLabel: text,
  employmentType: text,
  location: bambooLocationSchema.nullish(),
  atsLocation: bambooAtsLocationSchema.nullish(),
  isRemote: z.boolean().nullish(),
  locationType,
});

/** `GET /careers/list` */
export const bambooListSchema = z.looseObject({
  meta: z.looseObject({ totalCount: z.number().nullish() }).nullish(),
  result: z.array(bambooListJobSchema),
});

export const bambooJobOpeningSchema = z.looseObject({
  jobOpeningShareUrl: text,
  jobOpeningName: z.string().nullish(),
  jobOpeningStatus: text,
  departmentLabel: text,
  employmentStatusLabel: text,
  location: bambooLocationSchema.nullish(),
  atsLocation: bambooAtsLocationSchema.nullish(),
  isRemote: z.boolean().nullish(),
  locationType,
  /** HTML. */
  description: text,
  /** "2026-09-01" */
  datePosted: text,
  /** Free text ("Senior Level", "Mid-Level"). */
  minimumExperience: text,
  /** Free text ("$120,000 - $140,000 per year"). */
  compensation: text,
});

/** `GET /careers/{id}/detail` */
export const bambooDetailSchema = z.looseObject({
  result: z.looseObject({ jobOpening: bambooJobOpeningSchema }),
});

export type BambooListJob = z.infer<typeof bambooListJobSchema>;
export type BambooList = z.infer<typeof bambooListSchema>;
export type BambooJobOpening = z.infer<typeof bambooJobOpeningSchema>;
export type BambooDetail = z.infer<typeof bambooDetailSchema>;
