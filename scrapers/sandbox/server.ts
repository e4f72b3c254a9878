/**
 * The offline sandbox: one node:http server answering for every sample board at the real request paths.
 *
 * Adapters reach it through origin overrides (`ELSEWHERE_ORIGIN_<KIND>`, see `sandboxOriginOverrides`):
 * the request keeps the real path and carries the real host in its Host header, so the server can tell
 * `acme.recruitee.com` from `boards-api.greenhouse.io` as the real services would. jsonld and html boards
 * are pages on the sandbox's own origin (`/careers/{token}/`, `/careers-html/{token}/`).
 *
 * Built to serve 1,000 boards / 50,000 jobs quickly: a request is routed to one board by kind and token
 * (never offered to every renderer), and rendered answers are cached with their ETag.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml, sampleHost } from '../ats/shared';
import { getSampleRenderer } from '../registry';
import { SOURCE_KINDS, type SourceKind } from '../types';
import type { SampleBoard, SampleRequest, SampleResponse } from './types';

/** Kinds served on their real ATS hosts; jsonld and html boards live on the sandbox's own origin. */
export const HOSTED_KINDS = SOURCE_KINDS.filter((kind) => kind !== 'jsonld' && kind !== 'html');

/**
 * The environment that points every hosted ATS kind at the sandbox: `ELSEWHERE_ORIGIN_GREENHOUSE=<origin>`
 * and so on. jsonld and html sources need none: their URLs are the sandbox's own pages.
 */
export function sandboxOriginOverrides(origin: string): Record<string, string> {
  const normalized = new URL(origin).origin;
  return Object.fromEntries(
    HOSTED_KINDS.map((kind) => [`ELSEWHERE_ORIGIN_${kind.toUpperCase()}`, normalized]),
  );
}

// ---- Routing ------------------------------------------------------------------------------------

/** Which board a request is for, by kind and token; the board's renderer then answers (or not). */
interface Route {
  kind: SourceKind;
  token: string;
}

/** Fixed API hosts: the path segment after `prefix` is the board token. */
const PATH_ROUTES: readonly { hosts: readonly string[]; kind: SourceKind; prefix: RegExp }[] = [
  {
    hosts: ['boards-api.greenhouse.io', 'boards-api.eu.greenhouse.io'],
    kind: 'greenhouse',
    prefix: /^\/v1\/boards\/([^/]+)/,
  },
  { hosts: ['api.lever.co', 'api.eu.lever.co'], kind: 'lever', prefix: /^\/v0\/postings\/([^/]+)/ },
  { hosts: ['api.ashbyhq.com'], kind: 'ashby', prefix: /^\/posting-api\/job-board\/([^/]+)/ },
  { hosts: ['apply.workable.com'], kind: 'workable', prefix: /^\/api\/v1\/widget\/accounts\/([^/]+)/ },
  { hosts: ['api.smartrecruiters.com'], kind: 'smartrecruiters', prefix: /^\/v1\/companies\/([^/]+)/ },
];

/** Per-company hosts: the subdomain before `suffix` is the board token. */
const SUBDOMAIN_ROUTES: readonly { suffix: string; kind: SourceKind }[] = [
  { suffix: '.recruitee.com', kind: 'recruitee' },
  { suffix: '.jobs.personio.de', kind: 'personio' },
  { suffix: '.jobs.personio.com', kind: 'personio' },
  { suffix: '.bamboohr.com', kind: 'bamboohr' },
  { suffix: '.teamtailor.com', kind: 'teamtailor' },
  { suffix: '.breezy.hr', kind: 'breezy' },
];

/** Pages on the sandbox's own origin. */
const OWN_ROUTES: readonly { kind: SourceKind; prefix: RegExp }[] = [
  { kind: 'jsonld', prefix: /^\/careers\/([^/]+)/ },
  { kind: 'html', prefix: /^\/careers-html\/([^/]+)/ },
];

const HOST_ROUTES = new Map(
  PATH_ROUTES.flatMap((route) => route.hosts.map((host) => [host, route] as const)),
);

