/**
 * A careers page read with CSS selectors. There is no response schema to speak of: the "shape" is the
 * company's own markup, described by selectors in the source's config. This file holds the config
 * schema and the schema of what the selectors read from the page (one object per job item), which is
 * where a redesign that breaks the selectors shows up, with the item's index in the path.
 */
import { z } from 'zod';

const selector = z.string().trim().min(1, 'expected a CSS selector');

/**
 * `source.config` of an html source. Selectors other than `item` are looked up inside each item (an
 * item that itself matches `link` or `title` is used directly, for lists of `<a class="job">`).
 */
export const htmlSourceConfigSchema = z.looseObject({
  /** Each job on the careers page ("li.job", "[data-job]"). */
  item: selector,
  /** The job's title inside an item (its text). */
  title: selector,
  /** The job's link inside an item (its href, resolved against the page URL). */
  link: selector,
  /** The job's location text inside an item. */
  location: selector.optional(),
  /** The job's department text inside an item. */
  department: selector.optional(),
  /** The job's description inside an item (its inner HTML). */
  description: selector.optional(),
  /** Selectors on each job's own page; when given, every job page is fetched (up to `maxPages`). */
  detail: z
    .looseObject({
      description: selector.optional(),
      location: selector.optional(),
    })
    .optional(),
  /** How many job pages one fetch may read. @default 50 */
  maxPages: z.number().int().min(0).max(1000).optional(),
});

/** What the selectors read from one item, before mapping. */
export const htmlJobItemSchema = z.object({
  title: z.string().min(1, 'the title selector matched no text'),
  link: z.url({ protocol: /^https?$/, message: 'the link selector matched no http(s) link' }),
  location: z.string().nullable(),
  department: z.string().nullable(),
  descriptionHtml: z.string().nullable(),
});

export const htmlJobItemsSchema = z.array(htmlJobItemSchema);

export type HtmlSourceConfig = z.infer<typeof htmlSourceConfigSchema>;
export type HtmlJobItem = z.infer<typeof htmlJobItemSchema>;
