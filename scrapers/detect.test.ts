import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sampleBoard, startSampleServer, type SampleServer } from './ats/test-support';
import { detectSource, detectSourceFromPage, detectSourceFromUrl, type DetectedSource } from './detect';
import { HttpClient } from './http';
import type { SampleRenderer } from './sandbox/types';

describe('detectSourceFromUrl', () => {
  it.each<[string, DetectedSource | null]>([
    // Greenhouse, US and EU, board and embed URLs.
    ['https://boards.greenhouse.io/gitlab', { kind: 'greenhouse', token: 'gitlab' }],
    ['https://boards.greenhouse.io/gitlab/jobs/7654321?gh_src=abc', { kind: 'greenhouse', token: 'gitlab' }],
    ['boards.greenhouse.io/automatticcareers', { kind: 'greenhouse', token: 'automatticcareers' }],
    ['https://job-boards.greenhouse.io/vercel', { kind: 'greenhouse', token: 'vercel' }],
    ['https://www.boards.greenhouse.io/elastic/', { kind: 'greenhouse', token: 'elastic' }],
    [
      'https://job-boards.eu.greenhouse.io/hotjar/jobs/123',
      {
        kind: 'greenhouse',
        token: 'hotjar',
        url: 'https://job-boards.eu.greenhouse.io/hotjar',
        config: { region: 'eu' },
      },
    ],
    [
      'https://boards.eu.greenhouse.io/hotjar',
      {
        kind: 'greenhouse',
        token: 'hotjar',
        url: 'https://job-boards.eu.greenhouse.io/hotjar',
        config: { region: 'eu' },
      },
    ],
    ['https://boards.greenhouse.io/embed/job_board/js?for=mozilla', { kind: 'greenhouse', token: 'mozilla' }],
    [
      'https://job-boards.greenhouse.io/embed/job_board?for=canonical&b=x',
      { kind: 'greenhouse', token: 'canonical' },
    ],
    [
      'https://boards-api.greenhouse.io/v1/boards/wikimedia/jobs?content=true',
      { kind: 'greenhouse', token: 'wikimedia' },
    ],
    ['https://boards.greenhouse.io/embed/job_board', null],
    ['https://boards.greenhouse.io/', null],
    // Lever, Ashby, Workable, SmartRecruiters: token in the path.
    ['https://jobs.lever.co/leverdemo', { kind: 'lever', token: 'leverdemo' }],
    [
      'https://jobs.lever.co/leverdemo/5ac21346-8e0c-4494-8e7a-3eb92ff77902/apply',
      { kind: 'lever', token: 'leverdemo' },
    ],
    [
      'https://jobs.eu.lever.co/acme',
      { kind: 'lever', token: 'acme', url: 'https://jobs.eu.lever.co/acme', config: { region: 'eu' } },
    ],
    ['https://jobs.ashbyhq.com/buffer', { kind: 'ashby', token: 'buffer' }],
    [
      'https://jobs.ashbyhq.com/duck-duck-go/2f6a0c6e-1234?utm_source=x',
      { kind: 'ashby', token: 'duck-duck-go' },
    ],
    ['https://apply.workable.com/doist/', { kind: 'workable', token: 'doist' }],
    ['https://apply.workable.com/j/3F2A1B9C0D', null],
    ['https://careers.smartrecruiters.com/ABOUTYOUGmbH', { kind: 'smartrecruiters', token: 'ABOUTYOUGmbH' }],
    [
      'https://jobs.smartrecruiters.com/Experian/744000012345678-engineer',
      { kind: 'smartrecruiters', token: 'Experian' },
    ],
    // Token in the subdomain.
    ['https://acme.recruitee.com/', { kind: 'recruitee', token: 'acme' }],
    ['https://acme.recruitee.com/o/backend-engineer', { kind: 'recruitee', token: 'acme' }],
    ['https://acme.jobs.personio.de/', { kind: 'personio', token: 'acme' }],
    ['https://acme.jobs.personio.de/job/1834171?language=en', { kind: 'personio', token: 'acme' }],
    [
      'https://acme.jobs.personio.com',
      { kind: 'personio', token: 'acme', url: 'https://acme.jobs.personio.com/', config: { domain: 'com' } },
    ],
    ['https://acme.bamboohr.com/careers', { kind: 'bamboohr', token: 'acme' }],
    ['https://acme.bamboohr.com/jobs/', { kind: 'bamboohr', token: 'acme' }],
    ['https://acme.bamboohr.com/careers/41', { kind: 'bamboohr', token: 'acme' }],
    [
      'https://acme.teamtailor.com/jobs',
      { kind: 'teamtailor', token: 'acme', url: 'https://acme.teamtailor.com/' },
    ],
    [
      'https://mentimeter.career.teamtailor.com/jobs',
      { kind: 'teamtailor', token: 'mentimeter', url: 'https://mentimeter.career.teamtailor.com/' },
    ],
    ['https://acme.breezy.hr/', { kind: 'breezy', token: 'acme' }],
    ['https://acme.breezy.hr/p/18df3ec23bf9-integration-developer', { kind: 'breezy', token: 'acme' }],
    ['HTTPS://ACME.BREEZY.HR', { kind: 'breezy', token: 'acme' }],
    // Vendors' own sites and everything else.
    ['https://www.bamboohr.com/pricing', null],
    ['https://www.teamtailor.com/en/', null],
    ['https://app.recruitee.com/', null],
    ['https://assets-cdn.breezy.hr/x.js', null],
    ['https://about.gitlab.com/jobs/', null],
    ['ftp://boards.greenhouse.io/gitlab', null],
    ['not a url at all', null],
    ['', null],
  ])('%s', (url, expected) => {
    expect(detectSourceFromUrl(url)).toEqual(expected);
  });
});

