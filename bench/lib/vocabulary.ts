/**
 * Words and phrases the synthetic listings are made of. Titles, departments, tech terms, location
 * and salary strings are the kinds of strings real boards publish (the normalizer's own test tables
 * and the sandbox boards use the same ones); the description vocabulary is a few hundred common
 * job-ad words at the head of a Zipf distribution and generated pseudo-words in its long tail, so
 * term frequencies look like real text: a handful of words in nearly every description, most in
 * very few, and no description containing every word.
 */
import type { SourceKind } from '../../scrapers/types';

/** One role a company hires for. `skills` are labels from lib/normalize/tags.ts's vocabulary. */
export interface RoleTemplate {
  title: string;
  department: string;
  skills: readonly string[];
  /** Yearly base pay in USD of the unprefixed title, before seniority and location. */
  baseUsd: number;
  /** Seniority prefixes that fit the title; engineering-style prefixes when absent. */
  prefixes?: readonly (readonly [prefix: string, weight: number])[];
  /** How many companies hire for it, relative to the others. */
  weight: number;
}

const ENGINEERING_PREFIXES = [
  ['', 34],
  ['Senior ', 32],
  ['Junior ', 7],
  ['Staff ', 8],
  ['Principal ', 4],
  ['Lead ', 6],
  ['Intern, ', 2],
] as const;

const GENERAL_PREFIXES = [
  ['', 50],
  ['Senior ', 25],
  ['Junior ', 8],
  ['Lead ', 7],
  ['Head of ', 3],
  ['Associate ', 7],
] as const;

const NO_PREFIX = [['', 1]] as const;

