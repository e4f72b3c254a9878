/**
 * The curated seed: fully remote companies with a known job board, and the demo seed that points
 * sample companies at the offline sandbox.
 *
 * Evidence, strongest first (see ../shared/fixtures/ATS_NOTES.md and ../shared/data/):
 * 1. ATS_NOTES.md "Company → ATS", from two live checks in August 2026 (V1, V2) and code hits.
 * 2. The careers URLs of remoteintech/remote-jobs (ISC) at a 2026-08-05 commit, where they name a board.
 * 3. ats-boards-2021.tsv (remotebear's 2021 configuration), where nothing newer contradicts it; tokens
 *    may have moved since, and a board that is gone shows up as failed runs in `elsewhere status`.
 * Companies are kept when the directory calls them fully remote or remote-first, or ATS_NOTES names
 * them. Slugs are the directory's, so `companies import` enriches these rows instead of duplicating them.
 *
 * This file is data only: lib/companies (`upsertCompaniesWithSources`) writes it, wired by the CLI.
 */
import { SAMPLE_HTML_SELECTORS } from './ats/html/sample';
import { getSampleRenderer } from './registry';
import { demoBoards } from './sandbox/data';
import type { SampleBoard } from './sandbox/types';
import type { SourceKind } from './types';

/** One source of a seed company, in the shape of `SourceRef`. */
export interface SeedSource {
  kind: SourceKind;
  /** Board token for ATS kinds; null for jsonld/html. */
  token: string | null;
  /** Careers page for jsonld/html; null for ATS boards (the token says it all). */
  url: string | null;
  config: Record<string, unknown>;
}

/** A company of the seed, ready for `upsertCompanyWithSources`. */
export interface SeedCompany {
  /** The remoteintech directory's slug when it lists the company. */
  slug: string;
  name: string;
  website: string | null;
  /** The page a person would open to see the jobs. */
  careersUrl: string | null;
  description?: string | null;
  /** `closed`: the company shut down; shown, never scraped. */
  status: 'active' | 'closed';
  /** Why a company is closed, or why it has no source yet. */
  statusNote: string | null;
  /** Recorded as `companies.profile_source`. */
  profileSource: string;
  sources: SeedSource[];
}

/** `profile_source` of the curated seed's companies. */
export const SEED_PROFILE_SOURCE = 'seed';
/** `profile_source` of the demo's sample companies. */
export const DEMO_PROFILE_SOURCE = 'sandbox (sample)';

/** The page people see for an ATS board. */
function boardPage(kind: SourceKind, token: string, config: Record<string, unknown>): string {
  switch (kind) {
    case 'greenhouse':
      return config['region'] === 'eu'
        ? `https://job-boards.eu.greenhouse.io/${token}`
        : `https://job-boards.greenhouse.io/${token}`;
    case 'lever':
      return `https://jobs.lever.co/${token}`;
    case 'ashby':
      return `https://jobs.ashbyhq.com/${token}`;
    case 'workable':
      return `https://apply.workable.com/${token}/`;
    case 'smartrecruiters':
      return `https://careers.smartrecruiters.com/${token}`;
    case 'recruitee':
      return `https://${token}.recruitee.com/`;
    case 'personio':
      return `https://${token}.jobs.personio.${config['domain'] === 'com' ? 'com' : 'de'}/`;
    case 'bamboohr':
      return `https://${token}.bamboohr.com/careers`;
    case 'teamtailor':
      return `https://${token}.teamtailor.com/jobs`;
    case 'breezy':
      return `https://${token}.breezy.hr/`;
    case 'jsonld':
    case 'html':
      throw new Error(`${kind} sources are pages, not boards`);
  }
}

/** A company whose jobs come from one ATS board. */
function onBoard(
  slug: string,
  name: string,
  website: string,
  kind: Exclude<SourceKind, 'jsonld' | 'html'>,
  token: string,
  config: Record<string, unknown> = {},
): SeedCompany {
  return {
    slug,
    name,
    website,
    careersUrl: boardPage(kind, token, config),
    status: 'active',
    statusNote: null,
    profileSource: SEED_PROFILE_SOURCE,
    sources: [{ kind, token, url: null, config }],
  };
}

/** A company without a source Elsewhere can read yet: listed, without jobs. */
function withoutSource(
  slug: string,
  name: string,
  website: string,
  careersUrl: string,
  note: string,
): SeedCompany {
  return {
    slug,
    name,
    website,
    careersUrl,
    status: 'active',
    statusNote: note,
    profileSource: SEED_PROFILE_SOURCE,
    sources: [],
  };
}

