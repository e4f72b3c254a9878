/**
 * Sample boards for the offline sandbox: realistic, varied, deterministic and clearly fake.
 *
 * Everything comes from a small seeded PRNG, so the same options always give the same boards (the
 * sandbox's ETags stay stable and tests can count on exact content). Dates are relative to a reference
 * day passed in, so a demo started today shows jobs posted in the last few weeks.
 *
 * Every company name ends in "(sample)" and every description opens by saying it is a sample.
 */
import { countryName, escapeHtml, sampleNumber } from '../ats/shared';
import { SOURCE_KINDS, type SourceKind } from '../types';
import type { SampleBoard, SampleJob } from './types';
import { mulberry32 } from '../../lib/random';

export { mulberry32 };

// ---- Seeded randomness -------------------------------------------------------------------------

/** Mix a seed with a stream number (a board index), so each board has its own independent stream. */
function mixSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

class Dice {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Up to `count` distinct items, in list order. */
  some<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.int(0, items.length - 1));
    return [...chosen].sort((a, b) => a - b).map((index) => items[index]!);
  }

  float(): number {
    return this.next();
  }
}

// ---- Vocabulary ---------------------------------------------------------------------------------

type Track =
  'engineering' | 'design' | 'product' | 'data' | 'support' | 'sales' | 'marketing' | 'writing' | 'people';

interface Role {
  title: string;
  department: string;
  teams: readonly string[];
  skills: readonly string[];
  track: Track;
  /** Yearly base pay of the unprefixed title in USD, before seniority and location. */
  baseUsd: number;
  /** Seniority prefixes when the track's do not fit the title ("Enterprise SDR"). */
  seniority?: readonly (readonly [prefix: string, multiplier: number])[];
}

