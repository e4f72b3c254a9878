/**
 * The development outbox: without SMTP_URL (outside production) every email is written to
 * `<data dir>/outbox/` as `<id>.eml` (the exact bytes an SMTP server would get) and `<id>.json` (what
 * /dev/outbox lists and shows), so a developer sees exactly what would be sent.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../env';

/** What /dev/outbox knows of one email. */
export interface OutboxEntry {
  id: string;
  messageId: string;
  /** ISO 8601. */
  date: string;
  from: string;
  to: string;
  subject: string;
  /** Headers worth checking by eye (List-Unsubscribe...). */
  headers: Record<string, string>;
  text: string;
  html: string;
}

const ID_PATTERN = /^[0-9]{13}-[a-f0-9]{12}$/;

/** The outbox folder of a data dir. */
export function outboxDir(dataDir: string = env().dataDir): string {
  return path.join(dataDir, 'outbox');
}

/** Write one email (its raw bytes and its index entry). */
export async function writeOutboxEntry(dir: string, entry: OutboxEntry, raw: Buffer): Promise<void> {
  if (!ID_PATTERN.test(entry.id)) throw new Error(`invalid outbox id ${entry.id}`);
  await mkdir(/* turbopackIgnore: true */ dir, { recursive: true });
  await writeFile(/* turbopackIgnore: true */ path.join(dir, `${entry.id}.eml`), raw);
  // The index entry last: an entry listed always has its .eml.
  await writeFile(
    /* turbopackIgnore: true */ path.join(dir, `${entry.id}.json`),
    `${JSON.stringify(entry, null, 2)}\n`,
  );
}

/** Emails in the outbox, newest first. A missing outbox is an empty one. */
export async function listOutbox(dir: string = outboxDir()): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(/* turbopackIgnore: true */ dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const ids = names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter((id) => ID_PATTERN.test(id))
    .sort()
    .reverse();
  const entries = await Promise.all(ids.map((id) => readOutboxEntry(id, dir)));
  return entries.filter((entry): entry is OutboxEntry => entry !== null);
}

/** One email by id, or null (unknown or malformed id: ids never reach the file system unchecked). */
export async function readOutboxEntry(id: string, dir: string = outboxDir()): Promise<OutboxEntry | null> {
  if (!ID_PATTERN.test(id)) return null;
  try {
    return JSON.parse(
      await readFile(/* turbopackIgnore: true */ path.join(dir, `${id}.json`), 'utf8'),
    ) as OutboxEntry;
  } catch {
    return null;
  }
}

/** The raw .eml of one email, or null. */
export async function readOutboxRaw(id: string, dir: string = outboxDir()): Promise<string | null> {
  if (!ID_PATTERN.test(id)) return null;
  try {
    return await readFile(/* turbopackIgnore: true */ path.join(dir, `${id}.eml`), 'utf8');
  } catch {
    return null;
  }
}

/** Whether /dev/outbox may be served: never in production (ELSEWHERE_PRODUCTION / NODE_ENV). */
export function outboxEnabled(): boolean {
  return !env().production;
}