/** The curated seed: at least 40 remote companies with a known board, and a few listed without one. */
export const SEED_COMPANIES: readonly SeedCompany[] = [
  // ---- ATS_NOTES.md, live-checked in 2026 ----
  onBoard('buffer', 'Buffer', 'https://buffer.com', 'ashby', 'buffer'), // V2: 3 jobs
  onBoard('automattic', 'Automattic', 'https://automattic.com', 'greenhouse', 'automatticcareers'), // V2: 18 jobs
  onBoard('gitlab', 'GitLab', 'https://about.gitlab.com', 'greenhouse', 'gitlab'), // V1: 204 jobs; V2
  onBoard('zapier', 'Zapier', 'https://zapier.com', 'ashby', 'zapier'), // V2: 6 jobs (older lists: Greenhouse)
  // EU-hosted Greenhouse board: the US boards-api host answered 404 in V2.
  onBoard('hotjar', 'Hotjar', 'https://www.hotjar.com', 'greenhouse', 'hotjar', { region: 'eu' }),
  onBoard('help-scout', 'Help Scout', 'https://www.helpscout.com', 'ashby', 'helpscout'), // 3 code lists, unverified live
  onBoard('close', 'Close', 'https://close.com', 'ashby', 'close'), // V2: 6 jobs (an older list says Lever)
  onBoard('elastic', 'Elastic', 'https://www.elastic.co', 'greenhouse', 'elastic'), // V1: 249 jobs; V2
  onBoard('canonical', 'Canonical', 'https://canonical.com', 'greenhouse', 'canonical'), // V2: 100 jobs
  onBoard(
    'wikimedia-foundation',
    'Wikimedia Foundation',
    'https://wikimediafoundation.org',
    'greenhouse',
    'wikimedia',
  ), // V1: 18 jobs
  onBoard('duckduckgo', 'DuckDuckGo', 'https://duckduckgo.com', 'ashby', 'duck-duck-go'), // many posting URLs in code
  onBoard('sourcegraph', 'Sourcegraph', 'https://sourcegraph.com', 'ashby', 'sourcegraph'), // code lists; V2: Greenhouse 404
  onBoard('posthog', 'PostHog', 'https://posthog.com', 'ashby', 'posthog'), // V1: 11 jobs; V2
  onBoard('supabase', 'Supabase', 'https://supabase.com', 'ashby', 'supabase'), // V1: 58 jobs; V2
  onBoard('vercel', 'Vercel', 'https://vercel.com', 'greenhouse', 'vercel'), // V1: 83 jobs (its Ashby board was empty)
  // V2 found the board live but an empty posting-api answer for "deel"; the directory's 2026 careers
  // URL spells the board "Deel", and Ashby board names are case-sensitive in the posting API.
  onBoard('deel', 'Deel', 'https://www.deel.com', 'ashby', 'Deel'),
  // V1: 226 jobs on "remotecom"; the token "remote" is a different, 2-job board.
  onBoard('remote-com', 'Remote.com', 'https://remote.com', 'greenhouse', 'remotecom'),
  onBoard('mozilla', 'Mozilla', 'https://www.mozilla.org', 'greenhouse', 'mozilla'), // V1: 82 jobs
  {
    // V2 (2026) found no Greenhouse, Lever or Ashby board and third-party guesses conflict (the 2021
    // list says Workable "doist", unconfirmed since): the careers page itself (doist.com/careers, also
    // the directory's careers URL) is the best source. The jsonld adapter reads JobPosting data there
    // and on the same-site job pages it links to.
    slug: 'doist',
    name: 'Doist',
    website: 'https://doist.com',
    careersUrl: 'https://doist.com/careers',
    status: 'active',
    statusNote: null,
    profileSource: SEED_PROFILE_SOURCE,
    sources: [{ kind: 'jsonld', token: null, url: 'https://doist.com/careers', config: {} }],
  },
  {
    // Remote-first design company; its 2021 Greenhouse board ("invision") went with it.
    slug: 'invision',
    name: 'InVision',
    website: 'https://www.invisionapp.com',
    careersUrl: null,
    status: 'closed',
    statusNote: 'InVision shut down in 2024',
    profileSource: SEED_PROFILE_SOURCE,
    sources: [],
  },
  // Self-hosted page with no JSON API ("Custom" in code lists) and no known JobPosting data: an html
  // source needs selectors checked against the live page first.
  withoutSource(
    '37signals',
    '37signals',
    'https://37signals.com',
    'https://37signals.com/jobs',
    'Hires through its own page 37signals.com/jobs (no ATS board, no structured data known); add an html source with checked selectors.',
  ),
  withoutSource(
    'toggl',
    'Toggl',
    'https://toggl.com',
    'https://jobs.toggl.com',
    'Hires through its own site jobs.toggl.com; V2 (2026) found no board on the platforms Elsewhere reads.',
  ),
  withoutSource(
    'the-ghost-foundation',
    'Ghost',
    'https://ghost.org',
    'https://careers.ghost.org',
    'Hires through Homerun, which has no public key-less feed.',
  ),

  // ---- remoteintech/remote-jobs careers URLs (2026-08-05) naming a board ----
  onBoard('sketch', 'Sketch', 'https://www.sketch.com', 'ashby', 'sketch'), // 2021: Lever; the directory links Ashby
  onBoard('circleci', 'CircleCI', 'https://circleci.com', 'greenhouse', 'circleci'), // also in the 2021 list
  onBoard('bandlab', 'BandLab', 'https://bandlab.com', 'workable', 'bandlabtechnologies'),
  onBoard('connexa', 'Connexa', 'https://www.connexa.com', 'breezy', 'connexa'),
  onBoard('devsquad', 'Devsquad', 'https://devsquad.com', 'workable', 'devsquad'),
  onBoard('hugging-face', 'Hugging Face', 'https://huggingface.co', 'workable', 'huggingface'),
  onBoard('kraken', 'Kraken', 'https://kraken.com', 'lever', 'kraken'),
  onBoard('luxor-technology', 'Luxor Technology', 'https://luxor.tech', 'ashby', 'luxor'),
  onBoard('mediavine', 'Mediavine', 'https://www.mediavine.com', 'workable', 'mediavine'),
  onBoard('recharge-payments', 'ReCharge Payments', 'https://rechargepayments.com', 'greenhouse', 'recharge'),
  onBoard('skillcrush', 'Skillcrush', 'https://skillcrush.com', 'breezy', 'skillcrush'),
  onBoard('ushahidi', 'Ushahidi', 'https://www.ushahidi.com', 'workable', 'ushahidi'),
  onBoard('wp-media', 'WP-Media', 'https://wp-media.me', 'workable', 'wp-media'),
  onBoard('balena', 'Balena', 'https://www.balena.io', 'workable', 'balena'),
  onBoard('modern-health', 'Modern Health', 'https://www.modernhealth.com', 'greenhouse', 'modernhealth'),
  onBoard('appen', 'Appen', 'https://www.appen.com', 'lever', 'appen-2'),
  onBoard('ollie', 'Ollie', 'https://www.myollie.com', 'lever', 'myollie'),
  onBoard('shippabo', 'Shippabo', 'https://shippabo.com', 'workable', 'shippabo'),

  // ---- ats-boards-2021.tsv, not contradicted by newer evidence ----
  onBoard('github', 'GitHub', 'https://github.com', 'greenhouse', 'github'),
  onBoard('reddit', 'Reddit', 'https://www.redditinc.com', 'greenhouse', 'reddit'),
  onBoard('udacity', 'Udacity', 'https://www.udacity.com', 'greenhouse', 'udacity'),
  onBoard('netlify', 'Netlify', 'https://www.netlify.com', 'greenhouse', 'netlify'),
  onBoard('shopify', 'Shopify', 'https://www.shopify.com', 'smartrecruiters', 'shopify'),
  onBoard('prisma', 'Prisma', 'https://www.prisma.io', 'greenhouse', 'prisma'),
  onBoard('grafana-labs', 'Grafana Labs', 'https://grafana.com', 'lever', 'grafana'),
  onBoard('skillshare', 'Skillshare', 'https://www.skillshare.com', 'lever', 'skillshare'),
  onBoard('brave', 'Brave', 'https://brave.com', 'greenhouse', 'brave'),
  onBoard('codesandbox', 'CodeSandbox', 'https://codesandbox.io', 'recruitee', 'codesandbox'),
  onBoard('linear', 'Linear', 'https://linear.app', 'lever', 'linear'),
];