export const ROLES: readonly RoleTemplate[] = [
  {
    title: 'Backend Engineer',
    department: 'Engineering',
    skills: ['Go', 'PostgreSQL', 'Kubernetes', 'gRPC', 'Kafka', 'Redis'],
    baseUsd: 150_000,
    weight: 10,
  },
  {
    title: 'Backend Engineer (Rust)',
    department: 'Engineering',
    skills: ['Rust', 'PostgreSQL', 'Kafka', 'Linux'],
    baseUsd: 160_000,
    weight: 3,
  },
  {
    title: 'Frontend Engineer',
    department: 'Engineering',
    skills: ['TypeScript', 'React', 'CSS', 'Next.js', 'GraphQL'],
    baseUsd: 140_000,
    weight: 8,
  },
  {
    title: 'Full-Stack Engineer',
    department: 'Engineering',
    skills: ['TypeScript', 'Node.js', 'React', 'PostgreSQL', 'AWS'],
    baseUsd: 145_000,
    weight: 9,
  },
  {
    title: 'Software Engineer',
    department: 'Engineering',
    skills: ['Java', 'Kotlin', 'Spring Boot', 'MySQL', 'AWS', 'Docker'],
    baseUsd: 145_000,
    weight: 12,
  },
  {
    title: 'Software Engineer, Ruby on Rails',
    department: 'Engineering',
    skills: ['Ruby', 'Ruby on Rails', 'MySQL', 'Redis'],
    baseUsd: 140_000,
    weight: 3,
  },
  {
    title: 'Python Engineer',
    department: 'Engineering',
    skills: ['Python', 'Django', 'PostgreSQL', 'Celery', 'FastAPI'],
    baseUsd: 140_000,
    weight: 5,
  },
  {
    title: 'Machine Learning Engineer',
    department: 'Engineering',
    skills: ['Python', 'PyTorch', 'Kubernetes', 'SQL', 'TensorFlow'],
    baseUsd: 170_000,
    weight: 4,
  },
  {
    title: 'Site Reliability Engineer',
    department: 'Infrastructure',
    skills: ['Kubernetes', 'Terraform', 'AWS', 'Prometheus', 'Go', 'Linux'],
    baseUsd: 155_000,
    weight: 5,
  },
  {
    title: 'DevOps Engineer',
    department: 'Infrastructure',
    skills: ['Terraform', 'Ansible', 'Docker', 'AWS', 'GCP', 'Jenkins'],
    baseUsd: 140_000,
    weight: 5,
  },
  {
    title: 'Platform Engineer',
    department: 'Infrastructure',
    skills: ['Kubernetes', 'Helm', 'Go', 'Azure', 'Terraform'],
    baseUsd: 155_000,
    weight: 4,
  },
  {
    title: 'iOS Engineer',
    department: 'Engineering',
    skills: ['Swift', 'SwiftUI', 'Objective-C'],
    baseUsd: 150_000,
    weight: 3,
  },
  {
    title: 'Android Engineer',
    department: 'Engineering',
    skills: ['Kotlin', 'Java', 'Jetpack Compose'],
    baseUsd: 145_000,
    weight: 3,
  },
  {
    title: 'Mobile Engineer (React Native)',
    department: 'Engineering',
    skills: ['React Native', 'TypeScript', 'iOS', 'Android'],
    baseUsd: 140_000,
    weight: 2,
  },
  {
    title: 'Data Engineer',
    department: 'Data',
    skills: ['Python', 'SQL', 'Airflow', 'dbt', 'Snowflake', 'Spark'],
    baseUsd: 150_000,
    weight: 5,
  },
  {
    title: 'Data Scientist',
    department: 'Data',
    skills: ['Python', 'SQL', 'R', 'pandas', 'scikit-learn'],
    baseUsd: 145_000,
    weight: 4,
  },
  {
    title: 'Data Analyst',
    department: 'Data',
    skills: ['SQL', 'Looker', 'Tableau', 'Excel', 'Python'],
    baseUsd: 100_000,
    weight: 4,
  },
  {
    title: 'Security Engineer',
    department: 'Security',
    skills: ['AWS', 'Python', 'Kubernetes', 'Go'],
    baseUsd: 160_000,
    weight: 3,
  },
  {
    title: 'QA Engineer',
    department: 'Engineering',
    skills: ['Cypress', 'Playwright', 'Selenium', 'JavaScript'],
    baseUsd: 110_000,
    weight: 3,
  },
  {
    title: 'Test Automation Engineer',
    department: 'Quality',
    skills: ['Playwright', 'TypeScript', 'Jest'],
    baseUsd: 115_000,
    weight: 2,
  },
  {
    title: 'Engineering Manager',
    department: 'Engineering',
    skills: ['Go', 'TypeScript', 'AWS'],
    baseUsd: 190_000,
    weight: 3,
    prefixes: [
      ['', 3],
      ['Senior ', 1],
    ],
  },
  {
    title: 'Product Designer',
    department: 'Design',
    skills: ['Figma', 'Sketch'],
    baseUsd: 130_000,
    weight: 5,
  },
  { title: 'UX Researcher', department: 'Design', skills: ['Figma'], baseUsd: 120_000, weight: 2 },
  {
    title: 'Brand Designer',
    department: 'Design',
    skills: ['Figma', 'Adobe Illustrator'],
    baseUsd: 105_000,
    weight: 2,
  },
  {
    title: 'Product Manager',
    department: 'Product',
    skills: ['SQL', 'Jira'],
    baseUsd: 155_000,
    weight: 5,
    prefixes: GENERAL_PREFIXES,
  },
  {
    title: 'Technical Product Manager',
    department: 'Product',
    skills: ['SQL', 'APIs'],
    baseUsd: 160_000,
    weight: 2,
    prefixes: GENERAL_PREFIXES,
  },
  {
    title: 'Customer Support Specialist',
    department: 'Customer Support',
    skills: ['Zendesk', 'Intercom'],
    baseUsd: 55_000,
    weight: 6,
    prefixes: GENERAL_PREFIXES,
  },
  {
    title: 'Technical Support Engineer',
    department: 'Support',
    skills: ['Linux', 'SQL', 'Zendesk'],
    baseUsd: 80_000,
    weight: 3,
  },
  {
    title: 'Customer Success Manager',
    department: 'Customer Success',
    skills: ['Salesforce', 'HubSpot'],
    baseUsd: 90_000,
    weight: 4,
    prefixes: GENERAL_PREFIXES,
  },
  {
    title: 'Account Executive',
    department: 'Sales',
    skills: ['Salesforce', 'HubSpot'],
    baseUsd: 110_000,
    weight: 5,
    prefixes: [
      ['', 4],
      ['Senior ', 3],
      ['Enterprise ', 2],
      ['Mid-Market ', 1],
    ],
  },
  {
    title: 'Sales Development Representative',
    department: 'Sales',
    skills: ['Salesforce', 'Outreach'],
    baseUsd: 65_000,
    weight: 3,
    prefixes: [
      ['', 4],
      ['Senior ', 1],
    ],
  },
  {
    title: 'Growth Marketing Manager',
    department: 'Marketing',
    skills: ['Google Analytics', 'SQL', 'HubSpot'],
    baseUsd: 120_000,
    weight: 3,
    prefixes: GENERAL_PREFIXES,
  },
  {
    title: 'Content Marketing Manager',
    department: 'Marketing',
    skills: ['WordPress', 'SEO'],
    baseUsd: 100_000,
    weight: 2,
    prefixes: GENERAL_PREFIXES,
  },
  {
    title: 'Technical Writer',
    department: 'Documentation',
    skills: ['Markdown', 'Git', 'APIs'],
    baseUsd: 100_000,
    weight: 2,
    prefixes: GENERAL_PREFIXES,
  },
  {
    title: 'Recruiter',
    department: 'People',
    skills: ['Greenhouse', 'LinkedIn'],
    baseUsd: 85_000,
    weight: 3,
    prefixes: [
      ['', 3],
      ['Senior ', 2],
      ['Technical ', 2],
    ],
  },
  {
    title: 'People Operations Partner',
    department: 'People',
    skills: ['BambooHR'],
    baseUsd: 95_000,
    weight: 2,
    prefixes: GENERAL_PREFIXES,
  },
  {
    title: 'Financial Analyst',
    department: 'Finance',
    skills: ['Excel', 'SQL', 'NetSuite'],
    baseUsd: 105_000,
    weight: 2,
    prefixes: GENERAL_PREFIXES,
  },
  {
    title: 'Accountant',
    department: 'Finance',
    skills: ['NetSuite', 'Excel'],
    baseUsd: 85_000,
    weight: 2,
    prefixes: GENERAL_PREFIXES,
  },
  {
    title: 'Legal Counsel',
    department: 'Legal',
    skills: [],
    baseUsd: 170_000,
    weight: 1,
    prefixes: [
      ['', 2],
      ['Senior ', 1],
    ],
  },
  {
    title: 'Operations Manager',
    department: 'Operations',
    skills: ['Excel', 'Notion'],
    baseUsd: 100_000,
    weight: 2,
    prefixes: GENERAL_PREFIXES,
  },
  {
    title: 'Director of Engineering',
    department: 'Engineering',
    skills: ['AWS', 'Kubernetes'],
    baseUsd: 230_000,
    weight: 1,
    prefixes: NO_PREFIX,
  },
  {
    title: 'VP of Sales',
    department: 'Sales',
    skills: ['Salesforce'],
    baseUsd: 250_000,
    weight: 1,
    prefixes: NO_PREFIX,
  },
];