const ROLES: readonly Role[] = [
  {
    title: 'Backend Engineer (Go)',
    department: 'Engineering',
    teams: ['Platform', 'Core API', 'Payments'],
    skills: ['Go', 'PostgreSQL', 'Kubernetes', 'gRPC'],
    track: 'engineering',
    baseUsd: 150_000,
  },
  {
    title: 'Backend Engineer (Rust)',
    department: 'Engineering',
    teams: ['Storage', 'Platform'],
    skills: ['Rust', 'PostgreSQL', 'Kafka', 'Linux'],
    track: 'engineering',
    baseUsd: 160_000,
  },
  {
    title: 'Frontend Engineer',
    department: 'Engineering',
    teams: ['Web', 'Design Systems', 'Growth'],
    skills: ['TypeScript', 'React', 'CSS', 'Next.js'],
    track: 'engineering',
    baseUsd: 140_000,
  },
  {
    title: 'Full-Stack Engineer',
    department: 'Engineering',
    teams: ['Product', 'Integrations'],
    skills: ['TypeScript', 'Node.js', 'React', 'PostgreSQL'],
    track: 'engineering',
    baseUsd: 145_000,
  },
  {
    title: 'Software Engineer, Ruby on Rails',
    department: 'Engineering',
    teams: ['Billing', 'Core'],
    skills: ['Ruby', 'Ruby on Rails', 'MySQL', 'Redis'],
    track: 'engineering',
    baseUsd: 140_000,
  },
  {
    title: 'Python Engineer',
    department: 'Engineering',
    teams: ['Data Platform', 'Integrations'],
    skills: ['Python', 'Django', 'PostgreSQL', 'Celery'],
    track: 'engineering',
    baseUsd: 140_000,
  },
  {
    title: 'Machine Learning Engineer',
    department: 'Engineering',
    teams: ['ML Platform', 'Search'],
    skills: ['Python', 'PyTorch', 'Kubernetes', 'SQL'],
    track: 'engineering',
    baseUsd: 170_000,
  },
  {
    title: 'Site Reliability Engineer',
    department: 'Infrastructure',
    teams: ['SRE', 'Observability'],
    skills: ['Kubernetes', 'Terraform', 'AWS', 'Prometheus', 'Go'],
    track: 'engineering',
    baseUsd: 155_000,
  },
  {
    title: 'DevOps Engineer',
    department: 'Infrastructure',
    teams: ['Developer Productivity', 'CI/CD'],
    skills: ['Kubernetes', 'Terraform', 'GitHub Actions', 'Linux'],
    track: 'engineering',
    baseUsd: 140_000,
  },
  {
    title: 'Security Engineer',
    department: 'Security',
    teams: ['Application Security', 'Cloud Security'],
    skills: ['AWS', 'Go', 'threat modelling', 'Kubernetes'],
    track: 'engineering',
    baseUsd: 160_000,
  },
  {
    title: 'iOS Engineer',
    department: 'Engineering',
    teams: ['Mobile'],
    skills: ['Swift', 'SwiftUI', 'Xcode'],
    track: 'engineering',
    baseUsd: 145_000,
  },
  {
    title: 'Android Engineer',
    department: 'Engineering',
    teams: ['Mobile'],
    skills: ['Kotlin', 'Jetpack Compose', 'Gradle'],
    track: 'engineering',
    baseUsd: 145_000,
  },
  {
    title: 'QA Automation Engineer',
    department: 'Engineering',
    teams: ['Quality'],
    skills: ['Playwright', 'TypeScript', 'CI pipelines'],
    track: 'engineering',
    baseUsd: 115_000,
  },
  {
    title: 'Data Engineer',
    department: 'Data',
    teams: ['Analytics Engineering', 'Data Platform'],
    skills: ['Python', 'SQL', 'Airflow', 'dbt', 'Snowflake'],
    track: 'data',
    baseUsd: 145_000,
  },
  {
    title: 'Data Analyst',
    department: 'Data',
    teams: ['Business Intelligence'],
    skills: ['SQL', 'Looker', 'Python'],
    track: 'data',
    baseUsd: 105_000,
  },
  {
    title: 'Data Scientist',
    department: 'Data',
    teams: ['Experimentation', 'Pricing'],
    skills: ['Python', 'statistics', 'SQL', 'pandas'],
    track: 'data',
    baseUsd: 150_000,
  },
  {
    title: 'Engineering Manager',
    department: 'Engineering',
    teams: ['Platform', 'Product'],
    skills: ['Go', 'TypeScript', 'hiring', 'remote team leadership'],
    track: 'product',
    baseUsd: 185_000,
  },
  {
    title: 'Product Manager',
    department: 'Product',
    teams: ['Growth', 'Core Product', 'Platform'],
    skills: ['discovery', 'SQL', 'roadmapping'],
    track: 'product',
    baseUsd: 150_000,
  },
  {
    title: 'Product Designer',
    department: 'Design',
    teams: ['Product Design', 'Design Systems'],
    skills: ['Figma', 'prototyping', 'design systems'],
    track: 'design',
    baseUsd: 135_000,
  },
  {
    title: 'Brand Designer',
    department: 'Design',
    teams: ['Brand'],
    skills: ['Figma', 'illustration', 'typography'],
    track: 'design',
    baseUsd: 110_000,
  },
  {
    title: 'Customer Support Specialist',
    department: 'Support',
    teams: ['Customer Support', 'Tier 1'],
    skills: ['Zendesk', 'Help Scout', 'written English'],
    track: 'support',
    baseUsd: 55_000,
  },
  {
    title: 'Support Engineer',
    department: 'Support',
    teams: ['Technical Support'],
    skills: ['SQL', 'APIs', 'Linux', 'debugging'],
    track: 'support',
    baseUsd: 90_000,
  },
  {
    title: 'Customer Success Manager',
    department: 'Customer Success',
    teams: ['Mid-Market', 'Enterprise'],
    skills: ['Salesforce', 'onboarding', 'renewals'],
    track: 'sales',
    baseUsd: 95_000,
  },
  {
    title: 'Account Executive',
    department: 'Sales',
    teams: ['Mid-Market', 'Enterprise', 'SMB'],
    skills: ['SaaS sales', 'HubSpot', 'negotiation'],
    track: 'sales',
    baseUsd: 100_000,
  },
  {
    title: 'Sales Development Representative',
    department: 'Sales',
    teams: ['Outbound'],
    skills: ['prospecting', 'HubSpot'],
    track: 'sales',
    baseUsd: 65_000,
    seniority: [
      ['', 1],
      ['Senior ', 1.2],
    ],
  },
  {
    title: 'Content Marketing Manager',
    department: 'Marketing',
    teams: ['Content'],
    skills: ['SEO', 'editing', 'B2B content'],
    track: 'marketing',
    baseUsd: 105_000,
  },
  {
    title: 'Growth Marketer',
    department: 'Marketing',
    teams: ['Growth'],
    skills: ['paid acquisition', 'SQL', 'experimentation'],
    track: 'marketing',
    baseUsd: 110_000,
  },
  {
    title: 'Technical Writer',
    department: 'Documentation',
    teams: ['Docs'],
    skills: ['Markdown', 'docs-as-code', 'API references', 'Git'],
    track: 'writing',
    baseUsd: 105_000,
  },
  {
    title: 'Technical Recruiter',
    department: 'People',
    teams: ['Talent'],
    skills: ['sourcing', 'Greenhouse', 'structured interviews'],
    track: 'people',
    baseUsd: 95_000,
  },
  {
    title: 'People Operations Partner',
    department: 'People',
    teams: ['People Ops'],
    skills: ['HR operations', 'global payroll', 'employment law'],
    track: 'people',
    baseUsd: 100_000,
  },
];

