import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../http';
import { InvalidPayloadError, type SourceRef } from '../../types';
import { sampleBoard, startSampleServer, type SampleServer } from '../test-support';
import { fetchBoard, parsePersonioFeed, personioFeedUrl } from './client';
import { renderer } from './sample';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const source = (overrides: Partial<SourceRef> = {}): SourceRef => ({
  kind: 'personio',
  token: 'acme',
  url: null,
  config: {},
  ...overrides,
});

function invalid(text: string): InvalidPayloadError {
  try {
    parsePersonioFeed(text, source());
  } catch (error) {
    if (error instanceof InvalidPayloadError) return error;
    throw error;
  }
  throw new Error('expected an InvalidPayloadError');
}

describe('parsePersonioFeed on the recorded demo feed', () => {
  const postings = parsePersonioFeed(fixture('personio_demo_xml_feed_example.xml'), source());

  it('maps every position with its id, title and built job URL', () => {
    expect(postings.map((p) => [p.externalId, p.title, p.applyUrl])).toEqual([
      ['681100', 'General Application', 'https://acme.jobs.personio.de/job/681100'],
      ['681097', 'SEO Marketing Manager', 'https://acme.jobs.personio.de/job/681097'],
      ['681098', 'Social Media (Working Student)', 'https://acme.jobs.personio.de/job/681098'],
    ]);
  });

  it('reads an office named "Remote" as a remote signal and other offices as no signal', () => {
    expect(postings[0]!.locations).toEqual(['Remote']);
    expect(postings[0]!.remote).toEqual({ isRemote: true, workplaceType: 'remote', countryCodes: [] });
    expect(postings[1]!.locations).toEqual(['London']);
    expect(postings[1]!.remote).toEqual({ isRemote: null, workplaceType: null, countryCodes: [] });
  });

  it('carries department, seniority, contract words, date and the sections as HTML', () => {
    const seo = postings[1]!;
    expect(seo.department).toBe('Marketing');
    expect(seo.seniority).toBe('experienced');
    expect(seo.employmentType).toBe('full-time');
    expect(seo.postedAt).toBe('2017-05-23T07:50:24.000Z');
    expect(seo.descriptionHtml).toMatch(/^<h3>Your mission<\/h3>\nLorem ipsum dolor sit amet/);
    expect(seo.descriptionHtml).toContain('<h3>Why us?</h3>');
    expect(seo.descriptionHtml).toContain('<ul><li>Stet clita kasd gubergren');
    expect(postings[2]!.employmentType).toBe('intern');
    expect(postings[2]!.metadata).toMatchObject({
      subcompany: 'Parent Ltd.',
      recruitingCategory: 'Working Student',
    });
    expect(postings[2]!.salary).toBeNull();
  });
});

describe('parsePersonioFeed on the current feed shape', () => {
  const [engineer, student] = parsePersonioFeed(fixture('personio_current_shape.xml'), source());

  it('lists the office and additional offices once each', () => {
    expect(engineer!.locations).toEqual(['Remote - Germany', 'Berlin']);
    // Remote offered, but not the only office: not remote-only.
    expect(engineer!.remote).toEqual({ isRemote: true, workplaceType: null, countryCodes: [] });
  });

  it('reads structured pay from salaryInformation', () => {
    expect(engineer!.salary).toEqual({ min: 70000, max: 90000, currency: 'EUR', interval: 'yearly' });
    expect(engineer!.salaryText).toBeNull();
  });

  it('decodes XML entities in text and escapes section headings back into HTML', () => {
    expect(engineer!.title).toBe('Senior Backend Engineer (Go) & Platform');
    expect(engineer!.metadata['subcompany']).toBe('Northwind Labs GmbH & Co. KG');
    expect(engineer!.descriptionHtml).toBe(
      '<h3>Your mission &amp; team</h3>\n<p>Build the billing platform.</p><ul><li>Go</li><li>PostgreSQL</li></ul>\n' +
        '<h3>Your profile</h3>\n<p>5+ years of backend work; based in the EU.</p>',
    );
  });

  it('splits keywords into tags and keeps dates as UTC ISO', () => {
    expect(engineer!.tags).toEqual(['Go', 'PostgreSQL', 'Kubernetes', 'remote']);
    expect(engineer!.postedAt).toBe('2026-09-01T06:30:00.000Z');
  });

  it('accepts empty optional elements', () => {
    expect(student!.descriptionHtml).toBeNull();
    expect(student!.salary).toBeNull();
    expect(student!.employmentType).toBe('working_student');
    expect(student!.remote.workplaceType).toBe('remote');
  });

  it('accepts a feed with no open positions', () => {
    expect(parsePersonioFeed('<?xml version="1.0"?><workzag-jobs></workzag-jobs>', source())).toEqual([]);
  });
});