function segment(match: RegExpExecArray | null): string | null {
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** The board a request is for, or null when no kind's URL scheme matches. Exported for tests. */
export function routeRequest(host: string, path: string): Route | null {
  const hostname = sampleHost(host);
  const byHost = HOST_ROUTES.get(hostname);
  if (byHost) {
    const token = segment(byHost.prefix.exec(path));
    return token ? { kind: byHost.kind, token } : null;
  }
  for (const { suffix, kind } of SUBDOMAIN_ROUTES) {
    if (hostname.endsWith(suffix) && hostname.length > suffix.length) {
      const token = hostname.slice(0, -suffix.length);
      return token.includes('.') ? null : { kind, token };
    }
  }
  for (const { kind, prefix } of OWN_ROUTES) {
    const token = segment(prefix.exec(path));
    if (token) return { kind, token };
  }
  return null;
}

/** Boards are found case-insensitively (hosts are lower case); renderers check the exact token. */
const boardKey = (kind: SourceKind, token: string) => `${kind}\u0000${token.toLowerCase()}`;

// ---- Answer cache -------------------------------------------------------------------------------

/** What the server sends: rendered answers carry an ETag, 404s do not. */
type Answer = SampleResponse & { etag?: string };

interface CachedAnswer extends SampleResponse {
  etag: string;
  bytes: number;
}

/**
 * A byte-bounded LRU of rendered answers. Boards never change while the sandbox runs, so an answer
 * stays valid; the bound only keeps 50,000 job detail pages from living in memory at once.
 */
class AnswerCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Re-insert: Map order is the LRU order.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedAnswer): void {
    if (entry.bytes > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.bytes;
    }
  }
}

function withEtag(answer: SampleResponse): CachedAnswer {
  const bytes = Buffer.byteLength(answer.body);
  const etag = `"${createHash('sha256').update(answer.body).digest('base64url').slice(0, 27)}"`;
  return { ...answer, etag, bytes };
}

/** Whether an If-None-Match header matches an ETag (a list, weak validators and `*` allowed). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}

// ---- Index page ---------------------------------------------------------------------------------

function indexPage(boards: readonly SampleBoard[]): string {
  const rows = boards.map((board) => {
    const careersUrl = getSampleRenderer(board.kind).careersUrl(board);
    return (
      `<tr><td>${escapeHtml(board.kind)}</td><td><code>${escapeHtml(board.token)}</code></td>` +
      `<td>${escapeHtml(board.companyName)}</td><td>${board.jobs.length}</td>` +
      `<td><a href="${escapeHtml(careersUrl)}">${escapeHtml(careersUrl)}</a></td></tr>`
    );
  });
  const jobs = boards.reduce((total, board) => total + board.jobs.length, 0);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>Elsewhere sandbox — sample data</title>',
    '<meta name="robots" content="noindex">',
    '<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:72rem}',
    'table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.25rem .75rem;border-bottom:1px solid #ddd}</style>',
    '</head>',
    '<body>',
    '<h1>Elsewhere sandbox — sample data</h1>',
    `<p>${boards.length} sample boards, ${jobs} sample jobs. Every company and job here is made up. ` +
      'ATS boards answer at their real API paths when requested through <code>ELSEWHERE_ORIGIN_&lt;KIND&gt;</code> ' +
      'overrides (the Host header names the real ATS host); jsonld and html boards are pages on this origin. ' +
      'The list as JSON: <a href="/boards.json">/boards.json</a>.</p>',
    '<table><thead><tr><th>Kind</th><th>Token</th><th>Company</th><th>Jobs</th><th>Careers URL</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody></table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function boardsJson(boards: readonly SampleBoard[]): string {
  return JSON.stringify({
    notice: 'Elsewhere sandbox: sample data, not real companies or jobs.',
    boards: boards.map((board) => ({
      kind: board.kind,
      token: board.token,
      companyName: board.companyName,
      jobs: board.jobs.length,
      careersUrl: getSampleRenderer(board.kind).careersUrl(board),
    })),
  });
}

// ---- Server -------------------------------------------------------------------------------------

/** Options of `startSandbox`. */
export interface SandboxOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. Keep it on loopback: the sandbox is for this machine. @default '127.0.0.1' */
  host?: string;
  /**
   * The boards to serve (`demoBoards(...)`, `sandboxBoards(...)`). Their `origin` is replaced by the
   * sandbox's actual origin, which is only known once it listens (port 0).
   */
  boards: readonly SampleBoard[];
  /** One line per request ("GET 200 boards-api.greenhouse.io/v1/boards/acme/jobs"). @default silent */
  log?: (line: string) => void;
  /** Bytes of rendered answers kept in memory. @default 64 MiB */
  cacheBytes?: number;
}

/** A running sandbox. */
export interface Sandbox {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** The boards served, with `origin` set to the sandbox's. */
  boards: SampleBoard[];
  /** Stop listening and drop open connections. */
  close(): Promise<void>;
}

/** Largest request body read (the sample APIs are all GETs; this only bounds misuse). */
const MAX_REQUEST_BODY = 64 * 1024;

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      request.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BODY) chunks.push(chunk);
    });
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? (JSON.parse(text) as unknown) : null);
      } catch {
        resolve(text);
      }
    });
    request.on('error', () => resolve(null));
  });
}