/** Seniority prefixes a track uses, with their pay multipliers. Repeats weight the common ones. */
const SENIORITY: Record<Track, readonly (readonly [prefix: string, multiplier: number])[]> = {
  engineering: [
    ['', 1],
    ['', 1],
    ['Senior ', 1.25],
    ['Senior ', 1.25],
    ['Senior ', 1.25],
    ['Staff ', 1.5],
    ['Principal ', 1.7],
    ['Lead ', 1.35],
    ['Junior ', 0.7],
  ],
  design: [
    ['', 1],
    ['Senior ', 1.25],
    ['Senior ', 1.25],
    ['Staff ', 1.5],
    ['Lead ', 1.35],
  ],
  product: [
    ['', 1],
    ['Senior ', 1.25],
    ['Senior ', 1.25],
    ['Group ', 1.45],
  ],
  data: [
    ['', 1],
    ['Senior ', 1.25],
    ['Senior ', 1.25],
    ['Staff ', 1.5],
    ['Junior ', 0.7],
  ],
  support: [
    ['', 1],
    ['', 1],
    ['Senior ', 1.2],
    ['Lead ', 1.3],
  ],
  sales: [
    ['', 1],
    ['Senior ', 1.25],
    ['Enterprise ', 1.35],
  ],
  marketing: [
    ['', 1],
    ['Senior ', 1.25],
  ],
  writing: [
    ['', 1],
    ['Senior ', 1.25],
    ['Staff ', 1.5],
  ],
  people: [
    ['', 1],
    ['Senior ', 1.25],
  ],
};

/** Where a location lets people work from, for the eligibility sentence. */
type Reach =
  | 'worldwide'
  | 'europe'
  | 'eu'
  | 'emea'
  | 'us'
  | 'us-canada'
  | 'americas'
  | 'americas-europe'
  | 'timezone'
  | 'apac'
  | 'latam'
  | 'country'
  | 'office';

interface Place {
  location: string;
  workplace: SampleJob['workplace'];
  countryCode: string | null;
  city: string | null;
  reach: Reach;
  currency: string;
  /** Local pay relative to US pay, in the local currency per USD of US pay. */
  payFactor: number;
  /** How a title names the place when it does ("Customer Support Specialist (Remote - EMEA)"). */
  titleTag: string;
}

const PLACES: readonly Place[] = [
  {
    location: 'Remote - US',
    workplace: 'remote',
    countryCode: 'US',
    city: null,
    reach: 'us',
    currency: 'USD',
    payFactor: 1,
    titleTag: 'Remote - US',
  },
  {
    location: 'Remote - US',
    workplace: 'remote',
    countryCode: 'US',
    city: null,
    reach: 'us',
    currency: 'USD',
    payFactor: 1,
    titleTag: 'US',
  },
  {
    location: 'Remote (EMEA)',
    workplace: 'remote',
    countryCode: null,
    city: null,
    reach: 'emea',
    currency: 'EUR',
    payFactor: 0.75,
    titleTag: 'Remote - EMEA',
  },
  {
    location: 'Anywhere',
    workplace: 'remote',
    countryCode: null,
    city: null,
    reach: 'worldwide',
    currency: 'USD',
    payFactor: 0.9,
    titleTag: 'Remote',
  },
  {
    location: 'Worldwide',
    workplace: 'remote',
    countryCode: null,
    city: null,
    reach: 'worldwide',
    currency: 'USD',
    payFactor: 0.9,
    titleTag: 'Worldwide',
  },
  {
    location: 'Remote - Europe',
    workplace: 'remote',
    countryCode: null,
    city: null,
    reach: 'europe',
    currency: 'EUR',
    payFactor: 0.75,
    titleTag: 'Europe',
  },
  {
    location: 'Remote (EU)',
    workplace: 'remote',
    countryCode: null,
    city: null,
    reach: 'eu',
    currency: 'EUR',
    payFactor: 0.75,
    titleTag: 'EU',
  },
  {
    location: 'Remote, Americas & Europe timezones',
    workplace: 'remote',
    countryCode: null,
    city: null,
    reach: 'americas-europe',
    currency: 'USD',
    payFactor: 0.9,
    titleTag: 'Remote',
  },
  {
    location: 'Remote - Canada; Remote - US',
    workplace: 'remote',
    countryCode: null,
    city: null,
    reach: 'us-canada',
    currency: 'USD',
    payFactor: 1,
    titleTag: 'North America',
  },
  {
    location: 'Remote - Americas',
    workplace: 'remote',
    countryCode: null,
    city: null,
    reach: 'americas',
    currency: 'USD',
    payFactor: 0.9,
    titleTag: 'Americas',
  },
  {
    location: 'Hybrid - London',
    workplace: 'hybrid',
    countryCode: 'GB',
    city: 'London',
    reach: 'office',
    currency: 'GBP',
    payFactor: 0.65,
    titleTag: 'London',
  },
  {
    location: 'Berlin, Germany',
    workplace: 'hybrid',
    countryCode: 'DE',
    city: 'Berlin',
    reach: 'office',
    currency: 'EUR',
    payFactor: 0.7,
    titleTag: 'Berlin',
  },
  {
    location: 'Remote - Portugal',
    workplace: 'remote',
    countryCode: 'PT',
    city: null,
    reach: 'country',
    currency: 'EUR',
    payFactor: 0.5,
    titleTag: 'Portugal',
  },
  {
    location: 'Remote - Germany',
    workplace: 'remote',
    countryCode: 'DE',
    city: null,
    reach: 'country',
    currency: 'EUR',
    payFactor: 0.7,
    titleTag: 'Germany',
  },
  {
    location: 'Remote - UK',
    workplace: 'remote',
    countryCode: 'GB',
    city: null,
    reach: 'country',
    currency: 'GBP',
    payFactor: 0.65,
    titleTag: 'UK',
  },
  {
    location: 'Remote (UTC-3 to UTC+3)',
    workplace: 'remote',
    countryCode: null,
    city: null,
    reach: 'timezone',
    currency: 'EUR',
    payFactor: 0.7,
    titleTag: 'Remote',
  },
  {
    location: 'Remote - APAC',
    workplace: 'remote',
    countryCode: null,
    city: null,
    reach: 'apac',
    currency: 'AUD',
    payFactor: 1.3,
    titleTag: 'APAC',
  },
  {
    location: 'Remote - LATAM',
    workplace: 'remote',
    countryCode: null,
    city: null,
    reach: 'latam',
    currency: 'USD',
    payFactor: 0.55,
    titleTag: 'LATAM',
  },
  {
    location: 'Remote - Brazil',
    workplace: 'remote',
    countryCode: 'BR',
    city: null,
    reach: 'country',
    currency: 'BRL',
    payFactor: 1.6,
    titleTag: 'Brazil',
  },
  {
    location: 'Remote - India',
    workplace: 'remote',
    countryCode: 'IN',
    city: null,
    reach: 'country',
    currency: 'INR',
    payFactor: 25,
    titleTag: 'India',
  },
  {
    location: 'Toronto, Canada',
    workplace: 'hybrid',
    countryCode: 'CA',
    city: 'Toronto',
    reach: 'office',
    currency: 'CAD',
    payFactor: 1.15,
    titleTag: 'Toronto',
  },
  {
    location: 'New York, NY',
    workplace: 'onsite',
    countryCode: 'US',
    city: 'New York',
    reach: 'office',
    currency: 'USD',
    payFactor: 1.1,
    titleTag: 'NYC',
  },
  {
    location: 'Amsterdam, Netherlands',
    workplace: 'onsite',
    countryCode: 'NL',
    city: 'Amsterdam',
    reach: 'office',
    currency: 'EUR',
    payFactor: 0.75,
    titleTag: 'Amsterdam',
  },
];