export const DEFAULT_PREFIXES = ENGINEERING_PREFIXES;

/** Where a posting can be done from, as boards write it, with the pay and currency that go with it. */
export interface PlaceTemplate {
  locations: readonly string[];
  weight: number;
  currency: string;
  /** Local pay relative to US pay, in the local currency per USD. */
  payFactor: number;
  /** The ATS's structured workplace type, when boards of this place usually give one. */
  workplaceType: 'remote' | 'hybrid' | 'onsite' | null;
  /** Sentences a description may use to say the same thing. */
  sentences: readonly string[];
}

export const PLACES: readonly PlaceTemplate[] = [
  {
    locations: ['Remote'],
    weight: 14,
    currency: 'USD',
    payFactor: 1,
    workplaceType: 'remote',
    sentences: [
      'We hire anywhere in the world.',
      'Work from anywhere: our team spans more than 30 countries.',
    ],
  },
  {
    locations: ['Remote - US'],
    weight: 16,
    currency: 'USD',
    payFactor: 1,
    workplaceType: 'remote',
    sentences: ['You must be based in the US.', 'Please plan for at least 4 hours of overlap with EST.'],
  },
  {
    locations: ['United States (Remote)'],
    weight: 4,
    currency: 'USD',
    payFactor: 1,
    workplaceType: 'remote',
    sentences: ['You must be authorized to work in the United States; we cannot sponsor visas.'],
  },
  {
    locations: ['Remote (US time zones)'],
    weight: 3,
    currency: 'USD',
    payFactor: 1,
    workplaceType: 'remote',
    sentences: [],
  },
  {
    locations: ['US or Canada (Remote)'],
    weight: 4,
    currency: 'USD',
    payFactor: 1,
    workplaceType: 'remote',
    sentences: ['You must be based in the US or Canada.'],
  },
  {
    locations: ['Remote - Canada'],
    weight: 3,
    currency: 'CAD',
    payFactor: 1.2,
    workplaceType: 'remote',
    sentences: ['This role is open to residents of Canada only.'],
  },
  {
    locations: ['Remote (EMEA)'],
    weight: 6,
    currency: 'EUR',
    payFactor: 0.75,
    workplaceType: 'remote',
    sentences: ['Open to candidates in Europe, the Middle East and Africa.'],
  },
  {
    locations: ['Remote - Europe'],
    weight: 7,
    currency: 'EUR',
    payFactor: 0.75,
    workplaceType: 'remote',
    sentences: ['You must be based in Europe (UTC-1 to UTC+3).', 'We can hire in most European countries.'],
  },
  {
    locations: ['Remote - EU'],
    weight: 4,
    currency: 'EUR',
    payFactor: 0.75,
    workplaceType: 'remote',
    sentences: ['You must be based in the EU and have the right to work there.'],
  },
  {
    locations: ['Remote — EU time zones'],
    weight: 2,
    currency: 'EUR',
    payFactor: 0.75,
    workplaceType: 'remote',
    sentences: [],
  },
  {
    locations: ['Remote - UK & Ireland'],
    weight: 3,
    currency: 'GBP',
    payFactor: 0.65,
    workplaceType: 'remote',
    sentences: [],
  },
  {
    locations: ['Remote, UK'],
    weight: 3,
    currency: 'GBP',
    payFactor: 0.65,
    workplaceType: 'remote',
    sentences: ['You must be based in the United Kingdom.'],
  },
  {
    locations: ['Remote - DACH'],
    weight: 2,
    currency: 'EUR',
    payFactor: 0.8,
    workplaceType: 'remote',
    sentences: [],
  },
  {
    locations: ['Remote - Germany'],
    weight: 2,
    currency: 'EUR',
    payFactor: 0.8,
    workplaceType: 'remote',
    sentences: ['You must be based in Germany.'],
  },
  {
    locations: ['Remote - Portugal'],
    weight: 1,
    currency: 'EUR',
    payFactor: 0.5,
    workplaceType: 'remote',
    sentences: [],
  },
  {
    locations: ['Remote - Spain'],
    weight: 1,
    currency: 'EUR',
    payFactor: 0.55,
    workplaceType: 'remote',
    sentences: [],
  },
  {
    locations: ['Remote - Poland'],
    weight: 1,
    currency: 'EUR',
    payFactor: 0.5,
    workplaceType: 'remote',
    sentences: [],
  },
  {
    locations: ['Remote - Nordics'],
    weight: 1,
    currency: 'EUR',
    payFactor: 0.8,
    workplaceType: 'remote',
    sentences: [],
  },
  {
    locations: ['Remote - CET'],
    weight: 1,
    currency: 'EUR',
    payFactor: 0.75,
    workplaceType: 'remote',
    sentences: [],
  },
  {
    locations: ['Remote - North America'],
    weight: 3,
    currency: 'USD',
    payFactor: 1,
    workplaceType: 'remote',
    sentences: ['Open to candidates in North and South America, with overlap with EST.'],
  },
  {
    locations: ['Remote (LATAM)'],
    weight: 3,
    currency: 'USD',
    payFactor: 0.5,
    workplaceType: 'remote',
    sentences: ['Open to candidates in Latin America; overlap with EST is required.'],
  },
  {
    locations: ['Remote - Brazil'],
    weight: 1,
    currency: 'BRL',
    payFactor: 2.5,
    workplaceType: 'remote',
    sentences: [],
  },
  {
    locations: ['Remote - India'],
    weight: 2,
    currency: 'INR',
    payFactor: 30,
    workplaceType: 'remote',
    sentences: [],
  },
  {
    locations: ['Remote - APAC'],
    weight: 2,
    currency: 'USD',
    payFactor: 0.7,
    workplaceType: 'remote',
    sentences: ['Open to candidates in Asia-Pacific (UTC+5:30 to UTC+12).'],
  },
  {
    locations: ['Remote - Australia'],
    weight: 1,
    currency: 'AUD',
    payFactor: 1.3,
    workplaceType: 'remote',
    sentences: [],
  },
  {
    locations: ['Remote', 'Berlin, Germany'],
    weight: 2,
    currency: 'EUR',
    payFactor: 0.8,
    workplaceType: null,
    sentences: ['You need to work within UTC-3 to UTC+3.'],
  },
  {
    locations: ['San Francisco or Remote'],
    weight: 2,
    currency: 'USD',
    payFactor: 1.1,
    workplaceType: null,
    sentences: [],
  },
  {
    locations: ['New York City, NY or Remote (US)'],
    weight: 2,
    currency: 'USD',
    payFactor: 1.1,
    workplaceType: null,
    sentences: [],
  },
  {
    locations: ['London (Hybrid)'],
    weight: 2,
    currency: 'GBP',
    payFactor: 0.7,
    workplaceType: 'hybrid',
    sentences: ['This role is based in our London office, two or three days a week.'],
  },
  {
    locations: ['New York, NY (Hybrid)'],
    weight: 2,
    currency: 'USD',
    payFactor: 1.1,
    workplaceType: 'hybrid',
    sentences: [],
  },
  {
    locations: ['Hybrid - Amsterdam'],
    weight: 1,
    currency: 'EUR',
    payFactor: 0.75,
    workplaceType: 'hybrid',
    sentences: [],
  },
  {
    locations: ['Toronto, ON'],
    weight: 1,
    currency: 'CAD',
    payFactor: 1.2,
    workplaceType: 'hybrid',
    sentences: [],
  },
  {
    locations: ['San Francisco, CA'],
    weight: 2,
    currency: 'USD',
    payFactor: 1.15,
    workplaceType: 'onsite',
    sentences: ['This role is based in our San Francisco office.'],
  },
  {
    locations: ['Austin, TX'],
    weight: 1,
    currency: 'USD',
    payFactor: 1,
    workplaceType: 'onsite',
    sentences: [],
  },
  {
    locations: ['Berlin, Germany'],
    weight: 1,
    currency: 'EUR',
    payFactor: 0.8,
    workplaceType: 'onsite',
    sentences: [],
  },
  {
    locations: ['Dublin, Ireland'],
    weight: 1,
    currency: 'EUR',
    payFactor: 0.8,
    workplaceType: 'onsite',
    sentences: [],
  },
  {
    locations: ['Lisbon, Portugal'],
    weight: 1,
    currency: 'EUR',
    payFactor: 0.5,
    workplaceType: 'onsite',
    sentences: [],
  },
];

