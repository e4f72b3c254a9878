import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyCategory, classifyEmploymentType, classifySeniority } from './classify';
import { CATEGORIES, SENIORITIES, type Category, type Seniority } from './types';

/** Titles as remote companies publish them, with the level and family a job seeker would expect. */
const TITLES: Array<[title: string, seniority: Seniority | null, category: Category]> = [
  ['Senior Software Engineer', 'senior', 'engineering'],
  ['Sr. Backend Engineer (Go)', 'senior', 'engineering'],
  ['Jr. Frontend Developer', 'junior', 'engineering'],
  ['Junior Data Analyst', 'junior', 'data'],
  ['Software Engineer II', 'mid', 'engineering'],
  ['Software Engineer III, Payments', 'senior', 'engineering'],
  ['Staff Engineer', 'staff', 'engineering'],
  ['Senior Staff Software Engineer, Infrastructure', 'staff', 'devops'],
  ['Principal Engineer', 'principal', 'engineering'],
  ['Lead Product Designer', 'lead', 'design'],
  ['Tech Lead, Mobile', 'lead', 'engineering'],
  ['Engineering Manager', 'manager', 'engineering'],
  ['Senior Engineering Manager, Platform', 'manager', 'engineering'],
  ['Senior Manager, Customer Success', 'manager', 'support'],
  ['Director of Engineering', 'director', 'engineering'],
  ['Head of Data', 'director', 'data'],
  ['VP of Marketing', 'executive', 'marketing'],
  ['Vice President, Sales', 'executive', 'sales'],
  ['Chief Technology Officer', 'executive', 'engineering'],
  ['CTO', 'executive', 'engineering'],
  ['Site Reliability Engineer', null, 'devops'],
  ['Senior DevOps Engineer', 'senior', 'devops'],
  ['Data Scientist', null, 'data'],
  ['Machine Learning Engineer', null, 'data'],
  ['Product Designer', null, 'design'],
  ['Senior UX Researcher', 'senior', 'design'],
  ['Product Manager', null, 'product'],
  ['Senior Product Manager, Growth', 'senior', 'product'],
  ['Associate Product Manager', 'junior', 'product'],
  ['Product Marketing Manager', null, 'marketing'],
  ['Customer Success Manager', null, 'support'],
  ['Customer Support Specialist (Remote)', null, 'support'],
  ['Technical Writer', null, 'writing'],
  ['Account Executive, Mid-Market', null, 'sales'],
  ['Sales Development Representative', null, 'sales'],
  ['Solutions Engineer', null, 'sales'],
  ['Security Engineer', null, 'security'],
  ['Application Security Engineer', null, 'security'],
  ['QA Automation Engineer', null, 'qa'],
  ['SDET', null, 'qa'],
  ['Technical Recruiter', null, 'people'],
  ['People Operations Partner', null, 'people'],
  ['Senior Accountant', 'senior', 'finance'],
  ['Legal Counsel', null, 'legal'],
  ['Executive Assistant to the CEO', 'executive', 'operations'],
  ['Operations Coordinator', null, 'operations'],
  ['Software Engineering Intern', 'intern', 'engineering'],
  ['Werkstudent Marketing (m/w/d)', 'intern', 'marketing'],
  ['Lead Generation Specialist', null, 'marketing'],
  ['Mid-level iOS Developer', 'mid', 'engineering'],
  ['Graduate Software Engineer', 'junior', 'engineering'],
  ['Chief of Staff', 'executive', 'operations'],
  ['Manager, Software Engineering', 'manager', 'engineering'],
  ['UI Engineer', null, 'engineering'],
  ['Platform Engineer', null, 'devops'],
];

describe('classifySeniority', () => {
  it.each(TITLES)('reads %j as %s', (title, seniority) => {
    expect(classifySeniority(title, null)).toBe(seniority);
  });

  it('lets the title outrank the source level', () => {
    expect(classifySeniority('Staff Engineer', 'Entry level')).toBe('staff');
  });

  it.each([
    ['Mid-Senior level', 'mid'],
    ['Entry level', 'junior'],
    ['experienced', 'mid'],
    ['student', 'intern'],
    ['Director', 'director'],
    ['Executive', 'executive'],
    ['Senior', 'senior'],
    ['', null],
    ['Not Applicable', null],
  ] as const)('falls back on the source word %j', (words, seniority) => {
    expect(classifySeniority('Software Engineer', words)).toBe(seniority);
  });
});

