/**
 * Email alerts end to end, against the real database and a real SMTP server on 127.0.0.1: subscribe
 * -> confirmation email -> confirm -> jobs written by lib/jobs -> digest -> one-click unsubscribe.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../../tests/db';
import { POST as subscribeRoute } from '../../app/api/v1/alerts/route';
import { POST as oneClickRoute } from '../../app/api/v1/alerts/unsubscribe/route';
import { closeDatabase, type Database } from '../db/client';
import { writeSourcePostings, type PostingToWrite, type SourceForWrite } from '../jobs';
import { annualize } from '../normalize/salary';
import type { Category, Seniority, Workplace } from '../normalize/types';
import { createSearchEngine, type SearchEngine } from '../search/engine';
import { matchSavedSearches } from './match';
import { toSavedQuery } from './saved-query';
import { startTestSmtpServer, type TestSmtpServer } from './testing/smtp-server';

// Before anything reads the environment: the process mailer talks to the test server.
const smtp: TestSmtpServer = await startTestSmtpServer();
process.env.SMTP_URL = smtp.url;
process.env.MAIL_FROM = 'Elsewhere <alerts@jobs.test>';
process.env.PUBLIC_URL = 'https://jobs.test';

const { confirmAlert, requestAlert, resendConfirmation, sendDueAlerts } = await import('./index');

const T0 = new Date('2026-03-02T06:00:00Z'); // a Monday, 06:00 UTC
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(T0.getTime() + ms);

let database: Database;
let ipCounter = 0;
/** A fresh client IP per request, so the per-IP limit only bites where a test wants it to. */
const freshIp = () => `198.51.100.${++ipCounter % 250}`;

beforeAll(async () => {
  database = await resetDatabase();
});
beforeEach(async () => {
  database = await resetDatabase();
  smtp.messages.length = 0;
  smtp.refused = 0;
  smtp.refuse = () => false;
});
afterAll(async () => {
  await smtp.close();
  await closeDatabase();
});

// ---------------------------------------------------------------------------------------------

interface JobSpec {
  key: string;
  title: string;
  tags?: string[];
  countries?: string[];
  worldwide?: boolean;
  category?: Category;
  seniority?: Seniority | null;
  workplace?: Workplace;
  salary?: [number, number] | null;
  tz?: [number, number];
}

const sources = new Map<string, SourceForWrite>();
const listed = new Map<string, PostingToWrite[]>();

async function company(slug: string): Promise<SourceForWrite> {
  const known = sources.get(slug);
  if (known) return known;
  const [row] = await database.sql<{ id: string }[]>`
    insert into companies (slug, name) values (${slug}, ${slug.toUpperCase()}) returning id`;
  const [source] = await database.sql<{ id: string }[]>`
    insert into sources (company_id, kind, token) values (${row!.id}, 'greenhouse', ${slug}) returning id`;
  const created = {
    id: Number(source!.id),
    companyId: Number(row!.id),
    companySlug: slug,
    companyName: slug.toUpperCase(),
    kind: 'greenhouse',
  };
  sources.set(slug, created);
  return created;
}

/** Write jobs through the one jobs writer, as a scrape at `now` would (each board keeps its earlier jobs). */
async function scrape(companySlug: string, jobs: JobSpec[], now: Date): Promise<void> {
  const source = await company(companySlug);
  const postings = [
    ...(listed.get(companySlug) ?? []),
    ...jobs.map((job): PostingToWrite => ({
      externalId: job.key,
      title: job.title,
      companySlug,
      applyUrl: `https://boards.example.com/${companySlug}/${job.key}`,
      locationText: job.worldwide ? 'Remote, anywhere' : (job.countries ?? []).join(', '),
      employmentType: 'full-time',
      seniority: job.seniority ?? null,
      category: job.category ?? 'engineering',
      tags: job.tags ?? [],
      salary: job.salary
        ? annualize({ min: job.salary[0], max: job.salary[1], currency: 'USD', period: 'year' })
        : null,
      descriptionHtml: `<p>${job.title}</p>`,
      descriptionText: job.title,
      postedAt: null,
      sourceKind: 'greenhouse',
      workplace: job.workplace ?? 'remote',
      worldwide: job.worldwide ?? false,
      countries: job.countries ?? [],
      timezone: job.tz ? { minUtcOffset: job.tz[0], maxUtcOffset: job.tz[1] } : null,
      evidence: null,
      raw: { key: job.key },
    })),
  ];
  listed.set(companySlug, postings);
  await writeSourcePostings(database, source, postings, { now });
}