/** Employment type words as ATSes spell them. */
export const EMPLOYMENT_TYPE_WORDS = [
  ['Full-time', 50],
  ['Full Time', 15],
  ['FULL_TIME', 10],
  ['Permanent', 4],
  ['Contract', 7],
  ['Contractor', 3],
  ['Part-time', 4],
  ['Internship', 2],
  ['Temporary', 1],
] as const;

/** Primary board kinds, weighted by how common each ATS is among remote-friendly companies. */
export const PRIMARY_KINDS: readonly (readonly [SourceKind, number])[] = [
  ['greenhouse', 30],
  ['lever', 20],
  ['ashby', 15],
  ['workable', 8],
  ['smartrecruiters', 7],
  ['recruitee', 5],
  ['personio', 5],
  ['bamboohr', 4],
  ['teamtailor', 3],
  ['breezy', 3],
];

export const COMPANY_PREFIXES = [
  'Acorn',
  'Amber',
  'Anchor',
  'Apex',
  'Arbor',
  'Atlas',
  'Aurora',
  'Beacon',
  'Birch',
  'Blue',
  'Bright',
  'Cedar',
  'Cinder',
  'Clear',
  'Cobalt',
  'Comet',
  'Copper',
  'Coral',
  'Crest',
  'Crystal',
  'Delta',
  'Drift',
  'Ember',
  'Evergreen',
  'Falcon',
  'Fern',
  'Field',
  'Flint',
  'Fox',
  'Garnet',
  'Glacier',
  'Granite',
  'Harbor',
  'Hazel',
  'Horizon',
  'Indigo',
  'Iron',
  'Ivy',
  'Jade',
  'Juniper',
  'Kestrel',
  'Lantern',
  'Larch',
  'Lumen',
  'Maple',
  'Meadow',
  'Mesa',
  'Nimbus',
  'North',
  'Nova',
  'Oak',
  'Onyx',
  'Orbit',
  'Pine',
  'Pixel',
  'Prism',
  'Quartz',
  'Quill',
  'Raven',
  'Ridge',
  'River',
  'Sable',
  'Sage',
  'Signal',
  'Silver',
  'Slate',
  'Solar',
  'Spruce',
  'Summit',
  'Tidal',
  'Timber',
  'Vector',
  'Willow',
  'Zephyr',
];