/** Sentences saying where a job can be done from; some postings say nothing, as real ones do. */
function eligibilitySentences(place: Place): readonly string[] {
  let sentences = sentencesByPlace.get(place);
  if (!sentences) {
    sentences = writeEligibilitySentences(place);
    sentencesByPlace.set(place, sentences);
  }
  return sentences;
}

/** Memo: country names come from Intl, which is slow to set up once per job of 50,000. */
const sentencesByPlace = new Map<Place, readonly string[]>();

function writeEligibilitySentences(place: Place): readonly string[] {
  switch (place.reach) {
    case 'worldwide':
      return [
        'We hire anywhere in the world.',
        'This role is open to candidates in any country; we pay through an employer of record or as a contractor.',
        'Work from anywhere: our team spans more than 30 countries.',
      ];
    case 'europe':
      return ['You must be based in Europe (UTC-1 to UTC+3).', 'We can hire in most European countries.'];
    case 'eu':
      return [
        'You must be based in the EU.',
        'You must be based in the EU and have the right to work there.',
      ];
    case 'emea':
      return ['Open to candidates in Europe, the Middle East and Africa.', 'You must be based in EMEA.'];
    case 'us':
      return [
        'You must be based in the US.',
        'You must be authorized to work in the United States; we cannot sponsor visas.',
        'Please plan for at least 4 hours of overlap with EST.',
      ];
    case 'us-canada':
      return ['You must be based in the US or Canada.'];
    case 'americas':
      return ['Open to candidates in North and South America, with overlap with EST.'];
    case 'americas-europe':
      return ['We hire in the Americas and Europe; you need 4 hours of overlap with 9am-5pm EST.'];
    case 'timezone':
      return ['You need to work within UTC-3 to UTC+3.'];
    case 'apac':
      return ['Open to candidates in Asia-Pacific (UTC+5:30 to UTC+12).'];
    case 'latam':
      return ['Open to candidates in Latin America; overlap with EST is required.'];
    case 'country': {
      const country = place.countryCode ? countryName(place.countryCode) : place.titleTag;
      return [`You must be based in ${country}.`, `This role is open to residents of ${country} only.`];
    }
    case 'office':
      return place.workplace === 'hybrid'
        ? [`This role is based in our ${place.city} office, two or three days a week.`]
        : [`This role is based in our ${place.city} office.`];
  }
}