describe('parsePersonioFeed on malformed input', () => {
  it.each([
    [
      'a position without an id',
      '<workzag-jobs><position><name>X</name></position></workzag-jobs>',
      'workzag-jobs.position.0.id',
    ],
    [
      'a non-numeric id (it goes into the job URL)',
      '<workzag-jobs><position><id>../admin</id><name>X</name></position></workzag-jobs>',
      'workzag-jobs.position.0.id',
    ],
    [
      'an empty title',
      '<workzag-jobs><position><id>1</id><name>X</name></position><position><id>2</id><name> </name></position></workzag-jobs>',
      'workzag-jobs.position.1.name',
    ],
    ['another document', '<rss><channel/></rss>', 'workzag-jobs'],
  ])('rejects %s with the path', (_name, xml, path) => {
    expect(invalid(xml).path).toBe(path);
  });

  it('rejects a body that is not well-formed XML, naming the line', () => {
    const error = invalid('<workzag-jobs>\n<position><id>1</id></workzag-jobs>');
    expect(error.message).toMatch(/not well-formed XML \(line 2/);
  });
});

describe('personioFeedUrl', () => {
  it.each([
    [source(), 'https://acme.jobs.personio.de/xml?language=en'],
    [source({ config: { domain: 'com' } }), 'https://acme.jobs.personio.com/xml?language=en'],
    [source({ url: 'https://acme.jobs.personio.com/' }), 'https://acme.jobs.personio.com/xml?language=en'],
    [source({ token: 'Acme' }), 'https://acme.jobs.personio.de/xml?language=en'],
  ])('builds the real feed URL', (ref, url) => {
    expect(personioFeedUrl(ref)).toBe(url);
  });

  it('builds job URLs on the .com host for .com accounts', () => {
    const [posting] = parsePersonioFeed(
      fixture('personio_current_shape.xml'),
      source({ config: { domain: 'com' } }),
    );
    expect(posting!.applyUrl).toBe('https://acme.jobs.personio.com/job/1834171');
  });
});

describe('personio client against a local server', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  it('fetches the XML feed at its real path, then answers not_modified on the ETag', async () => {
    server = await startSampleServer(renderer, sampleBoard('personio', 'acme'), { etag: true });
    const overrides = { personio: server.origin };
    const first = await fetchBoard(http, source(), null, overrides);
    if (first.status !== 'ok') throw new Error('expected ok');
    expect(server.requests[0]).toMatchObject({ host: 'acme.jobs.personio.de', path: '/xml' });
    expect(server.requests[0]!.query.get('language')).toBe('en');
    expect(first.requests).toBe(1);
    expect(first.postings).toHaveLength(4);
    expect(first.postings[0]).toMatchObject({
      title: 'Senior Backend Engineer',
      locations: ['Remote - US'],
      department: 'Engineering',
      employmentType: 'full-time',
      seniority: 'experienced',
      remote: { isRemote: true, workplaceType: 'remote' },
      salary: { min: 140000, max: 175000, currency: 'USD', interval: 'yearly' },
      postedAt: '2024-01-01T09:30:00.000Z',
    });
    expect(first.postings[0]!.applyUrl).toMatch(/^https:\/\/acme\.jobs\.personio\.de\/job\/\d{7}$/);
    expect(first.postings[1]).toMatchObject({ locations: ['Remote (EMEA)'], employmentType: 'freelance' });
    expect(first.postings[2]).toMatchObject({ locations: ['Berlin'], remote: { isRemote: null } });
    expect(first.postings[3]!.salary).toEqual({ min: 4000, max: 5000, currency: 'CAD', interval: 'monthly' });

    const second = await fetchBoard(http, source(), first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 304, requests: 1 });
    expect(server.requests[1]!.ifNoneMatch).toBe(first.validators.etag);
  });

  it('answers not_modified on an unchanged body hash when the server sends no validators', async () => {
    server = await startSampleServer(renderer, sampleBoard('personio', 'acme', 2));
    const overrides = { personio: server.origin };
    const first = await fetchBoard(http, source({ config: { domain: 'com' } }), null, overrides);
    expect(server.requests[0]!.host).toBe('acme.jobs.personio.com');
    const second = await fetchBoard(http, source({ config: { domain: 'com' } }), first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 200, requests: 1 });
  });
});
