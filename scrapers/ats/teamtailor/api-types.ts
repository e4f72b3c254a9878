/**
 * Teamtailor's public jobs feed (`https://{company}.teamtailor.com/jobs.rss`, also on custom career
 * domains), as parsed by `parseXmlPayload`: RSS 2.0 items with Teamtailor's own elements in the `tt:`
 * namespace (`xmlns:tt="https://teamtailor.com/locations"`).
 *
 * ```xml
 * <item>
 *   <title>…</title> <description>entity-escaped HTML</description> <pubDate>RFC 822</pubDate>
 *   <link>https://acme.teamtailor.com/jobs/7308188-account-manager</link> <guid>uuid</guid>
 *   <remoteStatus>none|hybrid|temporary|fully</remoteStatus>
 *   <tt:locations><tt:location><tt:name/><tt:city/><tt:country/></tt:location></tt:locations>
 *   <tt:department/> <tt:role/> <tt:division/>
 * </item>
 * ```
 * XML values are strings and empty elements are "". Objects are loose so new elements pass through.
 */
import { z } from 'zod';

export const TEAMTAILOR_ARRAY_PATHS = [
  'rss.channel.item',
  'rss.channel.item.tt:locations.tt:location',
] as const;

/** An element holding children, or present but empty (""), read as having none. */
const element = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? {} : value), schema);

export const teamtailorLocationSchema = element(
  z.looseObject({
    'tt:name': z.string().optional(),
    'tt:address': z.string().optional(),
    'tt:zip': z.string().optional(),
    'tt:city': z.string().optional(),
    'tt:country': z.string().optional(),
  }),
);

export const teamtailorItemSchema = z.looseObject({
  title: z.string().trim().min(1, 'expected a job title'),
  link: z.url({ protocol: /^https?$/, message: 'expected an http(s) job URL' }),
  guid: z.string().optional(),
  pubDate: z.string().optional(),
  description: z.string().optional(),
  /** Teamtailor writes it without a namespace; some feeds (and clients) use `tt:remoteStatus`. */
  remoteStatus: z.string().optional(),
  'tt:remoteStatus': z.string().optional(),
  'tt:locations': element(
    z.looseObject({ 'tt:location': z.array(teamtailorLocationSchema).optional() }),
  ).optional(),
  'tt:department': z.string().optional(),
  'tt:role': z.string().optional(),
  'tt:division': z.string().optional(),
});

export const teamtailorFeedSchema = z.looseObject({
  rss: z.looseObject({
    channel: element(
      z.looseObject({
        title: z.string().optional(),
        link: z.string().optional(),
        item: z.array(teamtailorItemSchema).optional(),
      }),
    ),
  }),
});

export type TeamtailorItem = z.infer<typeof teamtailorItemSchema>;
export type TeamtailorFeed = z.infer<typeof teamtailorFeedSchema>;
