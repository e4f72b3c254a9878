import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { env } from '../../lib/env';
import { fetchBoard as fetchBreezy } from '../ats/breezy/client';
import { fetchBoard as fetchGreenhouse } from '../ats/greenhouse/client';
import { SAMPLE_HTML_SELECTORS } from '../ats/html/sample';
import { fetchBoard as fetchLever } from '../ats/lever/client';
import { fetchBoard as fetchRecruitee } from '../ats/recruitee/client';
import { HttpClient } from '../http';
import { getAdapter, getSampleRenderer } from '../registry';
import { SOURCE_KINDS, type SourceRef } from '../types';
import { demoBoards, sandboxBoards } from './data';
import { etagMatches, routeRequest, sandboxOriginOverrides, startSandbox, type Sandbox } from './server';
import type { SampleBoard } from './types';

const NOW = new Date('2026-03-15T00:00:00Z');

/** The source a company would configure for a sandbox board. */
function sourceFor(board: SampleBoard): SourceRef {
  if (board.kind === 'jsonld')
    return { kind: 'jsonld', token: null, url: getSampleRenderer('jsonld').careersUrl(board), config: {} };
  if (board.kind === 'html') {
    return {
      kind: 'html',
      token: null,
      url: getSampleRenderer('html').careersUrl(board),
      config: SAMPLE_HTML_SELECTORS,
    };
  }
  return { kind: board.kind, token: board.token, url: null, config: {} };
}

/** GET with node:http: fetch() may not set the Host header, which is how overrides name the real host. */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('sandboxOriginOverrides', () => {
  it('points every hosted ATS kind at the sandbox and leaves page kinds alone', () => {
    const overrides = sandboxOriginOverrides('http://127.0.0.1:4010/');
    expect(overrides['ELSEWHERE_ORIGIN_GREENHOUSE']).toBe('http://127.0.0.1:4010');
    expect(overrides['ELSEWHERE_ORIGIN_SMARTRECRUITERS']).toBe('http://127.0.0.1:4010');
    expect(Object.keys(overrides)).toHaveLength(SOURCE_KINDS.length - 2);
    expect(overrides).not.toHaveProperty('ELSEWHERE_ORIGIN_JSONLD');
    expect(overrides).not.toHaveProperty('ELSEWHERE_ORIGIN_HTML');
  });
});

describe('routeRequest', () => {
  it.each([
    ['boards-api.greenhouse.io', '/v1/boards/acme/jobs', { kind: 'greenhouse', token: 'acme' }],
    [
      'boards-api.eu.greenhouse.io:443',
      '/v1/boards/hotjar/jobs/123',
      { kind: 'greenhouse', token: 'hotjar' },
    ],
    ['api.lever.co', '/v0/postings/acme/5f1c', { kind: 'lever', token: 'acme' }],
    ['api.ashbyhq.com', '/posting-api/job-board/duck-duck-go', { kind: 'ashby', token: 'duck-duck-go' }],
    ['apply.workable.com', '/api/v1/widget/accounts/doist', { kind: 'workable', token: 'doist' }],
    ['api.smartrecruiters.com', '/v1/companies/Acme/postings', { kind: 'smartrecruiters', token: 'Acme' }],
    ['Acme.Recruitee.com', '/api/offers/', { kind: 'recruitee', token: 'acme' }],
    ['acme.jobs.personio.com', '/xml', { kind: 'personio', token: 'acme' }],
    ['acme.bamboohr.com', '/careers/list', { kind: 'bamboohr', token: 'acme' }],
    ['acme.teamtailor.com', '/jobs.rss', { kind: 'teamtailor', token: 'acme' }],
    ['acme.breezy.hr', '/json', { kind: 'breezy', token: 'acme' }],
    ['127.0.0.1:4010', '/careers/meridian-sample/jobs/x', { kind: 'jsonld', token: 'meridian-sample' }],
    ['127.0.0.1:4010', '/careers-html/atlas-sample/', { kind: 'html', token: 'atlas-sample' }],
  ])('routes %s%s to its board', (host, path, expected) => {
    expect(routeRequest(host, path)).toEqual(expected);
  });

  it.each([
    ['boards-api.greenhouse.io', '/v2/other'],
    ['a.b.recruitee.com', '/api/offers/'],
    ['127.0.0.1:4010', '/'],
    ['example.com', '/careers'],
  ])('routes %s%s nowhere', (host, path) => {
    expect(routeRequest(host, path)).toBeNull();
  });
});

describe('etagMatches', () => {
  it.each([
    ['"abc"', '"abc"', true],
    ['W/"abc"', '"abc"', true],
    ['"x", "abc"', '"abc"', true],
    ['*', '"abc"', true],
    ['"abd"', '"abc"', false],
    [undefined, '"abc"', false],
  ])('If-None-Match %s against %s is %s', (header, etag, expected) => {
    expect(etagMatches(header, etag)).toBe(expected);
  });
});

