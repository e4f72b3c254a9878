import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../lib/env';
import {
  createHttpFromEnv,
  HttpClient,
  HttpError,
  InvalidResponseError,
  NonRetryableError,
  type HttpClientOptions,
} from './http';

const servers: http.Server[] = [];
const clients: HttpClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** A real server on 127.0.0.1 that records every request it receives. */
async function serve(handler: http.RequestListener) {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests };
}

/** A client for local test servers: private hosts allowed, tiny backoff. */
function client(options: HttpClientOptions = {}) {
  const created = new HttpClient({ allowPrivateHosts: true, retryBaseDelayMs: 5, ...options });
  clients.push(created);
  return created;
}

function bodyOf(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
  });
}

describe('HttpClient timeouts', () => {
  it('gives up when the response headers do not arrive in time', async () => {
    const server = await serve(() => {
      // Never answer.
    });
    const http = client({ timeouts: { headersMs: 100 }, maxRequestRetries: 1 });
    const error = await http.request(`${server.origin}/slow`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(NonRetryableError);
    expect((error as HttpError).message).toMatch(/no response headers within 100 ms/);
    expect((error as HttpError).url).toBe(`${server.origin}/slow`);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up when the body stalls', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('the beginning of a body that never ends');
    });
    const http = client({ timeouts: { bodyMs: 150 }, maxRequestRetries: 0 });
    await expect(http.request(`${server.origin}/stall`)).rejects.toThrow(/body did not arrive within 150 ms/);
  });

  it('gives up on a body that trickles in for longer than the body timeout', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 20);
      res.on('close', () => clearInterval(timer));
    });
    const http = client({ timeouts: { bodyMs: 300 }, maxRequestRetries: 0 });
    const started = Date.now();
    await expect(http.request(`${server.origin}/trickle`)).rejects.toThrow(
      /body did not arrive within 300 ms/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('HttpClient retries', () => {
  it('retries a 500 and returns the 200 that follows', async () => {
    const server = await serve((_req, res) => {
      if (server.requests.length === 1) res.writeHead(500).end('oops');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('fine');
    });
    const response = await client().request(`${server.origin}/flaky`);
    expect(response.status).toBe(200);
    expect(response.text).toBe('fine');
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a 404 and throws NonRetryableError with the status', async () => {
    const server = await serve((_req, res) => res.writeHead(404).end());
    const error = await client()
      .request(`${server.origin}/missing`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonRetryableError);
    expect((error as NonRetryableError).status).toBe(404);
    expect((error as NonRetryableError).message).toContain(`${server.origin}/missing`);
    expect(server.requests).toHaveLength(1);
  });

  it('throws HttpError with the last status once retries are used up', async () => {
    const server = await serve((_req, res) => res.writeHead(503).end());
    const error = await client({ maxRequestRetries: 2 })
      .request(`${server.origin}/down`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(NonRetryableError);
    expect((error as HttpError).status).toBe(503);
    expect(server.requests).toHaveLength(3);
  });

  it('waits as long as a 429 Retry-After asks, then succeeds', async () => {
    const server = await serve((_req, res) => {
      if (server.requests.length === 1) res.writeHead(429, { 'retry-after': '1' }).end();
      else res.writeHead(200).end('ok');
    });
    const started = Date.now();
    const response = await client().request(`${server.origin}/limited`);
    const waited = Date.now() - started;
    expect(response.status).toBe(200);
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(2500);
  });

  it('fails at once when Retry-After asks for longer than it will wait', async () => {
    const server = await serve((_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    const error = await client({ maxRetryAfterMs: 5000 })
      .request(`${server.origin}/later`)
      .catch((e: unknown) => e);
    expect((error as HttpError).status).toBe(429);
    expect((error as HttpError).message).toMatch(/asked to wait 3600 s/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('HttpClient redirects', () => {
  it('follows a relative redirect and reports the final URL', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/new' }).end();
      else res.writeHead(200).end(`at ${req.url}`);
    });
    const response = await client().request(`${server.origin}/old`);
    expect(response.text).toBe('at /new');
    expect(response.url).toBe(`${server.origin}/new`);
  });

  it('stops after 5 redirects', async () => {
    const server = await serve((req, res) => {
      const step = Number(req.url?.slice(1));
      res.writeHead(302, { location: `/${step + 1}` }).end();
    });
    const error = await client()
      .request(`${server.origin}/0`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonRetryableError);
    expect((error as Error).message).toMatch(/redirected more than 5 times/);
    expect(server.requests).toHaveLength(6);
  });

  it('detects a redirect loop', async () => {
    const server = await serve((req, res) => {
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end();
    });
    await expect(client().request(`${server.origin}/a`)).rejects.toThrow(/redirects in a loop/);
    expect(server.requests).toHaveLength(2);
  });

  it('turns a POST answered by 303 into a GET without a body', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'POST') res.writeHead(303, { location: '/result' }).end();
      else res.writeHead(200).end(`${req.method} ${req.url} ${req.headers['content-type'] ?? 'no type'}`);
    });
    const response = await client().request(`${server.origin}/search`, { json: { q: 'x' } });
    expect(response.text).toBe('GET /result no type');
  });
});

describe('HttpClient private addresses', () => {
  it('refuses a direct request to 127.0.0.1 without connecting', async () => {
    const server = await serve((_req, res) => res.end('secret'));
    const error = await client({ allowPrivateHosts: false })
      .request(`${server.origin}/admin`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonRetryableError);
    expect((error as Error).message).toMatch(
      /127\.0\.0\.1 is not a public address.*ELSEWHERE_ALLOW_PRIVATE_HOSTS=1/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a name that resolves to loopback', async () => {
    const server = await serve((_req, res) => res.end('secret'));
    const port = new URL(server.origin).port;
    await expect(client({ allowPrivateHosts: false }).request(`http://localhost:${port}/`)).rejects.toThrow(
      /localhost resolves to .*not a public address/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('lets an allowed origin through but refuses its redirect to another local origin', async () => {
    const internal = await serve((_req, res) => res.end('internal'));
    const allowed = await serve((_req, res) =>
      res.writeHead(302, { location: `${internal.origin}/metadata` }).end(),
    );
    const http = client({ allowPrivateHosts: false, allowedOrigins: [allowed.origin] });
    const error = await http.request(`${allowed.origin}/jobs`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonRetryableError);
    expect((error as NonRetryableError).url).toBe(`${internal.origin}/metadata`);
    expect(allowed.requests).toHaveLength(1);
    expect(internal.requests).toHaveLength(0);
  });
});

describe('HttpClient body limits', () => {
  it('stops a 50 MB body at the limit without reading it all', async () => {
    let sent = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const error = await client()
      .request(`${server.origin}/huge`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonRetryableError);
    expect((error as Error).message).toMatch(/body is larger than 20 MB/);
    expect(sent).toBeLessThan(40 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) });
      res.write(Buffer.alloc(1024));
    });
    await expect(client({ maxBodyBytes: 1024 * 1024 }).request(`${server.origin}/big`)).rejects.toThrow(
      /larger than 1 MB/,
    );
  });

  it('stops a gzip bomb counting the decompressed bytes', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(100 * 1024 * 1024));
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/html' }).end(bomb);
    });
    const error = await client()
      .request(`${server.origin}/bomb`)
      .catch((e: unknown) => e);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(error).toBeInstanceOf(NonRetryableError);
    expect((error as Error).message).toMatch(/body is larger than 20 MB/);
  });

  it.each([
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['deflate', zlib.deflateRawSync],
    ['br', zlib.brotliCompressSync],
  ])('decodes %s (%o)', async (encoding, compress) => {
    const server = await serve((req, res) => {
      expect(req.headers['accept-encoding']).toBe('gzip, deflate, br');
      res.writeHead(200, { 'content-encoding': encoding }).end(compress(Buffer.from('compressed hello')));
    });
    const response = await client().request(`${server.origin}/`);
    expect(response.text).toBe('compressed hello');
  });
});

