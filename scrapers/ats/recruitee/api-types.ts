/**
 * Recruitee careers site API: `GET https://{company}.recruitee.com/api/offers/` (all published offers)
 * and `/api/offers/{slug}` (`{ offer }`). No real recorded sample exists; the schema follows the
 * documented fields. Salary bounds arrive as numbers or numeric strings.
 */
import { z } from 'zod';

const amountSchema = z.union([z.number(), z.string()]).nullish();

export const recruiteeLocationSchema = z.looseObject({
  id: z.number().nullish(),
  name: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  country: z.string().nullish(),
  country_code: z.string().nullish(),
});

export const recruiteeOfferSchema = z.looseObject({
  id: z.number(),
  slug: z.string().nullish(),
  title: z.string(),
  careers_url: z.string(),
  careers_apply_url: z.string().nullish(),
  department: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  remote: z.boolean().nullish(),
  hybrid: z.boolean().nullish(),
  on_site: z.boolean().nullish(),
  location: z.string().nullish(),
  city: z.string().nullish(),
  country: z.string().nullish(),
  country_code: z.string().nullish(),
  locations: z.array(recruiteeLocationSchema).nullish(),
  salary: z
    .looseObject({
      min: amountSchema,
      max: amountSchema,
      /** "year", "month", "hour"... */
      period: z.string().nullish(),
      currency: z.string().nullish(),
    })
    .nullish(),
  /** "fulltime_permanent", "parttime", "contract", "internship"... */
  employment_type_code: z.string().nullish(),
  experience_code: z.string().nullish(),
  /** HTML. */
  description: z.string().nullish(),
  /** HTML. */
  requirements: z.string().nullish(),
  /** "2024-01-10 09:00:00 UTC". */
  published_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  close_at: z.string().nullish(),
});

export const recruiteeOffersResponseSchema = z.looseObject({ offers: z.array(recruiteeOfferSchema) });
export const recruiteeOfferResponseSchema = z.looseObject({ offer: recruiteeOfferSchema });

export type RecruiteeOffer = z.infer<typeof recruiteeOfferSchema>;
export type RecruiteeOffersResponse = z.infer<typeof recruiteeOffersResponseSchema>;
