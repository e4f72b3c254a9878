/**
 * schema.org JobPosting (https://schema.org/JobPosting, Google's job posting structured data), as a
 * careers page embeds it in `<script type="application/ld+json">`.
 *
 * Pages write JSON-LD by hand or by plugin, so most properties accept each form schema.org allows: a
 * string or an object (`hiringOrganization`), one value or a list (`jobLocation`, `employmentType`),
 * numbers or numeric strings (`minValue`). `title` is what we cannot do without. Objects are loose.
 */
import { z } from 'zod';

const text = z.string().nullish();
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]).nullish();
const numberish = z.union([z.number(), z.string()]).nullish();

/** A `@type` value: "JobPosting", ["JobPosting"], "schema:JobPosting", "http://schema.org/JobPosting". */
export const jsonLdTypeSchema = z.union([z.string(), z.array(z.string())]);

export const postalAddressSchema = z.looseObject({
  streetAddress: text,
  addressLocality: text,
  addressRegion: text,
  postalCode: text,
  /** ISO alpha-2 ("US") by Google's guidelines, but often a name or a Country object. */
  addressCountry: z.union([z.string(), z.looseObject({ name: text })]).nullish(),
});

/** A Place, or a bare string where a page cut corners. */
export const placeSchema = z.union([
  z.string(),
  z.looseObject({
    name: text,
    address: oneOrMany(z.union([z.string(), postalAddressSchema])),
  }),
]);

/** A Country, State or AdministrativeArea someone may apply from (remote jobs). */
export const administrativeAreaSchema = z.union([z.string(), z.looseObject({ name: text })]);

export const quantitativeValueSchema = z.looseObject({
  value: numberish,
  minValue: numberish,
  maxValue: numberish,
  /** HOUR | DAY | WEEK | MONTH | YEAR */
  unitText: text,
});

export const monetaryAmountSchema = z.looseObject({
  currency: text,
  value: z.union([z.number(), z.string(), quantitativeValueSchema]).nullish(),
  // Not schema.org, but common: the range written on the MonetaryAmount itself.
  minValue: numberish,
  maxValue: numberish,
  unitText: text,
});

export const jobPostingSchema = z.looseObject({
  '@type': jsonLdTypeSchema,
  title: z.string().trim().min(1, 'expected a job title'),
  /** HTML (sometimes entity-escaped, sometimes plain text). */
  description: text,
  datePosted: text,
  dateModified: text,
  validThrough: text,
  /** FULL_TIME | PART_TIME | CONTRACTOR | TEMPORARY | INTERN | ... or free words. */
  employmentType: oneOrMany(z.string()),
  identifier: z.union([z.string(), z.number(), z.looseObject({ name: text, value: numberish })]).nullish(),
  url: text,
  hiringOrganization: z
    .union([
      z.string(),
      z.looseObject({ name: text, sameAs: z.unknown().optional(), url: z.unknown().optional() }),
    ])
    .nullish(),
  jobLocation: oneOrMany(placeSchema),
  /** "TELECOMMUTE" for fully remote jobs. */
  jobLocationType: oneOrMany(z.string()),
  applicantLocationRequirements: oneOrMany(administrativeAreaSchema),
  baseSalary: z.union([monetaryAmountSchema, z.number(), z.string()]).nullish(),
  occupationalCategory: z.unknown().optional(),
  industry: z.unknown().optional(),
  skills: oneOrMany(z.string()),
  experienceRequirements: z.unknown().optional(),
});

export type JobPosting = z.infer<typeof jobPostingSchema>;
export type Place = z.infer<typeof placeSchema>;
export type PostalAddress = z.infer<typeof postalAddressSchema>;
export type MonetaryAmount = z.infer<typeof monetaryAmountSchema>;
