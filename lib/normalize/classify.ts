/**
 * Employment type, seniority and category from the words sources and titles use. Pure functions over
 * short strings; every input is cut to a bounded length first, and unknown words give null (or
 * 'other' for category) rather than a guess.
 */
import type { Category, EmploymentType, Seniority } from './types';

const MAX_TITLE = 300;
const MAX_FIELD = 300;
/** Employment type phrases sit near the top or in a "Job type:" line; a long description is cut. */
const MAX_TEXT_SCAN = 20_000;

const clip = (value: string | null | undefined, max: number) =>
  typeof value === 'string' ? value.slice(0, max) : '';

// ---------------------------------------------------------------------------------------------
// Employment type

/**
 * A source's words squeezed to letters only ("FULL_TIME", "Full-time", "full time" -> "fulltime"),
 * mapped. Checked in this order because combined codes exist: Recruitee "fulltime_fixed_term" is a
 * temporary contract, "parttime_permanent" is part-time.
 */
const SOURCE_EMPLOYMENT_WORDS: ReadonlyArray<readonly [RegExp, EmploymentType]> = [
  [
    /intern|werkstudent|workingstudent|student|praktik|trainee|apprentic|ausbildung|coop|stage|stagiaire|graduateprogram/,
    'internship',
  ],
  [/contract|freelan|selbst|selfemployed|consultan|b2b|percontract|perdiem|c2c|1099|independent/, 'contract'],
  [/temporary|temporär|^temp$|fixedterm|befristet|seasonal|cdd|interim|casual/, 'temporary'],
  [/parttime|teilzeit|halftime|mitemps|tempspartiel|mediajornada/, 'part-time'],
  [
    /fulltime|permanent|regular|vollzeit|unbefristet|cdi|tempsplein|jornadacompleta|employee|salaried/,
    'full-time',
  ],
];

/** Title markers, matched on word boundaries ("Backend Engineer (Contract)", "Design Intern"). */
const TITLE_EMPLOYMENT_WORDS: ReadonlyArray<readonly [RegExp, EmploymentType]> = [
  [
    /\b(?:intern|internship|interns|working student|werkstudent(?:in)?|praktikant(?:in)?|praktikum|apprentice(?:ship)?|co-op|trainee)\b/i,
    'internship',
  ],
  [/\b(?:contract|contractor|freelance|freelancer|fixed[- ]price|1099)\b/i, 'contract'],
  [
    /\b(?:temporary|temp|fixed[- ]term|seasonal|maternity cover|parental leave cover|befristet)\b/i,
    'temporary',
  ],
  [/\b(?:part[- ]?time|teilzeit|\d{1,2}\s?h(?:ours)?\/week)\b/i, 'part-time'],
  [/\b(?:full[- ]?time|vollzeit|permanent)\b/i, 'full-time'],
];

/**
 * Description phrases that state the type outright ("This is a full-time position", "Employment
 * type: Contract"). A bare "full-time" in a description is not enough: "work with our full-time team".
 */
const TEXT_EMPLOYMENT_PHRASE =
  /\b(?:(?:this\s+is\s+an?|is\s+an?|for\s+an?|we\s+offer\s+an?|hiring\s+an?)\s+(?:(?:remote|paid|long-term|short-term|\d+-month)\s+)?(full[- ]?time|part[- ]?time|contract(?:or)?|freelance|temporary|fixed[- ]term|internship)\s+(?:role|position|job|opportunity|contract|engagement|assignment|employment)|(?:employment|job|contract|position)\s+type\s*:?\s*(full[- ]?time|part[- ]?time|contract(?:or)?|freelance|temporary|fixed[- ]term|internship|permanent))\b/i;

function employmentFromWord(word: string): EmploymentType | null {
  const squeezed = word.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (squeezed === '') return null;
  for (const [pattern, type] of SOURCE_EMPLOYMENT_WORDS) if (pattern.test(squeezed)) return type;
  return null;
}

