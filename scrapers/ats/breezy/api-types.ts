/**
 * Breezy HR's public board feed (`GET https://{company}.breezy.hr/json`): a flat array of published
 * positions, without descriptions on most boards, with a free-text `salary`.
 *
 * `location.is_remote` is true for hybrid positions too; `location.remote_details.value` says which
 * ("remote", "remote-location", "hybrid"). A position can list several `locations`. Objects are loose
 * so new fields pass through; `id`, `name` and `url` are what we rely on.
 */
import { z } from 'zod';

const text = z.string().nullish();

/** Country or state: `{ id: "US", name: "United States" }`; older boards send a plain string. */
const namedPlace = z.union([z.looseObject({ id: text, name: text }), z.string()]).nullish();

export const breezyLocationSchema = z.looseObject({
  /** The display name ("Tampa, FL", "Worldwide"). */
  name: text,
  city: text,
  state: namedPlace,
  country: namedPlace,
  is_remote: z.boolean().nullish(),
  remote_details: z.looseObject({ value: text, label: text }).nullish(),
});

export const breezyPositionSchema = z.looseObject({
  id: z.string().trim().min(1, 'expected a position id'),
  friendly_id: text,
  name: z.string().trim().min(1, 'expected a job title'),
  url: z.string().min(1, 'expected the position URL'),
  published_date: text,
  creation_date: text,
  updated_date: text,
  /** `{ id: "fullTime", name: "Full-Time" }`, or a plain string. */
  type: z.union([z.looseObject({ id: text, name: text }), z.string()]).nullish(),
  location: breezyLocationSchema.nullish(),
  locations: z.array(breezyLocationSchema).nullish(),
  department: text,
  /** Free text ("$115,000 – $145,000 / year"), "" when none. */
  salary: text,
  /** HTML, when the board includes it. */
  description: text,
  company: z.looseObject({ name: text, friendly_id: text }).nullish(),
});

/** The whole feed. */
export const breezyFeedSchema = z.array(breezyPositionSchema);

export type BreezyLocation = z.infer<typeof breezyLocationSchema>;
export type BreezyPosition = z.infer<typeof breezyPositionSchema>;
