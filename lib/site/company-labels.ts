/** How the site names the company directory's vocabulary (lib/companies/vocabulary.ts). */
import type { CompanyRegion, RemotePolicy } from '../companies/vocabulary';

export const COMPANY_REGION_LABELS: Record<CompanyRegion, string> = {
  worldwide: 'Worldwide',
  americas: 'Americas',
  europe: 'Europe',
  'americas-europe': 'Americas & Europe',
  'asia-pacific': 'Asia-Pacific',
  other: 'Other',
};

export const REMOTE_POLICY_LABELS: Record<RemotePolicy, string> = {
  'fully-remote': 'Fully remote',
  'remote-first': 'Remote-first',
  'remote-friendly': 'Remote-friendly',
  hybrid: 'Hybrid',
};