/**
 * The employment type, from the source's own words first ("FullTime", "full_time", "permanent",
 * "CONTRACTOR", "Werkstudent"), then title markers, then an explicit description phrase.
 *
 * Decisions: working students (Werkstudent) and apprentices are 'internship', the closest type for
 * roles tied to studies; "permanent" is 'full-time'; fixed-term contracts are 'temporary'.
 */
export function classifyEmploymentType(
  sourceWords: string | null | undefined,
  title: string | null | undefined,
  text: string | null | undefined,
): EmploymentType | null {
  const fromSource = employmentFromWord(clip(sourceWords, MAX_FIELD));
  if (fromSource) return fromSource;
  const cleanTitle = clip(title, MAX_TITLE);
  for (const [pattern, type] of TITLE_EMPLOYMENT_WORDS) if (pattern.test(cleanTitle)) return type;
  const phrase = TEXT_EMPLOYMENT_PHRASE.exec(clip(text, MAX_TEXT_SCAN));
  const word = phrase?.[1] ?? phrase?.[2];
  return word ? employmentFromWord(word) : null;
}

// ---------------------------------------------------------------------------------------------
// Seniority

/**
 * Titles where "Manager" names the job, not people management: a Product Manager manages a
 * product, an Account Manager accounts. For these the level comes from other words ("Senior").
 */
const INDIVIDUAL_MANAGER =
  /\b(?:product|project|program|programme|account|accounts|community|partner|partnerships|channel|campaign|content|success|marketing|brand|social media|office|release|case|category|relationship|territory|event|events|solutions|implementation|delivery|vendor|payroll|benefits|facilities|engagement)\s+manager\b/i;

/** Title patterns, first match wins. The order is the decision list documented in README.md. */
const TITLE_SENIORITY: ReadonlyArray<readonly [RegExp, Seniority]> = [
  [
    /\b(?:chief\b|c[etfoimpr]o\b|ciso\b|cdo\b|vp\b|v\.p\.|svp\b|evp\b|vice[- ]president|president\b|founder\b|co-founder\b|executive\s+(?:director|vice|officer)|managing\s+director)/i,
    'executive',
  ],
  [/\b(?:director|head\s+of|head,)\b/i, 'director'],
  [
    /\b(?:intern|internship|working student|werkstudent(?:in)?|praktikant(?:in)?|apprentice|co-op)\b/i,
    'intern',
  ],
  [/\b(?:principal|distinguished|fellow)\b/i, 'principal'],
  [/\bstaff\b(?!\s+(?:accountant|auditor|nurse|writer))/i, 'staff'],
  [/\b(?:lead|leader|team\s*lead|tech\s*lead)\b(?!\s+(?:generation|gen|qualification|nurtur\w*))/i, 'lead'],
  [/\b(?:senior|sr\.?|snr\.?|experienced)(?=\s|$|[,/)(-])/i, 'senior'],
  [/\b(?:junior|jr\.?|entry[- ]level|graduate|new\s+grad|associate)(?=\s|$|[,/)(-])/i, 'junior'],
  [
    /\b(?:mid[- ]?level|mid[- ]senior|intermediate)\b|\bmid\b(?![- ]?(?:market|size|sized|west|atlantic|day))/i,
    'mid',
  ],
];

/** People-management titles: "Engineering Manager", "Manager, Software Engineering", "Supervisor". */
const PEOPLE_MANAGER = /\b(?:manager|supervisor|mgr)\b/i;

/** Career-ladder numerals after the role ("Software Engineer II"), case-sensitive on purpose. */
const LADDER_NUMERAL = /\s(I{1,3}|IV|V)(?=$|[\s,()|/–-])/;
const LADDER: Readonly<Record<string, Seniority>> = {
  I: 'junior',
  II: 'mid',
  III: 'senior',
  IV: 'staff',
  V: 'principal',
};

function seniorityFromTitle(title: string): Seniority | null {
  const [executive, director, ...rest] = TITLE_SENIORITY;
  for (const [pattern, level] of [executive!, director!]) if (pattern.test(title)) return level;
  // A people manager outranks "Senior" in the same title: "Senior Engineering Manager" manages.
  if (PEOPLE_MANAGER.test(title) && !INDIVIDUAL_MANAGER.test(title)) return 'manager';
  for (const [pattern, level] of rest) if (pattern.test(title)) return level;
  const numeral = LADDER_NUMERAL.exec(title)?.[1];
  return numeral ? (LADDER[numeral] ?? null) : null;
}