const DUTIES: Record<Track, readonly string[]> = {
  engineering: [
    'Design, build and run services that thousands of teams rely on every day',
    'Write clear design documents and review your teammates’ code asynchronously',
    'Own features from the first sketch to production, including on-call for what you ship',
    'Improve our test suite, deploy pipeline and observability',
    'Pair with product and design to cut scope without cutting quality',
  ],
  design: [
    'Shape new features from research to polished, shipped interfaces',
    'Grow and document our design system',
    'Run usability sessions with customers across time zones',
    'Work closely with engineers to ship details that matter',
  ],
  product: [
    'Decide what we build next, with data and customer conversations',
    'Write crisp specs and keep a remote team aligned in writing',
    'Measure outcomes and report them openly',
  ],
  data: [
    'Build reliable pipelines and models the whole company trusts',
    'Answer hard product questions with well-documented analyses',
    'Own data quality checks and the warehouse’s documentation',
  ],
  support: [
    'Answer customer questions by email and chat, clearly and kindly',
    'Turn recurring questions into help-center articles',
    'Reproduce bugs and hand them to engineering with everything they need',
  ],
  sales: [
    'Run the full sales cycle from discovery call to signed contract',
    'Help customers succeed in their first 90 days',
    'Keep the CRM honest and forecasts accurate',
  ],
  marketing: [
    'Plan and publish content our audience actually wants to read',
    'Run experiments across channels and report what worked',
    'Work with product to launch new features',
  ],
  writing: [
    'Write and maintain guides, tutorials and API references',
    'Build docs-as-code tooling with the engineering team',
    'Interview engineers and turn what they know into clear pages',
  ],
  people: [
    'Run hiring and onboarding for a team spread across many countries',
    'Keep our handbook, policies and benefits clear and current',
    'Partner with managers on growth and feedback',
  ],
};

const PRODUCTS = [
  'developer tools for small teams',
  'a calm project management app',
  'payments infrastructure for online stores',
  'privacy-friendly web analytics',
  'an open-source database platform',
  'scheduling software for clinics',
  'a collaborative documentation tool',
  'logistics software for independent shops',
  'an email platform for newsletters',
  'a learning platform for programmers',
] as const;

const BENEFITS = [
  'A home-office budget and a yearly co-working allowance.',
  'Four-day work weeks in July and August.',
  '25 days of paid time off plus local public holidays.',
  'A yearly company retreat (somewhere sunny).',
  'Equity for everyone and a learning budget.',
] as const;

const NAME_PREFIXES = [
  'Northwind',
  'Bluefin',
  'Lumen',
  'Quillstack',
  'Harbor',
  'Tidewater',
  'Kestrel',
  'Orchard',
  'Fjordly',
  'Pinecone',
  'Meridian',
  'Atlas',
  'Copperleaf',
  'Driftwood',
  'Emberline',
  'Foxglove',
  'Granite',
  'Halcyon',
  'Ironbark',
  'Juniper',
  'Kelp',
  'Larkspur',
  'Mistral',
  'Nimbus',
  'Oakmoss',
  'Paperplane',
  'Quokka',
  'Redwood',
  'Saffron',
  'Thistle',
  'Umber',
  'Vellum',
  'Willow',
  'Yarrow',
  'Zephyr',
  'Basalt',
  'Cinder',
  'Dovetail',
  'Everglade',
  'Flint',
] as const;
const NAME_SUFFIXES = [
  'Labs',
  'Systems',
  'Cloud',
  'Analytics',
  'Works',
  'Software',
  'HQ',
  'Digital',
  'Data',
  'Studio',
  'Health',
  'Pay',
] as const;

// ---- Jobs ---------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
/** Postings are dated within this many days before the reference day. */
const MAX_AGE_DAYS = 45;

/** The start of `now`'s UTC day: the default reference, stable for a whole day (stable ETags). */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** A round figure: 1,000s for yearly pay, 100s for monthly, whole units for hourly. */
function roundPay(amount: number, period: 'hour' | 'month' | 'year'): number {
  const step = period === 'year' ? 1000 : period === 'month' ? 100 : 1;
  return Math.max(step, Math.round(amount / step) * step);
}

function salaryFor(
  dice: Dice,
  role: Role,
  multiplier: number,
  place: Place,
  employmentType: SampleJob['employmentType'],
): SampleJob['salary'] {
  // About a third of postings publish no pay, as on real boards.
  if (dice.chance(0.35)) return null;
  const yearly = role.baseUsd * multiplier * place.payFactor * (0.9 + dice.float() * 0.2);
  const period =
    employmentType === 'contract' || employmentType === 'part-time'
      ? 'hour'
      : employmentType === 'internship' || place.currency === 'BRL'
        ? 'month'
        : 'year';
  const base = period === 'year' ? yearly : period === 'month' ? yearly / 12 : (yearly / 2080) * 1.2;
  const min = roundPay(base, period);
  const max = roundPay(base * (1.15 + dice.float() * 0.2), period);
  return {
    min,
    max: Math.max(max, min + (period === 'hour' ? 5 : period === 'month' ? 500 : 5000)),
    currency: place.currency,
    period,
  };
}

function employmentTypeFor(dice: Dice): SampleJob['employmentType'] {
  const roll = dice.float();
  if (roll < 0.8) return 'full-time';
  if (roll < 0.88) return 'contract';
  if (roll < 0.94) return 'part-time';
  if (roll < 0.97) return 'internship';
  return 'temporary';
}

