import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../http';
import { InvalidPayloadError, type SourceRef } from '../../types';
import { sampleBoard, startSampleServer, type SampleServer } from '../test-support';
import { fetchBoard, parseHtmlCareersPage } from './client';
import { renderer, SAMPLE_HTML_SELECTORS } from './sample';
import { readHtmlJobDetail } from './page';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const SELECTORS = {
  item: 'li.opening',
  title: '.opening-title',
  link: 'a.opening-link',
  location: '.opening-location',
  department: '.opening-team',
  description: '.opening-summary',
};
const source = (
  config: Record<string, unknown> = SELECTORS,
  url = 'https://northwind.example/careers/',
): SourceRef => ({
  kind: 'html',
  token: null,
  url,
  config,
});

function invalid(html: string, ref: SourceRef = source()): InvalidPayloadError {
  try {
    parseHtmlCareersPage(html, ref);
  } catch (error) {
    if (error instanceof InvalidPayloadError) return error;
    throw error;
  }
  throw new Error('expected an InvalidPayloadError');
}

describe('parseHtmlCareersPage with selectors', () => {
  const [rails, designer, ...rest] = parseHtmlCareersPage(fixture('html_careers_page.html'), source());

  it('reads each item once, by its link', () => {
    expect(rest).toEqual([]);
    expect(rails).toMatchObject({
      externalId: 'https://northwind.example/careers/senior-rails-engineer',
      applyUrl: 'https://northwind.example/careers/senior-rails-engineer',
      title: 'Senior Rails Engineer',
      locations: ['Remote (Europe)'],
      department: 'Engineering',
    });
    expect(designer).toMatchObject({
      applyUrl: 'https://northwind.example/careers/designer?ref=list',
      title: 'Product Designer',
      locations: ['Lisbon, Portugal'],
      department: null,
      descriptionHtml: null,
    });
  });

  it('carries description HTML, hostile parts included, without running the page', () => {
    expect(rails!.descriptionHtml).toBe(
      '<p>Ship <em>Rails</em> features.</p><img src="x" onerror="window.__elsewhereHtmlPwned = true">',
    );
    expect((globalThis as { __elsewhereHtmlPwned?: boolean }).__elsewhereHtmlPwned).toBeUndefined();
  });

  it('says nothing structured a plain page does not say', () => {
    expect(rails!.remote).toEqual({ isRemote: null, workplaceType: null, countryCodes: [] });
    expect(rails!.postedAt).toBeNull();
    expect(rails!.salary).toBeNull();
  });

  it('uses the item itself when it is the link', () => {
    const html = '<a class="job" href="/jobs/1">One</a><a class="job" href="/jobs/2">Two</a>';
    const postings = parseHtmlCareersPage(html, source({ item: 'a.job', title: 'a.job', link: 'a.job' }));
    expect(postings.map((p) => [p.title, p.applyUrl])).toEqual([
      ['One', 'https://northwind.example/jobs/1'],
      ['Two', 'https://northwind.example/jobs/2'],
    ]);
  });

  it('returns no postings when no item matches', () => {
    expect(parseHtmlCareersPage('<p>No openings right now.</p>', source())).toEqual([]);
  });
});

describe('parseHtmlCareersPage on pages the selectors no longer fit', () => {
  it.each([
    [
      'an item without a title',
      '<li class="opening"><a class="opening-link" href="/careers/x"></a></li>',
      '0.title',
    ],
    [
      'an item without a link',
      '<li class="opening"><a class="opening-link" href="/a"><span class="opening-title">A</span></a></li>' +
        '<li class="opening"><span class="opening-title">B</span></li>',
      '1.link',
    ],
    [
      'a javascript: link',
      '<li class="opening"><a class="opening-link" href="javascript:alert(1)"><span class="opening-title">A</span></a></li>',
      '0.link',
    ],
  ])('rejects %s with the path', (_name, html, path) => {
    expect(invalid(html).path).toBe(path);
  });

  it.each([
    ['a missing item selector', { title: 'h3', link: 'a' }, 'item'],
    ['a selector that is not CSS', { ...SELECTORS, title: 'h3[' }, 'title'],
    ['a non-numeric page bound', { ...SELECTORS, maxPages: 'all' }, 'maxPages'],
  ])('rejects %s in the config, naming the field', (_name, config, path) => {
    expect(invalid(fixture('html_careers_page.html'), source(config)).path).toBe(path);
  });
});

describe('readHtmlJobDetail', () => {
  it('reads description HTML and location text from a job page', () => {
    const html =
      '<main><p class="where"> Remote,\n US </p><section class="body"><h2>About</h2><p>Text</p></section></main>';
    expect(readHtmlJobDetail(html, { description: '.body', location: '.where' })).toEqual({
      descriptionHtml: '<h2>About</h2><p>Text</p>',
      location: 'Remote, US',
    });
    expect(readHtmlJobDetail('<p>moved</p>', { description: '.body' })).toEqual({
      descriptionHtml: null,
      location: null,
    });
  });
});

describe('html client against a local careers site', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  it('reads the careers page and each job page with the selectors, then answers not_modified', async () => {
    const board = sampleBoard('html', 'acme');
    server = await startSampleServer(renderer, board);
    board.origin = server.origin;
    const careers = source({ ...SAMPLE_HTML_SELECTORS }, renderer.careersUrl(board));
    const first = await fetchBoard(http, careers, null);
    if (first.status !== 'ok') throw new Error('expected ok');
    expect(first.requests).toBe(5);
    expect(first.postings).toHaveLength(4);
    expect(first.postings[0]).toMatchObject({
      externalId: `${server.origin}/careers-html/acme/jobs/acme-job-1`,
      title: 'Senior Backend Engineer',
      locations: ['Remote - US'],
      department: 'Engineering',
      descriptionHtml:
        '<p>Sample posting: build our APIs &amp; data pipelines.</p><ul><li>Go</li><li>Postgres</li></ul>',
    });

    const before = server.requests.length;
    const second = await fetchBoard(http, careers, first.validators);
    expect(second).toMatchObject({ status: 'not_modified', requests: 1 });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/careers-html/acme/']);
  });

  it('reads only the careers page without detail selectors', async () => {
    const board = sampleBoard('html', 'acme', 2);
    server = await startSampleServer(renderer, board);
    const { detail: _detail, ...listOnly } = SAMPLE_HTML_SELECTORS;
    const result = await fetchBoard(
      http,
      source({ ...listOnly }, renderer.careersUrl({ ...board, origin: server.origin })),
      null,
    );
    if (result.status !== 'ok') throw new Error('expected ok');
    expect(result).toMatchObject({ requests: 1 });
    expect(result.postings.map((p) => p.descriptionHtml)).toEqual([null, null]);
  });
});