describe('HttpClient JSON', () => {
  it('parses JSON', async () => {
    const server = await serve((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"jobs":[1]}'),
    );
    const { data } = await client().getJson(`${server.origin}/jobs`);
    expect(data).toEqual({ jobs: [1] });
  });

  it('throws InvalidResponseError naming the URL on malformed JSON', async () => {
    const server = await serve((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"jobs": ['),
    );
    const error = await client()
      .getJson(`${server.origin}/jobs.json`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toContain(
      `${server.origin}/jobs.json did not answer valid JSON`,
    );
    expect((error as InvalidResponseError).status).toBe(200);
  });

  it('POSTs a JSON body', async () => {
    const server = await serve(async (req, res) => {
      const body = await bodyOf(req);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ method: req.method, type: req.headers['content-type'], body: JSON.parse(body) }),
      );
    });
    const { data } = await client().getJson(`${server.origin}/api/v3/jobs`, {
      method: 'POST',
      json: { query: 'remote' },
    });
    expect(data).toEqual({ method: 'POST', type: 'application/json', body: { query: 'remote' } });
  });
});

describe('HttpClient text decoding', () => {
  it.each([
    [
      'a latin-1 Content-Type',
      'text/html; charset=iso-8859-1',
      Buffer.from('<p>Zürich</p>', 'latin1'),
      '<p>Zürich</p>',
    ],
    [
      'a <meta charset>',
      'text/html',
      Buffer.concat([
        Buffer.from('<meta charset="windows-1252"><p>'),
        Buffer.from([0x80, 0xfc]),
        Buffer.from('</p>'),
      ]),
      '<meta charset="windows-1252"><p>€ü</p>',
    ],
    ['UTF-8 by default', 'text/html', Buffer.from('<p>Zürich</p>'), '<p>Zürich</p>'],
  ])('decodes %s', async (_name, contentType, bytes, expected) => {
    const server = await serve((_req, res) => res.writeHead(200, { 'content-type': contentType }).end(bytes));
    const response = await client().request(`${server.origin}/`);
    expect(response.text).toBe(expected);
    expect(response.body.equals(bytes)).toBe(true);
  });
});

