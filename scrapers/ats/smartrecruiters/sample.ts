/**
 * Renders a sample board as the SmartRecruiters Posting API does today (api.smartrecruiters.com):
 * the list `/v1/companies/{id}/postings?limit&offset` without descriptions, and the detail
 * `/v1/companies/{id}/postings/{postingId}` with `jobAd.sections`.
 */
import type { SampleBoard, SampleJob, SampleRenderer } from '../../sandbox/types';
import { countryName, escapeHtml, jsonResponse, sampleHost, sampleNumber, sampleUuid } from '../shared';

const EMPLOYMENT = {
  'full-time': { id: 'permanent', label: 'Full-time' },
  'part-time': { id: 'part_time', label: 'Part-time' },
  contract: { id: 'contract', label: 'Contract' },
  internship: { id: 'intern', label: 'Intern' },
  temporary: { id: 'temporary', label: 'Temporary' },
} as const;

/** SmartRecruiters' documented defaults: 10 per page, at most 100. */
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

function postingId(job: SampleJob): string {
  return String(sampleNumber(job.id, 15));
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function listItem(board: SampleBoard, job: SampleJob) {
  const id = postingId(job);
  return {
    id,
    name: job.title,
    uuid: sampleUuid(job.id),
    jobAdId: sampleUuid(`ad:${job.id}`),
    defaultJobAd: true,
    refNumber: `REF${sampleNumber(`ref:${job.id}`, 6)}`,
    company: { identifier: board.token, name: board.companyName },
    releasedDate: job.postedAt,
    location: {
      city: job.city ?? '',
      region: '',
      country: job.countryCode?.toLowerCase() ?? '',
      remote: job.workplace === 'remote',
      hybrid: job.workplace === 'hybrid',
      fullLocation:
        job.city && job.countryCode ? `${job.city}, ${countryName(job.countryCode)}` : job.location,
    },
    industry: { id: 'computer_software', label: 'Computer Software' },
    department: { id: String(sampleNumber(`department:${job.department}`, 7)), label: job.department },
    function: { id: 'engineering', label: job.team ?? job.department },
    typeOfEmployment: EMPLOYMENT[job.employmentType],
    experienceLevel: { id: 'mid_senior_level', label: 'Mid-Senior Level' },
    customField: [],
    visibility: 'PUBLIC',
    ref: `https://api.smartrecruiters.com/v1/companies/${board.token}/postings/${id}`,
    creator: { name: 'Sample Recruiter' },
    language: { code: 'en', label: 'English', labelNative: 'English (US)' },
  };
}

function detail(board: SampleBoard, job: SampleJob) {
  const item = listItem(board, job);
  const pageUrl = `https://jobs.smartrecruiters.com/${board.token}/${item.id}-${slug(job.title)}`;
  const pay = job.salary
    ? `<p>Pay range: ${job.salary.min.toLocaleString('en-US')} – ${job.salary.max.toLocaleString('en-US')} ${job.salary.currency} per ${job.salary.period}.</p>`
    : '';
  return {
    ...item,
    postingUrl: pageUrl,
    applyUrl: `${pageUrl}?oga=true`,
    referralUrl: `${pageUrl}?trid=sample`,
    active: true,
    jobAd: {
      sections: {
        companyDescription: {
          title: 'Company Description',
          text: `<p>${escapeHtml(board.companyName)} is a sample company served by the Elsewhere sandbox.</p>`,
        },
        jobDescription: { title: 'Job Description', text: job.descriptionHtml },
        qualifications: { title: 'Qualifications', text: '<ul><li>Sample qualification.</li></ul>' },
        additionalInformation: {
          title: 'Additional Information',
          text: `${pay}<p>This posting is a sample.</p>`,
        },
      },
    },
  };
}

function count(query: URLSearchParams, name: string, fallback: number): number {
  const value = Number(query.get(name));
  return query.has(name) && Number.isInteger(value) && value >= 0 ? value : fallback;
}

export const renderer: SampleRenderer = {
  kind: 'smartrecruiters',
  respond(board, request) {
    if (request.method !== 'GET' || sampleHost(request.host) !== 'api.smartrecruiters.com') return null;
    const prefix = `/v1/companies/${board.token}/postings`;
    if (request.path === prefix) {
      const offset = count(request.query, 'offset', 0);
      const limit = Math.min(count(request.query, 'limit', DEFAULT_LIMIT), MAX_LIMIT);
      return jsonResponse({
        offset,
        limit,
        totalFound: board.jobs.length,
        content: board.jobs.slice(offset, offset + limit).map((job) => listItem(board, job)),
      });
    }
    if (request.path.startsWith(`${prefix}/`)) {
      const id = request.path.slice(prefix.length + 1);
      const job = board.jobs.find((candidate) => postingId(candidate) === id);
      return job
        ? jsonResponse(detail(board, job))
        : jsonResponse({ message: `Job posting with id=${id} not found`, code: 'POSTING_NOT_FOUND' }, 404);
    }
    return null;
  },
  careersUrl: (board) => `https://careers.smartrecruiters.com/${board.token}`,
};
