/**
 * Ashby public job posting API (developers.ashbyhq.com/docs/public-job-posting-api):
 * `GET /posting-api/job-board/{name}?includeCompensation=true`.
 * No real recorded sample exists; the schema follows the documented fields and accepts boards
 * fetched without `includeCompensation` (no `compensation`).
 */
import { z } from 'zod';

export const ashbyCompensationComponentSchema = z.looseObject({
  id: z.string().nullish(),
  summary: z.string().nullish(),
  /** "Salary", "EquityPercentage", "EquityCashValue", "Commission", "Bonus". */
  compensationType: z.string(),
  /** "1 YEAR", "1 MONTH", "1 HOUR"... */
  interval: z.string().nullish(),
  currencyCode: z.string().nullish(),
  minValue: z.number().nullish(),
  maxValue: z.number().nullish(),
});

export const ashbyCompensationSchema = z.looseObject({
  compensationTierSummary: z.string().nullish(),
  scrapeableCompensationSalarySummary: z.string().nullish(),
  compensationTiers: z
    .array(
      z.looseObject({
        id: z.string().nullish(),
        tierSummary: z.string().nullish(),
        title: z.string().nullish(),
        components: z.array(ashbyCompensationComponentSchema),
      }),
    )
    .nullish(),
  summaryComponents: z.array(ashbyCompensationComponentSchema).nullish(),
});

const postalAddressSchema = z.looseObject({
  addressLocality: z.string().nullish(),
  addressRegion: z.string().nullish(),
  addressCountry: z.string().nullish(),
});

export const ashbyJobSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  jobUrl: z.string(),
  applyUrl: z.string().nullish(),
  department: z.string().nullish(),
  team: z.string().nullish(),
  /** "FullTime" | "PartTime" | "Intern" | "Contract" | "Temporary". */
  employmentType: z.string().nullish(),
  location: z.string().nullish(),
  secondaryLocations: z
    .array(
      z.looseObject({
        location: z.string().nullish(),
        address: z.looseObject({ postalAddress: postalAddressSchema.nullish() }).nullish(),
      }),
    )
    .nullish(),
  address: z.looseObject({ postalAddress: postalAddressSchema.nullish() }).nullish(),
  isRemote: z.boolean().nullish(),
  /** "OnSite" | "Remote" | "Hybrid". */
  workplaceType: z.string().nullish(),
  publishedAt: z.string().nullish(),
  isListed: z.boolean().nullish(),
  descriptionHtml: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  shouldDisplayCompensationOnJobPostings: z.boolean().nullish(),
  compensation: ashbyCompensationSchema.nullish(),
});

export const ashbyJobBoardResponseSchema = z.looseObject({
  apiVersion: z.string().nullish(),
  jobs: z.array(ashbyJobSchema),
});

export type AshbyJob = z.infer<typeof ashbyJobSchema>;
export type AshbyCompensationComponent = z.infer<typeof ashbyCompensationComponentSchema>;
export type AshbyJobBoardResponse = z.infer<typeof ashbyJobBoardResponseSchema>;
