import { describe, expect, it } from 'vitest';
import type { JobSummary } from '../search/engine';
import { testJobSummary } from '../search/testing/job-summary';
import { jobPostingJsonLd, serializeJsonLd } from './job-posting-ld';

const job = (overrides: Partial<JobSummary> = {}): JobSummary =>
  testJobSummary({
    id: 'k3x9q2ab',
    slug: 'senior-rust-engineer-acme-k3x9q2ab',
    url: 'https://jobs.example.com/jobs/senior-rust-engineer-acme-k3x9q2ab',
    title: 'Senior Rust Engineer',
    locationText: 'Worldwide',
    evidence: 'Location: Worldwide',
    type: 'full-time',
    seniority: 'senior',
    salary: {
      min: 150_000,
      max: 190_000,
      currency: 'USD',
      period: 'year',
      annualUsdMin: 150_000,
      annualUsdMax: 190_000,
    },
    tags: ['rust'],
    postedAt: '2026-03-01T00:00:00.000Z',
    lastSeenAt: '2026-03-05T00:00:00.000Z',
    ...overrides,
  });

const build = (overrides: Partial<JobSummary> = {}) =>
  jobPostingJsonLd({
    job: job(overrides),
    descriptionHtml: '<p>Build things.</p>',
    company: { name: 'Acme', website: 'https://acme.example' },
  });

describe('jobPostingJsonLd', () => {
  it('describes a worldwide remote job with every field Google asks for', () => {
    expect(build()).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: 'Senior Rust Engineer',
      description: '<p>Build things.</p>',
      datePosted: '2026-03-01T00:00:00.000Z',
      validThrough: '2026-04-04T00:00:00.000Z',
      employmentType: 'FULL_TIME',
      hiringOrganization: { '@type': 'Organization', name: 'Acme', sameAs: 'https://acme.example' },
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: { '@type': 'AdministrativeArea', name: 'Worldwide' },
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'USD',
        value: { '@type': 'QuantitativeValue', minValue: 150_000, maxValue: 190_000, unitText: 'YEAR' },
      },
    });
  });

  it('lists the countries applicants may live in', () => {
    expect(build({ worldwide: false, countries: ['CA', 'US'] })['applicantLocationRequirements']).toEqual([
      { '@type': 'Country', name: 'Canada' },
      { '@type': 'Country', name: 'United States' },
    ]);
  });

  it('ends a closed job when it closed', () => {
    expect(build({ closedAt: '2026-03-07T10:00:00.000Z' })['validThrough']).toBe('2026-03-07T10:00:00.000Z');
  });

  it('dates a job without a posting date by when it was first seen', () => {
    expect(build({ postedAt: null })['datePosted']).toBe('2026-03-02T00:00:00.000Z');
  });

  it('gives a hybrid job a place instead of TELECOMMUTE', () => {
    const posting = build({
      workplace: 'hybrid',
      worldwide: false,
      countries: ['GB'],
      locationText: 'London',
    });
    expect(posting['jobLocationType']).toBeUndefined();
    expect(posting['jobLocation']).toEqual([
      {
        '@type': 'Place',
        address: { '@type': 'PostalAddress', addressCountry: 'GB', addressLocality: 'London' },
      },
    ]);
  });

  it('maps hourly contract pay', () => {
    const posting = build({
      type: 'contract',
      salary: {
        min: 60,
        max: null,
        currency: 'EUR',
        period: 'hour',
        annualUsdMin: 145_000,
        annualUsdMax: null,
      },
    });
    expect(posting['employmentType']).toBe('CONTRACTOR');
    expect(posting['baseSalary']).toEqual({
      '@type': 'MonetaryAmount',
      currency: 'EUR',
      value: { '@type': 'QuantitativeValue', minValue: 60, unitText: 'HOUR' },
    });
  });

  it('leaves out what is unknown', () => {
    const posting = build({ salary: null, type: null, worldwide: false, countries: [] });
    expect(posting).not.toHaveProperty('baseSalary');
    expect(posting).not.toHaveProperty('employmentType');
    expect(posting).not.toHaveProperty('applicantLocationRequirements');
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element it sits in', () => {
    const text = serializeJsonLd({ title: 'R&D </script><script>alert(1)</script> <!--' });
    expect(text).not.toMatch(/<|>/);
    expect(JSON.parse(text)).toEqual({ title: 'R&D </script><script>alert(1)</script> <!--' });
  });
});