function send(response: ServerResponse, method: string, answer: Answer): void {
  const headers: Record<string, string> = {
    'content-type': answer.contentType,
    'content-length': String(Buffer.byteLength(answer.body)),
    'cache-control': 'no-cache',
  };
  if (answer.etag) headers['etag'] = answer.etag;
  response.writeHead(answer.status, headers);
  response.end(method === 'HEAD' ? undefined : answer.body);
}

function notFound(host: string, path: string): Answer {
  return {
    status: 404,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({
      error: 'not_found',
      message: `No sample board answers ${sampleHost(host)}${path}. See / for the boards this sandbox serves.`,
    }),
  };
}

/**
 * Start the sandbox on `host:port` serving `boards`. Every answer carries an ETag (a hash of its body);
 * a matching If-None-Match gets a 304. Unknown paths get a 404 JSON body. `/` lists the boards,
 * `/boards.json` lists them as JSON, `/robots.txt` allows everything.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const listenHost = options.host ?? '127.0.0.1';
  const cache = new AnswerCache(options.cacheBytes ?? 64 * 1024 * 1024);
  const seen = new Set<string>();
  for (const board of options.boards) {
    const key = boardKey(board.kind, board.token);
    if (seen.has(key))
      throw new Error(`Two sample boards share kind ${board.kind} and token "${board.token}"`);
    seen.add(key);
  }
  // Filled once listening, when the origin (and so the boards' absolute URLs) is known.
  const index = new Map<string, SampleBoard>();
  let boards: SampleBoard[] = [];
  let ownPages = new Map<string, CachedAnswer>();

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      options.log?.(`sandbox error: ${error instanceof Error ? error.message : String(error)}`);
      if (response.headersSent) response.destroy();
      else
        send(response, 'GET', {
          status: 500,
          contentType: 'application/json; charset=utf-8',
          body: JSON.stringify({ error: 'internal', message: 'The sandbox failed to render this answer.' }),
        });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const host = request.headers.host ?? '';
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    const body = await readBody(request);
    const answer = answerFor(method, host, url, body);
    options.log?.(`${method} ${answer.status} ${sampleHost(host)}${url.pathname}${url.search}`);
    if (answer.etag && answer.status === 200 && etagMatches(request.headers['if-none-match'], answer.etag)) {
      response.writeHead(304, { etag: answer.etag, 'cache-control': 'no-cache' });
      response.end();
      return;
    }
    send(response, method, answer);
  }

  function answerFor(method: string, host: string, url: URL, body: unknown): Answer {
    // HEAD is answered as GET without a body, as HTTP requires.
    const renderMethod = method === 'HEAD' ? 'GET' : method;
    const route = routeRequest(host, url.pathname);
    if (!route) {
      const own = renderMethod === 'GET' ? ownPages.get(url.pathname) : undefined;
      return own ?? notFound(host, url.pathname);
    }
    const board = index.get(boardKey(route.kind, route.token));
    if (!board) return notFound(host, url.pathname);
    // Sorted query, so ?a=1&b=2 and ?b=2&a=1 share an entry.
    const query = new URLSearchParams(url.searchParams);
    query.sort();
    const cacheable = renderMethod === 'GET';
    const key = `${route.kind} ${board.token} ${sampleHost(host)} ${url.pathname}?${query.toString()}`;
    if (cacheable) {
      const cached = cache.get(key);
      if (cached) return cached;
    }
    const sampleRequest: SampleRequest = {
      method: renderMethod,
      host,
      path: url.pathname,
      query: url.searchParams,
      body,
    };
    const rendered = getSampleRenderer(route.kind).respond(board, sampleRequest);
    if (!rendered) return notFound(host, url.pathname);
    const answer = withEtag(rendered);
    if (cacheable) cache.set(key, answer);
    return answer;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, listenHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // A wildcard address is not somewhere to connect to; loopback reaches it from this machine.
  const connectHost =
    listenHost === '0.0.0.0' || listenHost === '::'
      ? '127.0.0.1'
      : listenHost.includes(':')
        ? `[${listenHost}]`
        : listenHost;
  const origin = `http://${connectHost}:${port}`;

  boards = options.boards.map((board) => ({ ...board, origin }));
  for (const board of boards) index.set(boardKey(board.kind, board.token), board);
  ownPages = new Map([
    ['/', withEtag({ status: 200, contentType: 'text/html; charset=utf-8', body: indexPage(boards) })],
    [
      '/boards.json',
      withEtag({ status: 200, contentType: 'application/json; charset=utf-8', body: boardsJson(boards) }),
    ],
    [
      '/robots.txt',
      withEtag({ status: 200, contentType: 'text/plain; charset=utf-8', body: 'User-agent: *\nAllow: /\n' }),
    ],
  ]);

  return {
    origin,
    port,
    boards,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (undici keeps them) would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