describe('HttpClient conditional requests', () => {
  it('sends the ETag back and reports 304 as not modified', async () => {
    const server = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT' }).end('board');
    });
    const http = client();
    const first = await http.request(`${server.origin}/board`);
    expect(first.notModified).toBe(false);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const second = await http.request(`${server.origin}/board`, {
      etag: first.headers.etag,
      lastModified: first.headers['last-modified'],
    });
    expect(second).toMatchObject({ status: 304, notModified: true, text: '' });
    expect(server.requests[1]?.headers['if-modified-since']).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
  });

  it('hashes the body with sha256', async () => {
    const server = await serve((_req, res) => res.end('abc'));
    const response = await client().request(`${server.origin}/`);
    expect(response.hash).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('HttpClient robots.txt', () => {
  const robots = 'User-agent: *\nAllow: /\n\nUser-agent: Elsewhere\nDisallow: /private\n';

  it('refuses an html page robots.txt disallows, and fetches robots.txt once per origin', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/robots.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end(robots);
      else res.end('page');
    });
    const http = client();
    await expect(http.request(`${server.origin}/private/jobs`, { purpose: 'html' })).rejects.toThrow(
      /robots\.txt disallows it/,
    );
    await expect(http.request(`${server.origin}/careers`, { purpose: 'html' })).resolves.toMatchObject({
      text: 'page',
    });
    expect(server.requests.map((req) => req.url)).toEqual(['/robots.txt', '/careers']);
  });

  it('does not consult robots.txt for api requests', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/robots.txt') res.end('User-agent: *\nDisallow: /\n');
      else res.end('data');
    });
    await expect(client().request(`${server.origin}/private/api`)).resolves.toMatchObject({ text: 'data' });
    expect(server.requests.map((req) => req.url)).toEqual(['/private/api']);
  });

  it('allows everything when robots.txt is missing', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/robots.txt') res.writeHead(404).end();
      else res.end('page');
    });
    await expect(client().request(`${server.origin}/private`, { purpose: 'html' })).resolves.toMatchObject({
      text: 'page',
    });
  });

  it('reads the robots.txt of the real host when the origin is overridden', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/robots.txt')
        res.end(req.headers.host === 'acme.example' ? 'User-agent: *\nDisallow: /\n' : '');
      else res.end('page');
    });
    const http = client();
    await expect(
      http.request(`${server.origin}/careers`, { purpose: 'html', headers: { Host: 'acme.example' } }),
    ).rejects.toThrow(/http:\/\/acme\.example\/robots\.txt disallows it/);
    await expect(
      http.request(`${server.origin}/careers`, { purpose: 'html', headers: { Host: 'globex.example' } }),
    ).resolves.toMatchObject({ text: 'page' });
  });
});

