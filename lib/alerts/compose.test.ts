import { describe, expect, it } from 'vitest';
import type { JobSummary } from '../search/engine';
import { testJobSummary } from '../search/testing/job-summary';
import { digestEmail, digestSubject, formatSalary, selectDigestJobs } from './compose';
import { escapeHtml, html, safeUrl } from './html';

function job(company: string, title: string, overrides: Partial<JobSummary> = {}): JobSummary {
  return testJobSummary({
    id: title,
    slug: title,
    url: `https://jobs.test/jobs/${encodeURIComponent(title)}`,
    applyUrl: 'https://boards.example.com/x',
    title,
    company: { slug: company, name: company.toUpperCase() },
    ...overrides,
  });
}

const links = {
  manageUrl: 'https://jobs.test/alerts/manage?token=m',
  unsubscribeUrl: 'https://jobs.test/alerts/unsubscribe?token=m',
};

describe('selectDigestJobs', () => {
  it('keeps the order, at most 3 per company and 25 in all', () => {
    const items = [
      ...Array.from({ length: 5 }, (_, i) => ({ company: 'a', n: i })),
      ...Array.from({ length: 40 }, (_, i) => ({ company: `c${Math.floor(i / 2)}`, n: i })),
    ];
    const chosen = selectDigestJobs(items, (item) => item.company);
    expect(chosen).toHaveLength(25);
    expect(chosen.slice(0, 4).map((item) => `${item.company}${item.n}`)).toEqual(['a0', 'a1', 'a2', 'c00']);
  });
});

describe('digestSubject', () => {
  it.each([
    [7, 'Remote Rust jobs open to Portugal', '7 new remote Rust jobs open to Portugal'],
    [1, 'Remote Rust jobs open to Portugal', '1 new remote Rust job open to Portugal'],
    [3, 'Remote jobs matching “jobs board”', '3 new remote jobs matching “jobs board”'],
  ])('%i x %s', (count, description, subject) => {
    expect(digestSubject(count, description)).toBe(subject);
  });

  it('cuts a long description on a word with an ellipsis', () => {
    const subject = digestSubject(2, `Remote jobs matching “${'kubernetes '.repeat(20).trim()}”`);
    expect(subject.length).toBeLessThanOrEqual(120);
    expect(subject).toMatch(/kubernetes…$/);
  });
});

describe('digestEmail', () => {
  it('escapes scraped text in the HTML part and keeps it verbatim in the text part', () => {
    const email = digestEmail({
      description: 'Remote jobs',
      jobs: [job('acme', '<script>alert(1)</script> & "Engineer"')],
      total: 1,
      searchUrl: 'https://jobs.test/?posted=1',
      links,
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Engineer&quot;');
    expect(email.text).toContain('<script>alert(1)</script> & "Engineer" — ACME');
    expect(email.html).toContain('href="https://jobs.test/alerts/unsubscribe?token=m"');
    expect(email.text).toContain('Unsubscribe: https://jobs.test/alerts/unsubscribe?token=m');
  });

  it('links to all N when it lists fewer', () => {
    const email = digestEmail({
      description: 'Remote jobs',
      jobs: [job('a', 'One')],
      total: 40,
      searchUrl: 'https://jobs.test/',
      links,
    });
    expect(email.text).toContain('See all 40: https://jobs.test/');
    expect(email.html).toContain('See all 40 new jobs');
  });
});

describe('formatSalary', () => {
  it.each([
    // ICU versions differ on the spaces around the range dash.
    [
      { min: 60_000, max: 80_000, currency: 'EUR', period: 'year' as const },
      /^€60,000\s?–\s?€80,000 a year$/,
    ],
    [{ min: 50, max: null, currency: 'USD', period: 'hour' as const }, /^\$50 an hour$/],
  ])('%j -> %s', (salary, expected) => {
    expect(formatSalary({ salary: { ...salary, annualUsdMin: null, annualUsdMax: null } })).toMatch(expected);
  });

  it('is null without a stated salary', () => {
    expect(formatSalary({ salary: null })).toBeNull();
  });
});

describe('html', () => {
  it('escapes interpolations but not nested templates', () => {
    expect(html`<p>${'<b>'}${html`<i>${'&'}</i>`}</p>`.value).toBe('<p>&lt;b&gt;<i>&amp;</i></p>');
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;');
  });

  it.each([
    ['javascript:alert(1)', '#'],
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['not a url', '#'],
  ])('safeUrl(%s) -> %s', (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });
});
