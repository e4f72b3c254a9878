/**
 * A Greenhouse Job Board API stand-in for pipeline tests: a real node:http server on 127.0.0.1 that
 * serves `GET /v1/boards/{token}/jobs` from boards the test sets, with ETags (304 on If-None-Match),
 * forced failures, and a slow mode that trickles the body out.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestJob {
  id: number;
  title: string;
  location?: string;
  content?: string;
  url?: string;
  department?: string;
}

export interface BoardBehaviour {
  /** Answer every request with this status instead of the board. */
  failWith?: number;
  /** Send the body in this many chunks, `chunkDelayMs` apart. */
  chunks?: number;
  chunkDelayMs?: number;
}

export interface GreenhouseServer {
  origin: string;
  setBoard(token: string, jobs: TestJob[], behaviour?: BoardBehaviour): void;
  /** Requests received per token. */
  requests(token: string): number;
  /** Resolves once the server has written half of a slow body (for kill tests). */
  halfSent(): Promise<void>;
  close(): Promise<void>;
}

/** A Greenhouse-shaped job, escaped the way Greenhouse escapes content. */
export function greenhouseJob(job: TestJob, token: string) {
  return {
    id: job.id,
    internal_job_id: job.id + 1,
    title: job.title,
    absolute_url: job.url ?? `https://boards.greenhouse.io/${token}/jobs/${job.id}?gh_src=abc`,
    location: { name: job.location ?? 'Remote - US' },
    updated_at: '2025-01-15T10:00:00-05:00',
    first_published: '2025-01-10T10:00:00-05:00',
    requisition_id: null,
    company_name: 'Test Co',
    language: 'en',
    content: (job.content ?? '<p>Build things with TypeScript and Postgres.</p>')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;'),
    departments: [{ id: 1, name: job.department ?? 'Engineering', parent_id: null }],
    offices: [],
    metadata: [],
  };
}

/** Jobs 1..count with distinct titles. */
export function manyJobs(count: number, firstId = 1, titlePrefix = 'Engineer'): TestJob[] {
  return Array.from({ length: count }, (_, i) => ({
    id: firstId + i,
    title: `${titlePrefix} ${firstId + i}`,
    content: `<p>Role ${firstId + i}: work on our platform with TypeScript, React and PostgreSQL. ${'Details. '.repeat(40)}</p>`,
  }));
}

export async function startGreenhouseServer(): Promise<GreenhouseServer> {
  const boards = new Map<string, { body: string; etag: string; behaviour: BoardBehaviour }>();
  const counts = new Map<string, number>();
  let halfWaiters: (() => void)[] = [];

  const server: Server = createServer((request, response) => {
    const match = /^\/v1\/boards\/([^/]+)\/jobs$/.exec(new URL(request.url ?? '/', 'http://x').pathname);
    const token = match ? decodeURIComponent(match[1]!) : null;
    const board = token ? boards.get(token) : undefined;
    if (!token || !board) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"status":404}');
      return;
    }
    counts.set(token, (counts.get(token) ?? 0) + 1);
    if (board.behaviour.failWith) {
      response.writeHead(board.behaviour.failWith, { 'content-type': 'text/plain' }).end('boom');
      return;
    }
    if (request.headers['if-none-match'] === board.etag) {
      response.writeHead(304, { etag: board.etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: board.etag });
    const chunks = board.behaviour.chunks ?? 1;
    if (chunks <= 1) {
      response.end(board.body);
      return;
    }
    const size = Math.ceil(board.body.length / chunks);
    let index = 0;
    const timer = setInterval(() => {
      if (response.destroyed) return clearInterval(timer);
      response.write(board.body.slice(index * size, (index + 1) * size));
      index++;
      if (index === Math.floor(chunks / 2)) {
        for (const resolve of halfWaiters) resolve();
        halfWaiters = [];
      }
      if (index >= chunks) {
        clearInterval(timer);
        response.end();
      }
    }, board.behaviour.chunkDelayMs ?? 50);
    response.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    setBoard(token, jobs, behaviour = {}) {
      const body = JSON.stringify({
        jobs: jobs.map((job) => greenhouseJob(job, token)),
        meta: { total: jobs.length },
      });
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      boards.set(token, { body, etag, behaviour });
    },
    requests: (token) => counts.get(token) ?? 0,
    halfSent: () => new Promise<void>((resolve) => halfWaiters.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