/** Source seniority fields: LinkedIn-style levels, Personio "experienced"/"entry-level"/"student". */
const SOURCE_SENIORITY: ReadonlyArray<readonly [RegExp, Seniority]> = [
  [/intern|student|trainee/i, 'intern'],
  [/executive|c-level/i, 'executive'],
  [/director|head/i, 'director'],
  [/principal/i, 'principal'],
  [/staff/i, 'staff'],
  [/manager|management/i, 'manager'],
  [/\blead\b/i, 'lead'],
  // LinkedIn's "Mid-Senior level" is its catch-all for experienced hires: read it as mid, not senior.
  [/mid|intermediate|experienced|professional/i, 'mid'],
  [/senior|expert/i, 'senior'],
  [/junior|entry|graduate|associate|beginner/i, 'junior'],
];

/**
 * The level of a role from its title ("Sr.", "Jr.", "II/III", "VP", "Head of", "Chief", "Staff
 * Engineer"), falling back on the source's seniority words. Title wins because sources often fill
 * their level field with one default for every job.
 *
 * Decisions: "Senior Manager" and "Senior Engineering Manager" are 'manager'; "Head of" is
 * 'director'; "Product Manager" (not a people manager) takes its level from other words, else null;
 * "Associate" and "Graduate" are 'junior'; ladder numerals map I->junior, II->mid, III->senior,
 * IV->staff, V->principal.
 */