export const COMPANY_SUFFIXES = [
  'Labs',
  'Systems',
  'Software',
  'Health',
  'Analytics',
  'Cloud',
  'Works',
  'Robotics',
  'Payments',
  'Security',
  'Logistics',
  'Learning',
  'Energy',
  'Bio',
  'Data',
  'Networks',
  'Studio',
  'Finance',
  'Mobility',
  'Media',
  'AI',
  'Commerce',
  'Insurance',
  'Travel',
  'Games',
  'Foods',
  'Legal',
  'HR',
  'Devices',
  'Ops',
];

export const PRODUCTS = [
  'a billing platform',
  'developer tools',
  'an observability suite',
  'a design collaboration app',
  'telehealth software',
  'an open-source database',
  'a logistics marketplace',
  'payroll software',
  'a learning platform',
  'fraud detection APIs',
  'a customer support inbox',
  'energy trading software',
  'a travel booking engine',
  'mobile games',
  'a data warehouse service',
  'an e-commerce storefront builder',
];

export const AUDIENCES = [
  'small businesses',
  'enterprise teams',
  'developers',
  'hospitals and clinics',
  'online stores',
  'schools and universities',
  'finance teams',
  'remote teams',
  'game studios',
  'nonprofits',
];

export const DUTIES = [
  'Design, build and run services that thousands of customers rely on every day',
  'Write clear design documents and review your teammates’ work asynchronously',
  'Own features from the first sketch to production, including the support that follows',
  'Work closely with product, design and support to decide what we build next',
  'Improve the reliability, performance and cost of the systems you touch',
  'Mentor colleagues and help us grow a kind, effective team',
  'Talk to customers to understand the problems behind their requests',
  'Measure the impact of your work and share what you learn',
  'Keep our documentation accurate and easy to follow',
  'Take part in planning, estimation and weekly demos',
  'Turn ambiguous requirements into a plan the whole team understands',
  'Help shape our processes as the company grows',
];

