import type { SourceKind } from '../../scrapers/types';

/** How a source kind is named to people: "Greenhouse", "SmartRecruiters", "careers page". */
export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  greenhouse: 'Greenhouse',
  lever: 'Lever',
  ashby: 'Ashby',
  workable: 'Workable',
  smartrecruiters: 'SmartRecruiters',
  recruitee: 'Recruitee',
  personio: 'Personio',
  bamboohr: 'BambooHR',
  teamtailor: 'Teamtailor',
  breezy: 'Breezy HR',
  jsonld: 'careers page',
  html: 'careers page',
};

/** The product name of an ATS kind, or "careers page" for scraped company pages. */
export function sourceKindLabel(kind: string): string {
  return (SOURCE_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}
