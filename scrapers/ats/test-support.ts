/**
 * Test support for the adapter tests: sample boards and a real node:http server on 127.0.0.1 that
 * answers with a kind's sample renderer, as the sandbox does, optionally with ETags and 304s.
 * Not a test file itself; imported by `<kind>/<kind>.test.ts`.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SampleBoard, SampleJob, SampleRenderer } from '../sandbox/types';
import type { SourceKind } from '../types';

const VARIANTS: Omit<SampleJob, 'id' | 'postedAt'>[] = [
  {
    title: 'Senior Backend Engineer',
    department: 'Engineering',
    team: 'Platform',
    location: 'Remote - US',
    workplace: 'remote',
    countryCode: 'US',
    city: null,
    employmentType: 'full-time',
    salary: { min: 140_000, max: 175_000, currency: 'USD', period: 'year' },
    descriptionHtml:
      '<p>Sample posting: build our APIs &amp; data pipelines.</p><ul><li>Go</li><li>Postgres</li></ul>',
  },
  {
    title: 'Product Designer',
    department: 'Design',
    team: null,
    location: 'Remote (EMEA)',
    workplace: 'remote',
    countryCode: null,
    city: null,
    employmentType: 'contract',
    salary: null,
    descriptionHtml: '<p>Sample posting: design the product.</p>',
  },
  {
    title: 'Customer Support Specialist',
    department: 'Support',
    team: 'Tier 1',
    location: 'Berlin, Germany',
    workplace: 'hybrid',
    countryCode: 'DE',
    city: 'Berlin',
    employmentType: 'part-time',
    salary: { min: 25, max: 32, currency: 'EUR', period: 'hour' },
    descriptionHtml: '<p>Sample posting: help our customers.</p>',
  },
  {
    title: 'Office Coordinator',
    department: 'Operations',
    team: null,
    location: 'Toronto, Canada',
    workplace: 'onsite',
    countryCode: 'CA',
    city: 'Toronto',
    employmentType: 'temporary',
    salary: { min: 4_000, max: 5_000, currency: 'CAD', period: 'month' },
    descriptionHtml: '<p>Sample posting: run the office.</p>',
  },
];

/** A sample board of `count` jobs cycling through four varied variants (remote US, EMEA, hybrid, on-site). */
export function sampleBoard(kind: SourceKind, token: string, count = VARIANTS.length): SampleBoard {
  const jobs = Array.from({ length: count }, (_, index): SampleJob => {
    const variant = VARIANTS[index % VARIANTS.length]!;
    return {
      ...variant,
      id: `${token}-job-${index + 1}`,
      title: index < VARIANTS.length ? variant.title : `${variant.title} #${index + 1}`,
      postedAt: new Date(Date.UTC(2024, 0, 1 + index, 9, 30)).toISOString(),
    };
  });
  return { kind, token, companyName: 'Acme (sample)', origin: 'http://127.0.0.1', jobs };
}

export interface RecordedRequest {
  method: string;
  host: string;
  path: string;
  query: URLSearchParams;
  ifNoneMatch: string | null;
}

export interface SampleServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Serve `board` through `renderer` on 127.0.0.1. With `etag`, responses carry an ETag of their body
 * and a matching If-None-Match gets a 304, as ATS CDNs do. Unrouted requests get a 404.
 */
export async function startSampleServer(
  renderer: SampleRenderer,
  board: SampleBoard,
  options: { etag?: boolean } = {},
): Promise<SampleServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://placeholder');
    const ifNoneMatch = incoming.headers['if-none-match'] ?? null;
    const host = incoming.headers.host ?? '';
    requests.push({
      method: incoming.method ?? 'GET',
      host,
      path: url.pathname,
      query: url.searchParams,
      ifNoneMatch,
    });
    const answer = renderer.respond(board, {
      method: incoming.method ?? 'GET',
      host,
      path: url.pathname,
      query: url.searchParams,
      body: null,
    });
    if (!answer) {
      outgoing.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': answer.contentType };
    if (options.etag) {
      headers['etag'] = `"${createHash('sha256').update(answer.body).digest('hex').slice(0, 20)}"`;
      if (ifNoneMatch === headers['etag']) {
        outgoing.writeHead(304, { etag: headers['etag'] }).end();
        return;
      }
    }
    outgoing.writeHead(answer.status, headers).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