export const BENEFITS = [
  'Flexible working hours and a fully distributed team',
  'A yearly learning budget and time to use it',
  'Home office stipend and the equipment you need',
  'Generous paid time off and parental leave',
  'Health, dental and vision coverage',
  'Equity in a growing company',
  'An annual company retreat',
  'Four-day weeks in the summer',
];

/**
 * The head of the description vocabulary, most frequent first: the ordinary words that fill real job
 * ads. Country names, workplace words and technology names are left out on purpose: the normalizer
 * reads those, and a listing's eligibility and tags must come from its own sentences.
 */
export const COMMON_WORDS = (
  'team work customers product build help people company time support experience role new our ' +
  'growth quality data business best clients impact projects tools skills process ability develop ' +
  'opportunity culture strong communication solutions services world design best practices together ' +
  'learning value mission users platform ideas deliver improve manage create decisions environment ' +
  'success problems system growth ownership goals community collaborate responsible drive plan results ' +
  'challenges feedback trust career passion diverse inclusive excellent clear written spoken fast paced ' +
  'detail oriented curious motivated independent proactive organized thoughtful empathy creative ' +
  'analytical stakeholders partners roadmap strategy priorities initiatives requirements outcomes metrics ' +
  'reporting documentation workflows operations budget planning delivery launch release iteration ' +
  'research insights understanding knowledge expertise background degree equivalent years professional ' +
  'industry market competitive leading innovative modern scale scaling reliable secure efficient ' +
  'effective simple complex technical functional cross across within between during through including ' +
  'across focus focused ensure maintain support supporting owning shaping building improving growing ' +
  'hiring onboarding mentoring coaching leadership management members colleagues friends family ' +
  'benefits salary equity compensation package insurance health wellness holidays leave vacation ' +
  'flexible schedule hours weekly daily monthly quarterly annual meetings calls async asynchronous ' +
  'distributed global international local regional timezone overlap travel occasional offsite retreat ' +
  'equal employer applicants background gender race religion orientation identity disability veteran ' +
  'status accommodation request apply application interview stage steps review hiring manager recruiter ' +
  'story journey founded founders investors funding series backed profitable sustainable revenue ' +
  'customers thousands millions countries languages teams departments organization structure values ' +
  'honest open transparent kind humble ambitious pragmatic excellence craft care respect balance ' +
  'energy fun celebrate wins learn mistakes share knowledge grow personal development conference ' +
  'courses books mentorship path promotion level levels senior junior experienced entry bonus stock ' +
  'options plan retirement matching contribution dental vision medical coverage parental stipend ' +
  'equipment laptop home office coworking internet allowance wellbeing mental therapy gym'
)
  .split(' ')
  .filter((word, index, all) => all.indexOf(word) === index);