describe('detectSourceFromPage', () => {
  const PAGE = 'https://acme.example/careers';

  it.each<[string, string, DetectedSource | null]>([
    [
      'the Greenhouse embed script',
      '<div id="grnhse_app"></div><script src="https://boards.greenhouse.io/embed/job_board/js?for=gitlab"></script>',
      { kind: 'greenhouse', token: 'gitlab' },
    ],
    [
      'a Greenhouse embed iframe',
      '<iframe src="https://job-boards.greenhouse.io/embed/job_board?for=elastic"></iframe>',
      { kind: 'greenhouse', token: 'elastic' },
    ],
    [
      'an Ashby iframe',
      '<iframe src="//jobs.ashbyhq.com/posthog/embed"></iframe>',
      { kind: 'ashby', token: 'posthog' },
    ],
    [
      'links to a Lever board',
      '<a href="https://jobs.lever.co/acme/1">Engineer</a><a href="https://jobs.lever.co/acme/2">Designer</a>',
      { kind: 'lever', token: 'acme' },
    ],
    [
      'the most linked board over a partner link',
      '<a href="https://apply.workable.com/partner/">Partner jobs</a>' +
        '<a href="https://acme.bamboohr.com/careers/1">A</a><a href="https://acme.bamboohr.com/careers/2">B</a>',
      { kind: 'bamboohr', token: 'acme' },
    ],
    [
      'a board embed over links elsewhere',
      '<a href="https://jobs.lever.co/old">Old board</a><script src="https://boards.greenhouse.io/embed/job_board/js?for=new"></script>',
      { kind: 'greenhouse', token: 'new' },
    ],
    [
      'JobPosting JSON-LD',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Engineer"}</script>',
      { kind: 'jsonld', token: null, url: PAGE },
    ],
    [
      'a "Powered by" link to a vendor site only',
      '<a href="https://www.breezy.hr/">Powered by Breezy</a><a href="/about">About</a>',
      null,
    ],
    ['nothing', '<h1>We are not hiring</h1>', null],
  ])('finds %s', (_name, html, expected) => {
    expect(detectSourceFromPage(PAGE, html)).toEqual(expected);
  });
});

describe('detectSource', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  const PAGES: Record<string, string> = {
    '/embedded':
      '<h1>Jobs</h1><script src="https://boards.greenhouse.io/embed/job_board/js?for=gitlab"></script>',
    '/marked-up':
      '<script type="application/ld+json">[{"@type":"JobPosting","title":"A"},{"@type":"JobPosting","title":"B"}]</script>',
    '/careers/': '<ul><li><a href="/careers/jobs/1">Engineer</a></li></ul>',
    '/careers/jobs/1':
      '<script type="application/ld+json">{"@type":"JobPosting","title":"Engineer"}</script>',
    '/nothing': '<h1>No jobs</h1><a href="/careers-old/">Old</a>',
  };
  const site: SampleRenderer = {
    kind: 'html',
    respond: (_board, request) =>
      PAGES[request.path] === undefined
        ? null
        : {
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: `<html><body>${PAGES[request.path]}</body></html>`,
          },
    careersUrl: () => '/',
  };

  it('detects a board URL without fetching it', async () => {
    const detection = await detectSource(http, 'https://boards.greenhouse.io/gitlab');
    expect(detection).toEqual({
      source: { kind: 'greenhouse', token: 'gitlab' },
      description: "Found a Greenhouse board 'gitlab' at https://boards.greenhouse.io/gitlab",
    });
  });

  it('finds a board embedded in a careers page, and says so', async () => {
    server = await startSampleServer(site, sampleBoard('html', 'site', 0));
    const detection = await detectSource(http, `${server.origin}/embedded`);
    expect(detection).toEqual({
      source: { kind: 'greenhouse', token: 'gitlab' },
      description: `Found a Greenhouse board 'gitlab' embedded in ${server.origin}/embedded`,
    });
  });

  it('finds JobPosting JSON-LD on the page', async () => {
    server = await startSampleServer(site, sampleBoard('html', 'site', 0));
    const detection = await detectSource(http, `${server.origin}/marked-up`);
    expect(detection).toEqual({
      source: { kind: 'jsonld', token: null, url: `${server.origin}/marked-up` },
      description: `Found 2 JobPosting entries (schema.org JSON-LD) on ${server.origin}/marked-up`,
    });
  });

  it('finds JobPosting JSON-LD on the job pages a careers page links to', async () => {
    server = await startSampleServer(site, sampleBoard('html', 'site', 0));
    const detection = await detectSource(http, `${server.origin}/careers/`);
    expect(detection.source).toEqual({ kind: 'jsonld', token: null, url: `${server.origin}/careers/` });
    expect(detection.description).toContain(`${server.origin}/careers/jobs/1`);
  });

  it('says when it finds nothing', async () => {
    server = await startSampleServer(site, sampleBoard('html', 'site', 0));
    const detection = await detectSource(http, `${server.origin}/nothing`);
    expect(detection).toEqual({
      source: null,
      description: `Found no known job board or JobPosting data on ${server.origin}/nothing`,
    });
  });
});