describe('HttpClient headers', () => {
  it('sends a User-Agent naming Elsewhere and the contact URL', async () => {
    const server = await serve((_req, res) => res.end());
    await client({ userAgent: 'Elsewhere/0.1 (+https://jobs.example.org/about)' }).request(
      `${server.origin}/`,
    );
    expect(server.requests[0]?.headers['user-agent']).toBe('Elsewhere/0.1 (+https://jobs.example.org/about)');
  });

  it('uses Elsewhere/0.1 with the project URL by default', async () => {
    const server = await serve((_req, res) => res.end());
    await client().request(`${server.origin}/`);
    expect(server.requests[0]?.headers['user-agent']).toBe(
      'Elsewhere/0.1 (+https://github.com/elsewhere-jobs/elsewhere)',
    );
  });

  it('passes custom headers through, Host included, and keeps Host on same-site redirects', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/a') res.writeHead(302, { location: 'http://acme.example/b' }).end();
      else res.end(`${req.headers.host} ${req.headers['x-board']} ${req.url}`);
    });
    const response = await client().request(`${server.origin}/a`, {
      headers: { host: 'acme.example', 'X-Board': 'acme' },
    });
    expect(response.text).toBe('acme.example acme /b');
    expect(response.url).toBe(`${server.origin}/b`);
  });
});

describe('HttpClient politeness', () => {
  it('never has more than 2 requests in flight to one host', async () => {
    let inFlight = 0;
    let peak = 0;
    const server = await serve((_req, res) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.end('ok');
      }, 30);
    });
    const http = client();
    await Promise.all(Array.from({ length: 8 }, (_, i) => http.request(`${server.origin}/${i}`)));
    expect(server.requests).toHaveLength(8);
    expect(peak).toBe(2);
  });

  it('spaces requests to one host by the per-host delay', async () => {
    const starts: number[] = [];
    const server = await serve((_req, res) => {
      starts.push(Date.now());
      res.end();
    });
    const http = client({ perHostDelayMs: 100, perHostConcurrency: 4 });
    await Promise.all(Array.from({ length: 3 }, (_, i) => http.request(`${server.origin}/${i}`)));
    const gaps = starts.slice(1).map((start, i) => start - starts[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
  });
});

describe('HttpClient failures', () => {
  it('retries a connection reset', async () => {
    const server = await serve((req, res) => {
      if (server.requests.length === 1) req.socket.destroy();
      else res.end('recovered');
    });
    await expect(client().request(`${server.origin}/`)).resolves.toMatchObject({ text: 'recovered' });
    expect(server.requests).toHaveLength(2);
  });

  it('throws InvalidResponseError for a body that does not decompress, without retrying', async () => {
    const server = await serve((_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end('plain text'),
    );
    const error = await client()
      .request(`${server.origin}/`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/could not be decompressed/);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['not a URL', 'not a url', /is not a valid URL/],
    ['a file: URL', 'file:///etc/passwd', /is not an http\(s\) URL/],
  ])('refuses %s', async (_name, url, message) => {
    await expect(client().request(url)).rejects.toThrow(message);
  });

  it('refuses to follow a redirect to a non-http URL', async () => {
    const server = await serve((_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    await expect(client().request(`${server.origin}/`)).rejects.toThrow(
      /redirects to file:\/\/\/etc\/passwd/,
    );
  });

  it('refuses a Host header that is more than a host', async () => {
    const server = await serve((_req, res) => res.end());
    await expect(
      client().request(`${server.origin}/`, { headers: { host: 'evil.example/path' } }),
    ).rejects.toThrow(/not a valid Host header/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('createHttpFromEnv', () => {
  it('allows the configured origin overrides, refuses other local servers, and names the contact', async () => {
    const sandbox = await serve((_req, res) => res.end('sandbox'));
    const other = await serve((_req, res) => res.end('other'));
    const http = createHttpFromEnv(
      parseEnv({
        ELSEWHERE_ORIGIN_GREENHOUSE: sandbox.origin,
        ELSEWHERE_CONTACT_URL: 'mailto:ops@example.org',
      }),
    );
    clients.push(http);
    await expect(http.request(`${sandbox.origin}/v1/boards/acme/jobs`)).resolves.toMatchObject({
      text: 'sandbox',
    });
    expect(sandbox.requests[0]?.headers['user-agent']).toBe('Elsewhere/0.1 (+mailto:ops@example.org)');
    await expect(http.request(`${other.origin}/`)).rejects.toBeInstanceOf(NonRetryableError);
    expect(other.requests).toHaveLength(0);
  });

  it('allows every private host with ELSEWHERE_ALLOW_PRIVATE_HOSTS=1', async () => {
    const server = await serve((_req, res) => res.end('local'));
    const http = createHttpFromEnv(parseEnv({ ELSEWHERE_ALLOW_PRIVATE_HOSTS: '1' }));
    clients.push(http);
    await expect(http.request(`${server.origin}/`)).resolves.toMatchObject({ text: 'local' });
  });
});