/** "a", "a and b", "a, b and c". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The description: a sample notice, the team, duties, skills, where you can work from, benefits. */
function describe(
  dice: Dice,
  companyName: string,
  product: string,
  role: Role,
  team: string | null,
  place: Place,
): string {
  const company = escapeHtml(companyName);
  const skills = dice.some(role.skills, 3);
  const years = dice.int(2, 7);
  const parts = [
    `<p><em>Sample posting from the Elsewhere sandbox: ${company} is not a real company and this job does not exist.</em></p>`,
    `<p>${company} builds ${escapeHtml(product)}. ${team ? `The ${escapeHtml(team)} team` : 'Our team'} works asynchronously, in writing, across many time zones.</p>`,
    '<h3>What you will do</h3>',
    `<ul>${dice
      .some(DUTIES[role.track], 3)
      .map((duty) => `<li>${escapeHtml(duty)}.</li>`)
      .join('')}</ul>`,
    '<h3>What you bring</h3>',
    '<ul>',
    `<li>${years}+ years of experience with ${escapeHtml(listInWords(skills))}.</li>`,
    ...(role.skills.length > 3 ? [`<li>Bonus: ${escapeHtml(role.skills.at(-1)!)}.</li>`] : []),
    '<li>Clear written communication in English.</li>',
    '</ul>',
  ];
  if (dice.chance(0.7)) {
    parts.push('<h3>Where you can work</h3>', `<p>${escapeHtml(dice.pick(eligibilitySentences(place)))}</p>`);
  }
  parts.push(`<p>${escapeHtml(dice.pick(BENEFITS))}</p>`);
  return parts.join('\n');
}

interface BoardPlan {
  kind: SourceKind;
  token: string;
  companyName: string;
  origin: string;
  jobCount: number;
  now: Date;
  seed: number;
  /** Hand-written jobs placed first (demo fixtures). */
  fixedJobs?: readonly Omit<SampleJob, 'id'>[];
}

/**
 * Ids unique on the board in every derived form renderers use. BambooHR numbers openings with 4
 * digits (`sampleNumber(id, 4)`), where a 50-job board would collide often; skipping ids whose short
 * number is taken keeps every board's postings distinct in every kind.
 */
function idAllocator(token: string): () => string {
  const usedShort = new Set<number>();
  let counter = 0;
  return () => {
    for (;;) {
      counter += 1;
      const id = `${token}-${String(counter).padStart(3, '0')}`;
      const short = sampleNumber(id, 4);
      if (usedShort.has(short)) continue;
      usedShort.add(short);
      return id;
    }
  };
}

function buildBoard(plan: BoardPlan): SampleBoard {
  const dice = new Dice(plan.seed);
  const product = dice.pick(PRODUCTS);
  const nextId = idAllocator(plan.token);
  const reference = plan.now.getTime();
  const jobs: SampleJob[] = (plan.fixedJobs ?? []).map((job) => ({ ...job, id: nextId() }));
  while (jobs.length < plan.jobCount) {
    const role = dice.pick(ROLES);
    const place = dice.pick(PLACES);
    const employmentType = employmentTypeFor(dice);
    const [prefix, multiplier] =
      employmentType === 'internship'
        ? (['', 0.5] as const)
        : dice.pick(role.seniority ?? SENIORITY[role.track]);
    let title = employmentType === 'internship' ? `${role.title} Intern` : `${prefix}${role.title}`;
    // Support and sales titles often carry the place; so do some others, rarely.
    const tagChance = role.track === 'support' || role.track === 'sales' ? 0.4 : 0.08;
    if (dice.chance(tagChance)) title = `${title} (${place.titleTag})`;
    const team = dice.chance(0.7) ? dice.pick(role.teams) : null;
    const ageMs = Math.floor(dice.float() * MAX_AGE_DAYS * DAY_MS);
    jobs.push({
      id: nextId(),
      title,
      department: role.department,
      team,
      location: place.location,
      workplace: place.workplace,
      countryCode: place.countryCode,
      city: place.city,
      employmentType,
      salary: salaryFor(dice, role, multiplier, place, employmentType),
      descriptionHtml: describe(dice, plan.companyName, product, role, team, place),
      // Whole minutes: several formats (Workable dates, RSS) drop seconds anyway.
      postedAt: new Date(Math.floor((reference - ageMs) / 60_000) * 60_000).toISOString(),
    });
  }
  return { kind: plan.kind, token: plan.token, companyName: plan.companyName, origin: plan.origin, jobs };
}

/** "Copperleaf Analytics" -> "copperleaf-analytics". */
function tokenOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ---- Public API ---------------------------------------------------------------------------------

/** Options of `sandboxBoards`. */
export interface SandboxBoardsOptions {
  /** The sandbox's origin (http://127.0.0.1:4010), for jsonld/html pages' absolute URLs. */
  origin: string;
  /** How many boards, kinds in round robin (`SOURCE_KINDS` order). @default 24 */
  boards?: number;
  /** Jobs on every board. @default 20 */
  jobsPerBoard?: number;
  /** PRNG seed: the same seed gives the same boards. @default 1 */
  seed?: number;
  /** Reference time; postings are dated in the 45 days before it. @default the start of today (UTC) */
  now?: Date;
}

/**
 * Generated sample boards of every kind, in round robin, for the sandbox and load tests (1,000 boards
 * of 50 jobs is fine). Board `i` depends only on the seed and `i`, so asking for more boards keeps the
 * first ones unchanged. Tokens are unique (`<company>-<n>`).
 */