beforeEach(() => {
  sources.clear();
  listed.clear();
});

function confirmToken(mail: ParsedMail): string {
  const match = /\/alerts\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
  if (!match) throw new Error(`no confirmation link in:\n${mail.text}`);
  return match[1]!;
}

function header(mail: ParsedMail, name: string): string {
  const value = mail.headerLines.find((line) => line.key === name)?.line ?? '';
  return value
    .slice(value.indexOf(':') + 1)
    .replace(/\r?\n\s+/g, ' ')
    .trim();
}

async function subscribeAndConfirm(
  email: string,
  query: Record<string, string | string[]>,
  frequency = 'daily',
  timezone = 'UTC',
) {
  const before = smtp.messages.length;
  expect(await requestAlert({ email, query, frequency, timezone }, { ip: freshIp(), now: T0 })).toEqual({
    status: 'accepted',
  });
  const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
  const result = await confirmAlert(confirmToken(mail!), { now: at(10 * 60_000) });
  expect(result.status).toBe('confirmed');
  return result;
}

// ---------------------------------------------------------------------------------------------

describe('email alerts', () => {
  it('sends exactly the new matching jobs after confirmation, and nothing after a one-click unsubscribe', async () => {
    await scrape(
      'acme',
      [{ key: 'old', title: 'Rust Engineer (before confirming)', tags: ['rust'], worldwide: true }],
      at(-HOUR),
    );

    // Subscribe through the API route: 202 and a confirmation email, nothing else.
    const response = await subscribeRoute(
      new Request('https://jobs.test/api/v1/alerts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': freshIp() },
        body: JSON.stringify({
          email: '  Ada@Example.COM ',
          query: { tag: 'rust', country: 'pt' },
          frequency: 'daily',
          timezone: 'Europe/Lisbon',
        }),
      }),
    );
    expect(response.status).toBe(202);
    const [confirmation] = await smtp.waitForMessages(1);
    expect(confirmation!.to).toMatchObject({ value: [{ address: 'ada@example.com' }] });
    expect(confirmation!.subject).toBe('Confirm your job alert: Remote Rust jobs open to Portugal');
    expect(confirmation!.html).toContain('Confirm the alert');

    // Not confirmed yet: even when due, nothing is sent.
    await scrape(
      'acme',
      [{ key: 'early', title: 'Rust Engineer (unconfirmed window)', tags: ['rust'], worldwide: true }],
      at(5 * 60_000),
    );
    expect((await sendDueAlerts({ now: at(2 * DAY) })).emails).toBe(0);

    const confirmed = await confirmAlert(confirmToken(confirmation!), { now: at(10 * 60_000) });
    expect(confirmed).toMatchObject({ status: 'confirmed', frequency: 'daily', timezone: 'Europe/Lisbon' });
    // 08:00 in Lisbon (UTC+0 in March before the switch): the same morning.
    expect(confirmed.status === 'confirmed' && confirmed.nextDeliveryAt.toISOString()).toBe(
      '2026-03-02T08:00:00.000Z',
    );

    await scrape(
      'acme',
      [
        { key: 'match-1', title: 'Senior Rust Engineer', tags: ['rust'], worldwide: true },
        {
          key: 'match-2',
          title: 'Rust Backend Developer',
          tags: ['rust', 'postgres'],
          countries: ['PT', 'ES'],
        },
        { key: 'go', title: 'Go Engineer', tags: ['go'], worldwide: true },
        { key: 'us-only', title: 'Rust Engineer (US only)', tags: ['rust'], countries: ['US'] },
      ],
      at(HOUR),
    );
    // Not due before 08:00 Lisbon.
    expect((await sendDueAlerts({ now: at(90 * 60_000) })).searches).toBe(0);

    const run = await sendDueAlerts({ now: at(2 * HOUR + 5 * 60_000) });
    expect(run).toMatchObject({ searches: 1, emails: 1, jobs: 2, failures: 0 });
    const [, digest] = await smtp.waitForMessages(2);
    expect(digest!.subject).toBe('2 new remote Rust jobs open to Portugal');
    const text = digest!.text ?? '';
    expect(text).toContain('Senior Rust Engineer');
    expect(text).toContain('Rust Backend Developer');
    for (const absent of ['Go Engineer', 'US only', 'before confirming', 'unconfirmed window']) {
      expect(text).not.toContain(absent);
      expect(digest!.html).not.toContain(absent);
    }
    expect(digest!.html).toContain('Senior Rust Engineer');
    expect(text).toMatch(/Manage your alerts: https:\/\/jobs\.test\/alerts\/manage\?token=/);
    const listUnsubscribe = header(digest!, 'list-unsubscribe');
    expect(listUnsubscribe).toMatch(
      /^<https:\/\/jobs\.test\/api\/v1\/alerts\/unsubscribe\?token=[A-Za-z0-9_-]{43}>, <mailto:unsubscribe@jobs\.test\?subject=unsubscribe-[A-Za-z0-9_-]{43}>$/,
    );
    expect(header(digest!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const [deliveries] = await database.sql<{ n: number }[]>`select count(*)::int as n from alert_deliveries`;
    expect(deliveries!.n).toBe(2);

    // The next day with nothing new: no email.
    expect((await sendDueAlerts({ now: at(DAY + 2 * HOUR + 5 * 60_000) })).emails).toBe(0);

    // One-click unsubscribe, as a mail client does it.
    const oneClickUrl = /^<([^>]+)>/.exec(listUnsubscribe)![1]!;
    const unsubscribed = await oneClickRoute(
      new Request(oneClickUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      }),
    );
    expect(unsubscribed.status).toBe(200);

    await scrape(
      'acme',
      [{ key: 'match-3', title: 'Staff Rust Engineer', tags: ['rust'], worldwide: true }],
      at(DAY + 3 * HOUR),
    );
    expect(await sendDueAlerts({ now: at(3 * DAY) })).toMatchObject({ searches: 0, emails: 0 });
    expect(smtp.messages).toHaveLength(2);
  });

  it('retries a digest the server refused and delivers it exactly once', async () => {
    await subscribeAndConfirm('grace@example.com', { tag: 'rust' }, 'instant');
    await scrape('acme', [{ key: 'r1', title: 'Rust Engineer', tags: ['rust'], worldwide: true }], at(HOUR));

    let refusals = 1;
    smtp.refuse = () => refusals-- > 0;
    const first = await sendDueAlerts({ now: at(HOUR + 5 * 60_000) });
    expect(first).toMatchObject({ emails: 0, failures: 1 });
    expect(smtp.refused).toBe(1);
    const [failed] = await database.sql<
      { delivery_attempts: number; last_delivery_error: string; n: number }[]
    >`
      select delivery_attempts, last_delivery_error, (select count(*)::int from alert_deliveries) as n from saved_searches`;
    expect(failed).toMatchObject({ delivery_attempts: 1, n: 0 });
    expect(failed!.last_delivery_error).toMatch(/451/);

    // Within the backoff: not retried yet.
    expect((await sendDueAlerts({ now: at(HOUR + 8 * 60_000) })).searches).toBe(0);
    const retried = await sendDueAlerts({ now: at(HOUR + 11 * 60_000) });
    expect(retried).toMatchObject({ emails: 1, failures: 0, jobs: 1 });
    // And nothing more afterwards, even when due again.
    expect((await sendDueAlerts({ now: at(HOUR + 30 * 60_000) })).emails).toBe(0);

    const digests = smtp.messages.filter((mail) => !mail.subject?.startsWith('Confirm'));
    expect(digests.map((mail) => mail.subject)).toEqual(['1 new remote Rust job']);
    const [state] = await database.sql<{ delivery_attempts: number; n: number }[]>`
      select delivery_attempts, (select count(*)::int from alert_deliveries) as n from saved_searches`;
    expect(state).toMatchObject({ delivery_attempts: 0, n: 1 });
  });

  it('sends nothing to a subscription that was never confirmed', async () => {
    expect(
      await requestAlert(
        { email: 'lin@example.com', query: 'tag=rust', frequency: 'instant' },
        { ip: freshIp(), now: T0 },
      ),
    ).toEqual({
      status: 'accepted',
    });
    await smtp.waitForMessages(1);
    await scrape('acme', [{ key: 'r1', title: 'Rust Engineer', tags: ['rust'], worldwide: true }], at(HOUR));
    expect(await sendDueAlerts({ now: at(3 * DAY) })).toMatchObject({ searches: 0, emails: 0 });
    expect(smtp.messages).toHaveLength(1);
  });

  it('refuses an expired confirmation link and sends a working new one on request', async () => {
    await requestAlert({ email: 'kay@example.com', query: { q: 'kubernetes' } }, { ip: freshIp(), now: T0 });
    const [mail] = await smtp.waitForMessages(1);
    const stale = confirmToken(mail!);
    expect(await confirmAlert(stale, { now: at(7 * DAY + 1) })).toEqual({
      status: 'expired',
      description: 'Remote jobs matching “kubernetes”',
    });
    expect(await resendConfirmation(stale, { ip: freshIp(), now: at(8 * DAY) })).toEqual({
      status: 'accepted',
    });
    const [, fresh] = await smtp.waitForMessages(2);
    const token = confirmToken(fresh!);
    expect(token).not.toBe(stale);
    expect(await confirmAlert(stale, { now: at(8 * DAY) })).toEqual({ status: 'invalid' });
    expect((await confirmAlert(token, { now: at(8 * DAY + HOUR) })).status).toBe('confirmed');
    // A used link does not work twice.
    expect(await confirmAlert(token, { now: at(8 * DAY + HOUR) })).toEqual({ status: 'invalid' });
  });

  it('lists at most 25 jobs and 3 per company, with a link to see all of them', async () => {
    await subscribeAndConfirm('max@example.com', { tag: 'rust' }, 'daily', 'UTC');
    for (let c = 0; c < 10; c++) {
      await scrape(
        `co${c}`,
        Array.from({ length: 3 }, (_, i) => ({
          key: `c${i}`,
          title: `Co${c} Rust role ${i}`,
          tags: ['rust'],
          worldwide: true,
        })),
        at(HOUR + c * 1000),
      );
    }
    // The newest ten all come from one company: only three of them may be listed.
    await scrape(
      'bigco',
      Array.from({ length: 10 }, (_, i) => ({
        key: `b${i}`,
        title: `Bigco Rust role ${i}`,
        tags: ['rust'],
        worldwide: true,
      })),
      at(2 * HOUR),
    );
    const run = await sendDueAlerts({ now: at(DAY) });
    expect(run).toMatchObject({ emails: 1, jobs: 25 });
    const digest = smtp.messages.at(-1)!;
    expect(digest.subject).toBe('40 new remote Rust jobs');
    const titles = (digest.text ?? '').split('\n').filter((line) => / Rust role \d — /.test(line));
    expect(titles).toHaveLength(25);
    const perCompany = new Map<string, number>();
    for (const line of titles)
      perCompany.set(line.split(' ')[0]!, (perCompany.get(line.split(' ')[0]!) ?? 0) + 1);
    expect(Math.max(...perCompany.values())).toBe(3);
    expect(perCompany.get('Bigco')).toBe(3);
    expect(digest.text).toContain('See all 40: https://jobs.test/?tag=rust&posted=1');
    expect(digest.html).toContain('See all 40 new jobs');
    const [deliveries] = await database.sql<{ n: number }[]>`select count(*)::int as n from alert_deliveries`;
    expect(deliveries!.n).toBe(25);
  });

  it('answers the same for a known and an unknown address', async () => {
    await subscribeAndConfirm('known@example.com', { tag: 'go' });
    const ask = async (email: string) => {
      const response = await subscribeRoute(
        new Request('https://jobs.test/api/v1/alerts', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': freshIp() },
          body: JSON.stringify({ email, query: { tag: 'rust' } }),
        }),
      );
      return {
        status: response.status,
        body: await response.text(),
        type: response.headers.get('content-type'),
      };
    };
    const known = await ask('known@example.com');
    const unknown = await ask('stranger@example.com');
    expect(known.status).toBe(202);
    expect(unknown).toEqual(known);
  });

  it('names the invalid parameter in a 400', async () => {
    const response = await subscribeRoute(
      new Request('https://jobs.test/api/v1/alerts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': freshIp() },
        body: JSON.stringify({ email: 'not-an-address', query: { country: 'ZZ' }, frequency: 'hourly' }),
      }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { parameter: string }[] };
    expect(body.errors.map((error) => error.parameter).sort()).toEqual(['email', 'frequency']);
    const query = await subscribeRoute(
      new Request('https://jobs.test/api/v1/alerts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': freshIp() },
        body: JSON.stringify({ email: 'ok@example.com', query: { country: 'ZZ' } }),
      }),
    );
    expect(query.status).toBe(400);
    expect(((await query.json()) as { error: { parameter: string } }).error.parameter).toBe('query.country');
    expect(smtp.messages).toHaveLength(0);
  });

  it('rate-limits per client IP (429) and per address (silently: at most 3 confirmations)', async () => {
    const ip = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await subscribeRoute(
        new Request('https://jobs.test/api/v1/alerts', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ email: `burst${i}@example.com`, query: {} }),
        }),
      );
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([...Array<number>(10).fill(202), 429]);
    await smtp.waitForMessages(10);

    smtp.messages.length = 0;
    for (let i = 0; i < 5; i++) {
      expect(
        await requestAlert({ email: 'target@example.com', query: { q: `search ${i}` } }, { ip: freshIp() }),
      ).toEqual({ status: 'accepted' });
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages.map((mail) => mail.to)).toHaveLength(3);
  });

  it('matches exactly what the search engine returns for the same query and window', async () => {
    const categories: Category[] = ['engineering', 'devops', 'data', 'design'];
    const seniorities: (Seniority | null)[] = [null, 'junior', 'senior', 'staff'];
    const workplaces: Workplace[] = ['remote', 'remote', 'hybrid', 'onsite'];
    const tagSets = [
      ['rust'],
      ['go', 'kubernetes'],
      ['python', 'django'],
      ['typescript', 'react'],
      ['aws'],
      [],
    ];
    const titles = [
      'Senior Rust Engineer',
      'Platform Engineer',
      'Kubernetes Operator Developer',
      'Data Analyst',
      'Product Designer',
      'Backend Developer',
    ];
    await scrape(
      'old',
      [{ key: 'before', title: 'Senior Rust Engineer', tags: ['rust'], worldwide: true }],
      at(-DAY),
    );
    for (let c = 0; c < 4; c++) {
      await scrape(
        `co${c}`,
        Array.from({ length: 12 }, (_, i) => {
          const n = c * 12 + i;
          return {
            key: `j${n}`,
            title: titles[n % titles.length]!,
            tags: tagSets[n % tagSets.length]!,
            worldwide: n % 5 === 0,
            countries: n % 5 === 0 ? [] : [['PT', 'ES'], ['US'], ['DE', 'PT'], ['GB']][n % 4]!,
            category: categories[n % categories.length]!,
            seniority: seniorities[n % seniorities.length]!,
            workplace: workplaces[n % workplaces.length]!,
            salary: n % 3 === 0 ? null : [60_000 + (n % 7) * 15_000, 90_000 + (n % 7) * 20_000],
            tz: n % 4 === 1 ? [-1, 3] : undefined,
          };
        }),
        at(HOUR + c * 60_000),
      );
    }
    const engine = createSearchEngine(database);
    // The same engine under another name: matching then asks it once per text, as with Meilisearch.
    const perTextEngine: SearchEngine = {
      name: 'meilisearch',
      search: (query, options) => engine.search(query, options),
      indexJobs: (ids) => engine.indexJobs(ids),
      removeJobs: (ids) => engine.removeJobs(ids),
      rebuild: (onProgress) => engine.rebuild(onProgress),
    };
    const now = at(DAY);
    // After co0's and co1's jobs: a window holding only co2's and co3's.
    const laterStart = at(HOUR + 90_000);
    const queries: [text: string, windowStart: Date][] = [
      ['tag=rust', T0],
      ['tag=rust', laterStart],
      ['tag=go&tag=python&country=PT', T0],
      ['q=engineer&country=DE', T0],
      ['q=engineers', laterStart],
      ['q=kubernetes operator', T0],
      ['q="kubernetes operator"', T0],
      ['q="operator kubernetes"', T0],
      ['q=kubernet', T0],
      ['q=typescr', T0],
      ['q=rust -senior', T0],
      ['q=-designer&tag=aws', T0],
      ['q=rust or python', T0],
      ['q=(rust or go) -platform', laterStart],
      ['q=co2 developer', T0],
      ['q=the', T0],
      ['q=data-analyst', T0],
      ['q=django&tag=python', T0],
      ['q=rust&salaryMin=100000&salary=stated', T0],
      ['category=engineering&seniority=senior&salaryMin=100000', T0],
      ['salary=stated&workplace=remote,hybrid', T0],
      ['tz=2&category=devops,data', T0],
      ['workplace=onsite', laterStart],
      ['company=co1,co3&tag=aws', T0],
      ['q=developr', T0],
      ['q=desiner&country=GB', T0],
      ['posted=1', T0],
    ];
    const searches = queries.map(([text, windowStart], index) => {
      const saved = toSavedQuery(new URLSearchParams(text));
      if (!saved.ok) throw new Error(`${text}: ${JSON.stringify(saved.errors)}`);
      return { id: index + 1, query: saved.query, record: saved.record, windowStart };
    });
    // All at once, as a digest run matches them: shared texts, shared queries with different windows.
    const batch = await matchSavedSearches(database, searches, { cutoff: now, now, engine });
    const perText = await matchSavedSearches(database, searches, { cutoff: now, now, engine: perTextEngine });
    expect(batch.stats.texts).toBeGreaterThanOrEqual(10);
    let compared = 0;
    for (const search of searches) {
      const label = `${queries[search.id - 1]![0]} after ${search.windowStart.toISOString()}`;
      const expected = await engine.search(
        { ...search.query, sort: 'newest', perPage: 100 },
        { firstSeenAfter: search.windowStart, now },
      );
      expect(batch.matches.get(search.id)?.jobIds ?? [], label).toEqual(expected.internalIds);
      expect(perText.matches.get(search.id)?.jobIds ?? [], label).toEqual(expected.internalIds);
      if (expected.total > 0) compared++;
    }
    // The queries must actually select something, or the comparison proves nothing.
    expect(compared).toBeGreaterThanOrEqual(20);
  });
});
