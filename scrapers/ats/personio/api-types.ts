/**
 * Personio's public XML feed (`https://{account}.jobs.personio.de/xml`, support.personio.de article
 * 207576365), as parsed by `parseXmlPayload`: one `<workzag-jobs>` root with a `<position>` per job.
 *
 * XML has no types, so every value arrives as a string, and an empty element (`<additionalOffices/>`,
 * an empty feed's `<workzag-jobs></workzag-jobs>`) arrives as "". Optional child lists accept that "".
 * Objects are loose so fields Personio adds later pass through; `id` and `name` are what we rely on.
 */
import { z } from 'zod';

/** Element paths that may repeat, so one and many parse to the same array shape. */
export const PERSONIO_ARRAY_PATHS = [
  'workzag-jobs.position',
  'workzag-jobs.position.additionalOffices.office',
  'workzag-jobs.position.jobDescriptions.jobDescription',
] as const;

/**
 * An element that holds child elements, or is present but empty (""), read as having none. (A
 * preprocess rather than a union, so a bad child reports its own path instead of "invalid union".)
 */
const element = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? {} : value), schema);

export const personioJobDescriptionSchema = z.looseObject({
  /** Section heading as plain text ("Your mission"). */
  name: z.string().optional(),
  /** Section body: HTML from a CDATA block. */
  value: z.string().optional(),
});

/** Structured pay, when the company publishes it: `<min>`, `<max>`, `<currencyCode>`, `<type>` (yearly...). */
export const personioSalarySchema = z.looseObject({
  min: z.string().optional(),
  max: z.string().optional(),
  currencyCode: z.string().optional(),
  currencySymbol: z.string().optional(),
  type: z.string().optional(),
});

export const personioPositionSchema = z.looseObject({
  /** Numeric position id; the public job page is `/job/{id}`. */
  id: z.string().regex(/^\d+$/, 'expected a numeric position id'),
  name: z.string().trim().min(1, 'expected a job title'),
  subcompany: z.string().optional(),
  office: z.string().optional(),
  additionalOffices: element(z.looseObject({ office: z.array(z.string()).optional() })).optional(),
  department: z.string().optional(),
  recruitingCategory: z.string().optional(),
  jobDescriptions: element(
    z.looseObject({ jobDescription: z.array(personioJobDescriptionSchema).optional() }),
  ).optional(),
  /** permanent | intern | trainee | freelance | temporary | working_student... */
  employmentType: z.string().optional(),
  /** entry-level | experienced | executive | student */
  seniority: z.string().optional(),
  /** full-time | part-time | full-or-part-time */
  schedule: z.string().optional(),
  yearsOfExperience: z.string().optional(),
  /** Comma-separated keywords. */
  keywords: z.string().optional(),
  occupation: z.string().optional(),
  occupationCategory: z.string().optional(),
  createdAt: z.string().optional(),
  salaryInformation: element(personioSalarySchema).optional(),
});

/** The whole feed. A feed with no open positions is an empty root element. */
export const personioFeedSchema = z.looseObject({
  'workzag-jobs': element(z.looseObject({ position: z.array(personioPositionSchema).optional() })),
});

export type PersonioPosition = z.infer<typeof personioPositionSchema>;
export type PersonioFeed = z.infer<typeof personioFeedSchema>;