export function sandboxBoards(options: SandboxBoardsOptions): SampleBoard[] {
  const count = options.boards ?? 24;
  const jobsPerBoard = options.jobsPerBoard ?? 20;
  const seed = options.seed ?? 1;
  const now = options.now ?? startOfUtcDay(new Date());
  return Array.from({ length: count }, (_, index) => {
    const kind = SOURCE_KINDS[index % SOURCE_KINDS.length]!;
    const naming = new Dice(mixSeed(seed, index));
    const base = `${naming.pick(NAME_PREFIXES)} ${naming.pick(NAME_SUFFIXES)}`;
    return buildBoard({
      kind,
      token: `${tokenOf(base)}-${index + 1}`,
      companyName: `${base} (sample)`,
      origin: options.origin,
      jobCount: jobsPerBoard,
      now,
      seed: mixSeed(seed, index + 1_000_003),
    });
  });
}

/** One demo board: its kind, token, company and size. */
interface DemoBoardSpec {
  kind: SourceKind;
  token: string;
  companyName: string;
  jobs: number;
}

/**
 * The demo's boards, one per kind. Tokens end in "-sample" so they can never collide with a real
 * board of the curated seed in the same database.
 */
const DEMO_BOARDS: readonly DemoBoardSpec[] = [
  { kind: 'greenhouse', token: 'northwind-sample', companyName: 'Northwind Cloud (sample)', jobs: 22 },
  { kind: 'lever', token: 'bluefin-sample', companyName: 'Bluefin Analytics (sample)', jobs: 16 },
  { kind: 'ashby', token: 'lumen-sample', companyName: 'Lumen Labs (sample)', jobs: 18 },
  { kind: 'workable', token: 'quillstack-sample', companyName: 'Quillstack (sample)', jobs: 12 },
  { kind: 'smartrecruiters', token: 'harbor-sample', companyName: 'Harbor Payments (sample)', jobs: 25 },
  { kind: 'recruitee', token: 'tidewater-sample', companyName: 'Tidewater Health (sample)', jobs: 11 },
  { kind: 'personio', token: 'kestrel-sample', companyName: 'Kestrel Software GmbH (sample)', jobs: 9 },
  { kind: 'bamboohr', token: 'orchard-sample', companyName: 'Orchard & Finch (sample)', jobs: 8 },
  { kind: 'teamtailor', token: 'fjordly-sample', companyName: 'Fjordly (sample)', jobs: 10 },
  { kind: 'breezy', token: 'pinecone-sample', companyName: 'Pinecone Studio (sample)', jobs: 9 },
  { kind: 'jsonld', token: 'meridian-sample', companyName: 'Meridian Docs (sample)', jobs: 14 },
  { kind: 'html', token: 'atlas-sample', companyName: 'Atlas Forge (sample)', jobs: 10 },
];

/** A hand-written demo job's description, with the sample notice every description carries. */
function fixedDescription(company: string, body: string): string {
  return `<p><em>Sample posting from the Elsewhere sandbox: ${escapeHtml(company)} is not a real company and this job does not exist.</em></p>\n${body}`;
}

/**
 * A posting with hostile markup, to prove sanitizing end to end: `&` and `<` in the title, a script,
 * an event handler, a javascript: link, an iframe and inline styles in the description.
 */
export const HOSTILE_JOB_TITLE = 'Senior R&D Engineer <Payments> & "Billing"';

