/**
 * Lever Postings API responses (github.com/lever/postings-api).
 *
 * Accepts the 2015 shape (id, text, description, lists, createdAt, hostedUrl, applyUrl, categories)
 * and the current one, which adds workplaceType, country, salaryRange, salaryDescription(Plain),
 * opening(Plain), descriptionBody(Plain), descriptionPlain, additional(Plain) and allLocations.
 */
import { z } from 'zod';

export const leverCategoriesSchema = z.looseObject({
  location: z.string().nullish(),
  commitment: z.string().nullish(),
  team: z.string().nullish(),
  department: z.string().nullish(),
  level: z.string().nullish(),
  allLocations: z.array(z.string()).nullish(),
});

export const leverSalaryRangeSchema = z.looseObject({
  currency: z.string().nullish(),
  /** "per-year-salary", "per-month-salary", "per-hour-wage"... */
  interval: z.string().nullish(),
  min: z.number().nullish(),
  max: z.number().nullish(),
});

export const leverPostingSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  hostedUrl: z.string(),
  applyUrl: z.string().nullish(),
  categories: leverCategoriesSchema.nullish(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().nullish(),
  /** "unspecified" | "on-site" | "remote" | "hybrid". */
  workplaceType: z.string().nullish(),
  salaryRange: leverSalaryRangeSchema.nullish(),
  salaryDescription: z.string().nullish(),
  salaryDescriptionPlain: z.string().nullish(),
  /** Opening and body combined (HTML). */
  description: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  opening: z.string().nullish(),
  openingPlain: z.string().nullish(),
  descriptionBody: z.string().nullish(),
  descriptionBodyPlain: z.string().nullish(),
  lists: z.array(z.looseObject({ text: z.string(), content: z.string() })).nullish(),
  additional: z.string().nullish(),
  additionalPlain: z.string().nullish(),
  /** Epoch milliseconds. */
  createdAt: z.number().nullish(),
  updatedAt: z.number().nullish(),
});

/** `GET /v0/postings/{site}?mode=json`: a bare array, one page of it when skip/limit are given. */
export const leverPostingsResponseSchema = z.array(leverPostingSchema);

export type LeverPosting = z.infer<typeof leverPostingSchema>;
export type LeverPostingsResponse = z.infer<typeof leverPostingsResponseSchema>;