export function classifySeniority(
  title: string | null | undefined,
  sourceWords?: string | null,
): Seniority | null {
  const fromTitle = seniorityFromTitle(clip(title, MAX_TITLE));
  if (fromTitle) return fromTitle;
  const words = clip(sourceWords, MAX_FIELD);
  if (words.trim() === '') return null;
  for (const [pattern, level] of SOURCE_SENIORITY) if (pattern.test(words)) return level;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Category

/**
 * Category rules, first match wins. Specific compounds come before the general words they contain:
 * "Sales Engineer" is sales, "Support Engineer" support, "Product Designer" design, "Product
 * Marketing Manager" marketing, "Data Engineer" data, "Security Engineer" security, all before the
 * general "engineer" -> engineering.
 */
const CATEGORY_RULES: ReadonlyArray<readonly [RegExp, Category]> = [
  [
    /\b(?:sales\s+engineer|solutions?\s+(?:engineer|architect|consultant)|pre-?sales|field\s+engineer)\b/i,
    'sales',
  ],
  [
    /\b(?:support\s+engineer|success\s+engineer|technical\s+support|customer\s+engineer|it\s+support|help\s*desk|service\s+desk)\b/i,
    'support',
  ],
  [
    /\b(?:security|secops|appsec|infosec|cyber\s*security|cybersecurity|penetration|pentest\w*|red\s+team|blue\s+team|soc\s+analyst|threat|vulnerability|ciso|iam)\b/i,
    'security',
  ],
  [
    /\b(?:qa|q\.a\.|quality\s+assurance|quality\s+engineer\w*|test\s+engineer|testing|tester|sdet|test\s+automation|automation\s+tester|qe)\b/i,
    'qa',
  ],
  [
    /\b(?:devops|dev\s+ops|devsecops|site\s+reliability|sre|platform\s+engineer\w*|infrastructure|cloud\s+(?:engineer|architect|operations)|release\s+engineer|build\s+engineer|systems?\s+administrator|sysadmin|system\s+engineer|network\s+engineer|kubernetes|mlops|reliability)\b/i,
    'devops',
  ],
  [
    /\b(?:technical\s+writer|tech\s+writer|copywriter|content\s+writer|ux\s+writer|writer|editor|documentation|journalist|copy\s+editor|proofreader)\b/i,
    'writing',
  ],
  [/\bmarketing\b/i, 'marketing'],
  [
    /\b(?:designer|design|ux|ui(?!\s*(?:engineer|developer))|user\s+experience|user\s+research\w*|ux\s+research\w*|illustrator|art\s+director|creative\s+director|motion|visual|animator)\b/i,
    'design',
  ],
  [
    /\b(?:product\s+(?:manager|owner|lead|director|management|strategy|operations|ops)|head\s+of\s+product|(?:vp|vice\s+president|director|chief)(?:,|\s+of)?\s+product|cpo|group\s+pm|technical\s+program\s+manager)\b/i,
    'product',
  ],
  [/\b(?:recruit\w*|talent\s+acquisition|sourcer)\b/i, 'people'],
  [
    /\b(?:data|machine\s+learning|ml|ai|artificial\s+intelligence|analytics|business\s+intelligence|bi|scientist|statistician|deep\s+learning|nlp|computer\s+vision|llm)\b/i,
    'data',
  ],
  [
    /\b(?:engineer|engineering|developer|programmer|software|swe|front[- ]?end|back[- ]?end|full[- ]?stack|mobile|ios|android|architect|cto|coder|web\s+dev\w*|firmware|embedded|game\s+dev\w*|r&d|research\s+and\s+development|tech|technology)\b/i,
    'engineering',
  ],
  [
    /\b(?:customer\s+success|customer\s+service|customer\s+support|customer\s+experience|customer\s+care|client\s+success|support|helpdesk|cx|implementation|onboarding\s+specialist|technical\s+account\s+manager)\b/i,
    'support',
  ],
  [/\b(?:revenue\s+operations|revops|sales\s+operations|business\s+operations|bizops)\b/i, 'operations'],
  [
    /\b(?:sales|account\s+executive|account\s+manager|ae|sdr|bdr|business\s+development|partnerships?|inside\s+sales|channel|deal\s+desk|go[- ]to[- ]market|gtm)\b/i,
    'sales',
  ],
  [
    /\b(?:marketing|growth|seo|sem|brand|communications|public\s+relations|pr|social\s+media|community|demand\s+gen\w*|lead\s+gen\w*|events?|advocate|developer\s+relations|devrel)\b/i,
    'marketing',
  ],
  [
    /\b(?:recruit\w*|talent|people|hr|human\s+resources|hrbp|learning\s+and\s+development|l&d|total\s+rewards|dei|diversity)\b/i,
    'people',
  ],
  [
    /\b(?:finance|financial|accountant|accounting|controller|fp&a|bookkeep\w*|tax|treasury|payroll|billing|audit\w*|cfo|accounts\s+(?:payable|receivable))\b/i,
    'finance',
  ],
  [/\b(?:legal|counsel|lawyer|attorney|paralegal|compliance|privacy|contracts\s+manager)\b/i, 'legal'],
  [
    /\b(?:operations|ops|office\s+manager|executive\s+assistant|assistant|administrat\w*|project\s+manager|program\s+manager|programme\s+manager|procurement|logistics|supply\s+chain|chief\s+of\s+staff|coordinator|workplace|facilities|it)\b/i,
    'operations',
  ],
  [/\banalyst\b/i, 'data'],
];

function categoryOf(text: string): Category | null {
  if (text.trim() === '') return null;
  for (const [pattern, category] of CATEGORY_RULES) if (pattern.test(text)) return category;
  return null;
}

/**
 * The job family from the title, then the department, then the team; 'other' when none says.
 * Title wins because departments are often broad ("R&D" holds designers, "Operations" holds support).
 *
 * Decisions: Customer Success is 'support'; Machine Learning Engineer is 'data'; Platform Engineer is
 * 'devops'; Solutions/Sales Engineers are 'sales'; Project/Program Managers are 'operations';
 * a bare "Analyst" is 'data'.
 */
export function classifyCategory(
  title: string | null | undefined,
  department?: string | null,
  team?: string | null,
): Category {
  return (
    categoryOf(clip(title, MAX_TITLE)) ??
    categoryOf(clip(department, MAX_FIELD)) ??
    categoryOf(clip(team, MAX_FIELD)) ??
    'other'
  );
}