/** Hand-written jobs the e2e suite counts on, by demo board token. */
function demoFixedJobs(reference: number): Record<string, Omit<SampleJob, 'id'>[]> {
  const daysAgo = (days: number) => new Date(reference - days * DAY_MS - 3_600_000).toISOString();
  const remote = { workplace: 'remote' as const, city: null, employmentType: 'full-time' as const };
  return {
    'northwind-sample': [
      {
        ...remote,
        title: HOSTILE_JOB_TITLE,
        department: 'Engineering',
        team: 'Payments',
        location: 'Anywhere',
        countryCode: null,
        salary: null,
        descriptionHtml: fixedDescription(
          'Northwind Cloud (sample)',
          [
            '<p>This sample posting carries hostile markup on purpose: Elsewhere must show none of it.</p>',
            '<script>alert("xss")</script>',
            '<img src="x" onerror="alert(\'xss\')">',
            '<p><a href="javascript:alert(\'xss\')">Apply here</a> or <a href="https://example.com/apply" onclick="steal()">here</a>.</p>',
            '<iframe src="https://example.com/frame"></iframe>',
            '<p style="position:fixed;top:0">We use TypeScript &amp; PostgreSQL. We hire anywhere in the world.</p>',
          ].join('\n'),
        ),
        postedAt: daysAgo(2),
      },
      {
        ...remote,
        title: 'Senior Backend Engineer (Go)',
        department: 'Engineering',
        team: 'Platform',
        location: 'Remote - US',
        countryCode: 'US',
        salary: { min: 165_000, max: 195_000, currency: 'USD', period: 'year' },
        descriptionHtml: fixedDescription(
          'Northwind Cloud (sample)',
          '<p>Build the APIs behind our platform in Go, PostgreSQL and Kubernetes.</p><p>You must be based in the US.</p>',
        ),
        postedAt: daysAgo(1),
      },
    ],
    'bluefin-sample': [
      {
        ...remote,
        title: 'Senior Backend Engineer (Rust)',
        department: 'Engineering',
        team: 'Storage',
        location: 'Worldwide',
        countryCode: null,
        salary: { min: 150_000, max: 190_000, currency: 'USD', period: 'year' },
        descriptionHtml: fixedDescription(
          'Bluefin Analytics (sample)',
          '<p>Work on our Rust storage engine and its PostgreSQL wire protocol.</p><p>We hire anywhere in the world.</p>',
        ),
        postedAt: daysAgo(3),
      },
      {
        ...remote,
        title: 'Data Engineer',
        department: 'Data',
        team: null,
        location: 'Remote - US',
        countryCode: 'US',
        salary: null,
        descriptionHtml: fixedDescription(
          'Bluefin Analytics (sample)',
          '<p>Own our pipelines in Python, SQL and dbt.</p><p>You must be authorized to work in the United States.</p>',
        ),
        postedAt: daysAgo(6),
      },
    ],
    'lumen-sample': [
      {
        ...remote,
        title: 'Staff Product Designer',
        department: 'Design',
        team: 'Product Design',
        location: 'Remote - Europe',
        countryCode: null,
        salary: { min: 95_000, max: 120_000, currency: 'EUR', period: 'year' },
        descriptionHtml: fixedDescription(
          'Lumen Labs (sample)',
          '<p>Lead design for our editor, in Figma, with engineers in React and TypeScript.</p><p>You must be based in the EU.</p>',
        ),
        postedAt: daysAgo(4),
      },
      {
        ...remote,
        title: 'Technical Writer',
        department: 'Documentation',
        team: 'Docs',
        location: 'Anywhere',
        countryCode: null,
        salary: null,
        descriptionHtml: fixedDescription(
          'Lumen Labs (sample)',
          '<p>Write guides and API references, docs-as-code in Markdown and Git.</p><p>We hire anywhere in the world.</p>',
        ),
        postedAt: daysAgo(9),
      },
    ],
    'harbor-sample': [
      {
        ...remote,
        title: 'Customer Support Specialist (EU)',
        department: 'Support',
        team: 'Customer Support',
        location: 'Remote (EU)',
        countryCode: null,
        salary: { min: 38_000, max: 46_000, currency: 'EUR', period: 'year' },
        descriptionHtml: fixedDescription(
          'Harbor Payments (sample)',
          '<p>Help merchants by email and chat.</p><p>You must be based in the EU and have the right to work there.</p>',
        ),
        postedAt: daysAgo(5),
      },
      {
        ...remote,
        title: 'Account Executive',
        department: 'Sales',
        team: 'Mid-Market',
        location: 'Remote - US',
        countryCode: 'US',
        salary: { min: 90_000, max: 110_000, currency: 'USD', period: 'year' },
        descriptionHtml: fixedDescription(
          'Harbor Payments (sample)',
          '<p>Run the full sales cycle with mid-market merchants.</p><p>You must be based in the US.</p>',
        ),
        postedAt: daysAgo(12),
      },
    ],
    'kestrel-sample': [
      {
        ...remote,
        title: 'Site Reliability Engineer',
        department: 'Infrastructure',
        team: 'SRE',
        location: 'Remote - Germany',
        countryCode: 'DE',
        salary: { min: 75_000, max: 95_000, currency: 'EUR', period: 'year' },
        descriptionHtml: fixedDescription(
          'Kestrel Software GmbH (sample)',
          '<p>Run Kubernetes clusters with Terraform and Prometheus.</p><p>You must be based in the EU.</p>',
        ),
        postedAt: daysAgo(7),
      },
    ],
  };
}

/**
 * The demo's fixed boards: one of each of the 12 kinds, 8-25 jobs each, with tokens the demo seed
 * (`demoSeed` in scrapers/seed.ts) points at. Besides generated jobs it always holds, for the e2e suite:
 * worldwide jobs ("Worldwide", "Anywhere"), EU-only jobs ("You must be based in the EU"), US-only jobs
 * ("Remote - US"), a Rust job, jobs with and without pay, and one hostile posting (`HOSTILE_JOB_TITLE`).
 * @param origin - The sandbox's origin, for jsonld/html pages.
 * @param now - Reference time for posting dates. @default the start of today (UTC)
 */
export function demoBoards(origin: string, now: Date = startOfUtcDay(new Date())): SampleBoard[] {
  const fixed = demoFixedJobs(now.getTime());
  return DEMO_BOARDS.map((spec, index) =>
    buildBoard({
      kind: spec.kind,
      token: spec.token,
      companyName: spec.companyName,
      origin,
      jobCount: spec.jobs,
      now,
      seed: mixSeed(2026, index),
      fixedJobs: fixed[spec.token] ?? [],
    }),
  );
}
