/**
 * SmartRecruiters Posting API (dev.smartrecruiters.com/customer-api/posting-api/endpoints/postings/):
 * the list `GET /v1/companies/{id}/postings?limit&offset` (no description) and the detail
 * `GET /v1/companies/{id}/postings/{postingId}`, which adds `jobAd.sections` (HTML), `postingUrl` and
 * `applyUrl`. The detail is a superset of a list item, so one schema describes both.
 */
import { z } from 'zod';

/** SmartRecruiters' `{ id, label }` pairs; the list sometimes sends `{}` (e.g. no department). */
const labelledSchema = z.looseObject({ id: z.string().nullish(), label: z.string().nullish() });

export const smartRecruitersSectionSchema = z.looseObject({
  title: z.string().nullish(),
  text: z.string().nullish(),
});

export const smartRecruitersPostingSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  uuid: z.string().nullish(),
  refNumber: z.string().nullish(),
  company: z.looseObject({ identifier: z.string().nullish(), name: z.string().nullish() }).nullish(),
  releasedDate: z.string().nullish(),
  location: z
    .looseObject({
      city: z.string().nullish(),
      region: z.string().nullish(),
      /** ISO 3166-1 alpha-2, lower case ("de"). */
      country: z.string().nullish(),
      address: z.string().nullish(),
      remote: z.boolean().nullish(),
      hybrid: z.boolean().nullish(),
      fullLocation: z.string().nullish(),
    })
    .nullish(),
  department: labelledSchema.nullish(),
  function: labelledSchema.nullish(),
  industry: labelledSchema.nullish(),
  typeOfEmployment: labelledSchema.nullish(),
  experienceLevel: labelledSchema.nullish(),
  customField: z
    .array(
      z.looseObject({
        fieldId: z.string().nullish(),
        fieldLabel: z.string().nullish(),
        valueId: z.string().nullish(),
        valueLabel: z.string().nullish(),
      }),
    )
    .nullish(),
  /** API URL of the detail. */
  ref: z.string().nullish(),
  language: z.looseObject({ code: z.string().nullish(), label: z.string().nullish() }).nullish(),
  // Detail only:
  postingUrl: z.string().nullish(),
  applyUrl: z.string().nullish(),
  jobAd: z
    .looseObject({
      sections: z.record(z.string(), smartRecruitersSectionSchema.nullish()).nullish(),
    })
    .nullish(),
});

export const smartRecruitersListResponseSchema = z.looseObject({
  offset: z.number(),
  limit: z.number(),
  totalFound: z.number(),
  content: z.array(smartRecruitersPostingSchema),
});

export type SmartRecruitersPosting = z.infer<typeof smartRecruitersPostingSchema>;
export type SmartRecruitersListResponse = z.infer<typeof smartRecruitersListResponseSchema>;