describe('startSandbox with the demo boards', () => {
  let sandbox: Sandbox;
  let http: HttpClient;

  beforeAll(async () => {
    sandbox = await startSandbox({ boards: demoBoards('http://placeholder.invalid', NOW) });
    // Adapters read the overrides from the environment, exactly as `npm run demo` configures them.
    for (const [name, value] of Object.entries(sandboxOriginOverrides(sandbox.origin)))
      vi.stubEnv(name, value);
    http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await http.close();
    await sandbox.close();
  });

  it('serves every kind through the real adapters with every posting', async () => {
    expect(env().originOverrides['greenhouse']).toBe(sandbox.origin);
    expect(new Set(sandbox.boards.map((board) => board.kind))).toEqual(new Set(SOURCE_KINDS));
    for (const board of sandbox.boards) {
      const result = await getAdapter(board.kind).fetchBoard(http, sourceFor(board), null);
      expect(result.status, board.kind).toBe('ok');
      if (result.status !== 'ok') continue;
      expect(result.postings, board.kind).toHaveLength(board.jobs.length);
      expect(new Set(result.postings.map((posting) => posting.externalId)).size, board.kind).toBe(
        board.jobs.length,
      );
      expect(result.postings.map((posting) => posting.title).sort(), board.kind).toEqual(
        board.jobs.map((job) => job.title).sort(),
      );
    }
  });

  it('rewrites the boards to its own origin', () => {
    expect(sandbox.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.boards.every((board) => board.origin === sandbox.origin)).toBe(true);
  });

  it('answers an unchanged board with 304 to If-None-Match', async () => {
    const url = `${sandbox.origin}/v1/boards/northwind-sample/jobs?content=true`;
    const headers = { host: 'boards-api.greenhouse.io' };
    const first = await get(url, headers);
    const etag = String(first.headers['etag']);
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^".+"$/);
    const second = await get(url, { ...headers, 'if-none-match': etag });
    expect(second.status).toBe(304);
    expect(second.body).toBe('');
    const changed = await get(url, { ...headers, 'if-none-match': '"something-else"' });
    expect(changed.status).toBe(200);
  });

  it('lets an adapter skip an unchanged board by its validators', async () => {
    const board = sandbox.boards.find((candidate) => candidate.kind === 'ashby')!;
    const first = await getAdapter('ashby').fetchBoard(http, sourceFor(board), null);
    const second = await getAdapter('ashby').fetchBoard(http, sourceFor(board), first.validators);
    expect(first.validators.etag).not.toBeNull();
    expect(second.status).toBe('not_modified');
  });

  it('answers unknown boards and paths with a 404 JSON body', async () => {
    const unknownBoard = await get(`${sandbox.origin}/v1/boards/nobody/jobs`, {
      host: 'boards-api.greenhouse.io',
    });
    expect(unknownBoard.status).toBe(404);
    expect(unknownBoard.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(unknownBoard.body)).toMatchObject({ error: 'not_found' });
    const unknownPath = await get(`${sandbox.origin}/nothing/here`);
    expect(unknownPath.status).toBe(404);
  });

  it('lists the sample boards on its index page', async () => {
    const page = await fetch(`${sandbox.origin}/`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Elsewhere sandbox — sample data');
    expect(html).toContain('Orchard &amp; Finch (sample)');
    for (const board of sandbox.boards) expect(html).toContain(board.token);
    const json = (await (await fetch(`${sandbox.origin}/boards.json`)).json()) as { boards: unknown[] };
    expect(json.boards).toHaveLength(sandbox.boards.length);
  });

  it('allows crawling in robots.txt', async () => {
    const robots = await fetch(`${sandbox.origin}/robots.txt`);
    expect(await robots.text()).toContain('Allow: /');
  });
});

describe('startSandbox at scale', () => {
  it('serves 1,000 boards of 50 jobs, routing each request to its own board', async () => {
    const boards = sandboxBoards({
      origin: 'http://placeholder.invalid',
      boards: 1000,
      jobsPerBoard: 50,
      now: NOW,
    });
    const sandbox = await startSandbox({ boards });
    const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
    try {
      // Explicit overrides: env() already holds the demo sandbox's origin from the tests above.
      const overrides = Object.fromEntries(SOURCE_KINDS.map((kind) => [kind, sandbox.origin]));
      const clients = {
        greenhouse: fetchGreenhouse,
        lever: fetchLever,
        recruitee: fetchRecruitee,
        breezy: fetchBreezy,
      } as const;
      // The last board of each kind: routing must find it among 1,000 without trying the others.
      for (const [kind, fetchBoard] of Object.entries(clients)) {
        const board = sandbox.boards.findLast((candidate) => candidate.kind === kind)!;
        const result = await fetchBoard(http, sourceFor(board), null, overrides);
        expect(result.status === 'ok' && result.postings.length, kind).toBe(50);
      }
    } finally {
      await http.close();
      await sandbox.close();
    }
  });

  it('refuses two boards with the same kind and token', async () => {
    const [board] = demoBoards('http://placeholder.invalid', NOW);
    await expect(startSandbox({ boards: [board!, { ...board! }] })).rejects.toThrow(/share kind greenhouse/);
  });
});
