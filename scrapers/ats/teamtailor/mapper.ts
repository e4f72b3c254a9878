/**
 * Teamtailor RSS items -> RawPosting. Pure: no I/O, no interpretation of text.
 *
 * Remote status is Teamtailor's own setting per job: "none" (on-site), "hybrid", "temporary"
 * (remote for now, on-site later: neither remote nor known on-site) and "fully" (fully remote).
 */
import type { RawPosting } from '../../types';
import { distinctText, isoDateTime } from '../shared';
import type { TeamtailorFeed, TeamtailorItem } from './api-types';

const REMOTE_STATUS: Record<string, Omit<RawPosting['remote'], 'countryCodes'>> = {
  none: { isRemote: false, workplaceType: 'onsite' },
  hybrid: { isRemote: false, workplaceType: 'hybrid' },
  temporary: { isRemote: false, workplaceType: null },
  fully: { isRemote: true, workplaceType: 'remote' },
};

/**
 * The job's stable id: the number in its link (`/jobs/7308188-account-manager`), which survives a
 * retitle that changes the slug; else the RSS guid; else the link itself.
 */
function externalIdOf(item: TeamtailorItem): string {
  const number = /\/jobs\/(\d+)(?:-|\/|$)/.exec(new URL(item.link).pathname)?.[1];
  return number ?? (item.guid?.trim() || item.link);
}

/** "City, Country" when Teamtailor has them, else the location's own name ("HQ, Stockholm"). */
function locationsOf(item: TeamtailorItem): string[] {
  const locations = item['tt:locations']?.['tt:location'] ?? [];
  return distinctText(
    locations.map((location) => {
      const place = distinctText([location['tt:city'], location['tt:country']]).join(', ');
      return place || location['tt:name'];
    }),
  );
}

/** Map one item. */
export function mapTeamtailorItem(item: TeamtailorItem): RawPosting {
  const status = (item.remoteStatus ?? item['tt:remoteStatus'])?.trim().toLowerCase() ?? '';
  const metadata: Record<string, string> = {};
  if (status) metadata['remoteStatus'] = status;
  const role = item['tt:role']?.trim();
  const division = item['tt:division']?.trim();
  if (role) metadata['role'] = role;
  if (division) metadata['division'] = division;
  return {
    externalId: externalIdOf(item),
    title: item.title.trim(),
    applyUrl: item.link,
    locations: locationsOf(item),
    // The RSS escapes the HTML once; the XML parser has undone that, so this is the page's HTML.
    descriptionHtml: item.description?.trim() || null,
    department: item['tt:department']?.trim() || null,
    team: null,
    employmentType: null,
    seniority: null,
    postedAt: isoDateTime(item.pubDate),
    updatedAt: null,
    remote: { ...(REMOTE_STATUS[status] ?? { isRemote: null, workplaceType: null }), countryCodes: [] },
    salary: null,
    salaryText: null,
    tags: [],
    metadata,
  };
}

/** Map a whole feed. */
export function mapTeamtailorFeed(feed: TeamtailorFeed): RawPosting[] {
  return (feed.rss.channel.item ?? []).map(mapTeamtailorItem);
}
