/**
 * Renders a sample board as Recruitee's careers site API does today, on the company's own host
 * (`{company}.recruitee.com`): `/api/offers/` (`{ offers }`) and `/api/offers/{slug}` (`{ offer }`).
 */
import type { SampleBoard, SampleJob, SampleRenderer } from '../../sandbox/types';
import { countryName, jsonResponse, sampleHost, sampleNumber } from '../shared';

const EMPLOYMENT = {
  'full-time': 'fulltime_permanent',
  'part-time': 'parttime_permanent',
  contract: 'freelance',
  internship: 'internship',
  temporary: 'fulltime_fixed_term',
} as const;

function slug(job: SampleJob): string {
  return job.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Recruitee's timestamp format: "2024-01-10 09:00:00 UTC". */
function recruiteeTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function renderOffer(board: SampleBoard, job: SampleJob) {
  const offerSlug = slug(job);
  const country = job.countryCode ? countryName(job.countryCode) : '';
  const careersUrl = `https://${board.token}.recruitee.com/o/${offerSlug}`;
  return {
    id: sampleNumber(job.id, 7),
    slug: offerSlug,
    status: 'published',
    title: job.title,
    company_name: board.companyName,
    description: job.descriptionHtml,
    requirements: '<ul><li>Sample requirement: clear written communication.</li></ul>',
    department: job.department,
    tags: [job.department, ...(job.team ? [job.team] : [])],
    remote: job.workplace === 'remote',
    hybrid: job.workplace === 'hybrid',
    on_site: job.workplace === 'onsite',
    location: job.location,
    city: job.city ?? '',
    country,
    country_code: job.countryCode ?? '',
    locations: job.countryCode
      ? [
          {
            id: sampleNumber(`location:${job.location}`, 6),
            name: job.location,
            city: job.city ?? '',
            state: '',
            country,
            country_code: job.countryCode,
          },
        ]
      : [],
    salary: job.salary
      ? {
          min: String(job.salary.min),
          max: String(job.salary.max),
          period: job.salary.period,
          currency: job.salary.currency,
        }
      : { min: null, max: null, period: null, currency: null },
    employment_type_code: EMPLOYMENT[job.employmentType],
    experience_code: 'experienced',
    education_code: 'bachelor_degree',
    published_at: recruiteeTime(job.postedAt),
    created_at: recruiteeTime(job.postedAt),
    updated_at: recruiteeTime(job.postedAt),
    close_at: null,
    careers_url: careersUrl,
    careers_apply_url: `${careersUrl}/c/new`,
  };
}

export const renderer: SampleRenderer = {
  kind: 'recruitee',
  respond(board, request) {
    if (request.method !== 'GET' || sampleHost(request.host) !== `${board.token.toLowerCase()}.recruitee.com`)
      return null;
    const path = request.path.replace(/\/+$/, '');
    if (path === '/api/offers')
      return jsonResponse({ offers: board.jobs.map((job) => renderOffer(board, job)) });
    if (path.startsWith('/api/offers/')) {
      const wanted = path.slice('/api/offers/'.length);
      const job = board.jobs.find(
        (candidate) => slug(candidate) === wanted || String(sampleNumber(candidate.id, 7)) === wanted,
      );
      return job
        ? jsonResponse({ offer: renderOffer(board, job) })
        : jsonResponse({ error: 'Not found' }, 404);
    }
    return null;
  },
  careersUrl: (board) => `https://${board.token}.recruitee.com`,
};