/** The source a company would configure for a sandbox board. */
export function sampleBoardSource(board: SampleBoard): SeedSource {
  const careersUrl = getSampleRenderer(board.kind).careersUrl(board);
  if (board.kind === 'jsonld') return { kind: 'jsonld', token: null, url: careersUrl, config: {} };
  if (board.kind === 'html')
    return { kind: 'html', token: null, url: careersUrl, config: { ...SAMPLE_HTML_SELECTORS } };
  return { kind: board.kind, token: board.token, url: null, config: {} };
}

/**
 * The demo seed: one sample company per demo board (`demoBoards`), with the source that reads it from
 * the sandbox at `origin`. ATS sources need the sandbox's `ELSEWHERE_ORIGIN_<KIND>` overrides
 * (`sandboxOriginOverrides`); jsonld/html sources point at the sandbox's pages directly. Slugs start
 * with "sample-" and names end in "(sample)", so sample companies never pass for real ones.
 */
export function demoSeed(origin: string): SeedCompany[] {
  return demoBoards(origin).map((board) => {
    const source = sampleBoardSource(board);
    return {
      slug: `sample-${board.token.replace(/-sample$/, '')}`,
      name: board.companyName,
      website: null,
      // ATS boards' real pages do not exist for sample tokens: point people at the sandbox instead.
      careersUrl: source.url ?? `${new URL(origin).origin}/`,
      description: `A made-up company whose ${board.kind} board is served by the Elsewhere sandbox (sample data).`,
      status: 'active',
      statusNote: null,
      profileSource: DEMO_PROFILE_SOURCE,
      sources: [source],
    };
  });
}