describe('classifyCategory', () => {
  it.each(TITLES)('files %j in the expected family', (title, _seniority, category) => {
    expect(classifyCategory(title, null, null)).toBe(category);
  });

  it('falls back on the department, then the team', () => {
    expect(classifyCategory('Specialist', 'Customer Experience', null)).toBe('support');
    expect(classifyCategory('Specialist', null, 'Finance & Accounting')).toBe('finance');
    expect(classifyCategory('Specialist', 'R&D', null)).toBe('engineering');
  });

  it('prefers a clear title over the department', () => {
    expect(classifyCategory('Product Designer', 'Engineering', null)).toBe('design');
    expect(classifyCategory('Data Engineer', 'Marketing', 'Growth')).toBe('data');
  });

  it('answers other when nothing says', () => {
    expect(classifyCategory('Specialist', null, null)).toBe('other');
    expect(classifyCategory('', '', '')).toBe('other');
  });
});

describe('classifyEmploymentType', () => {
  it.each([
    ['FullTime', 'full-time'],
    ['full_time', 'full-time'],
    ['FULL_TIME', 'full-time'],
    ['Full-time', 'full-time'],
    ['permanent', 'full-time'],
    ['Vollzeit', 'full-time'],
    ['PartTime', 'part-time'],
    ['Part-time', 'part-time'],
    ['parttime_permanent', 'part-time'],
    ['CONTRACTOR', 'contract'],
    ['Contract', 'contract'],
    ['Freelance', 'contract'],
    ['Temporary', 'temporary'],
    ['fulltime_fixed_term', 'temporary'],
    ['Intern', 'internship'],
    ['INTERN', 'internship'],
    ['Werkstudent', 'internship'],
    ['working_student', 'internship'],
    ['trainee', 'internship'],
  ] as const)('maps the source word %j to %s', (words, type) => {
    expect(classifyEmploymentType(words, 'Engineer', '')).toBe(type);
  });

  it.each([
    ['Backend Engineer (Contract)', 'contract'],
    ['Design Intern', 'internship'],
    ['Customer Support Agent - Part Time', 'part-time'],
    ['Content Writer (Freelance)', 'contract'],
    ['Office Manager (maternity cover)', 'temporary'],
  ] as const)('reads the title %j as %s', (title, type) => {
    expect(classifyEmploymentType(null, title, '')).toBe(type);
  });

  it('reads an explicit phrase from the description', () => {
    expect(classifyEmploymentType(null, 'Engineer', 'About the job. This is a full-time position.')).toBe(
      'full-time',
    );
    expect(classifyEmploymentType(null, 'Engineer', 'Employment type: Contract')).toBe('contract');
  });

  it('does not read a passing mention as the type', () => {
    expect(classifyEmploymentType(null, 'Engineer', 'You will work with our full-time team.')).toBeNull();
    expect(classifyEmploymentType('OTHER', 'Engineer', '')).toBeNull();
  });
});

describe('classifiers on hostile input', () => {
  it('never throw and answer inside their vocabularies', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), fc.option(fc.string()), (a, b, c) => {
        const seniority = classifySeniority(a, b);
        expect(seniority === null || SENIORITIES.includes(seniority)).toBe(true);
        expect(CATEGORIES).toContain(classifyCategory(a, b, c));
        classifyEmploymentType(b, a, c);
      }),
      { numRuns: 500 },
    );
  });

  it('return on 1 MB inputs', () => {
    const big = 'senior '.repeat(150_000);
    expect(classifySeniority(big, big)).toBe('senior');
    expect(classifyCategory(big, big, big)).toBe('other');
    expect(classifyEmploymentType(big, big, 'full time '.repeat(100_000))).toBeNull();
  });
});
