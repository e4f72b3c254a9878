/**
 * The one validated view of process.env. Everything else reads configuration from here.
 *
 * Empty strings count as unset (t3-env). A bad value stops the program with one line naming the
 * variable and what it should look like, never a stack trace (see `EnvError`).
 */
import path from 'node:path';
import { z } from 'zod';

const emptyAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUnset, schema.optional());
const flag = z.preprocess(
  emptyAsUnset,
  z
    .enum(['0', '1', 'true', 'false'], { message: 'should be 1 or 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
);
const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\/.+/.test(v), {
  message: 'should look like postgres://user:password@host:5432/database',
});

const schema = z.object({
  NODE_ENV: optional(z.enum(['development', 'production', 'test'])),
  /** Use this PostgreSQL server instead of the embedded one. */
  DATABASE_URL: optional(postgresUrl),
  /** Where Elsewhere keeps its embedded Postgres, credentials and outbox. @default ./.data */
  ELSEWHERE_DATA_DIR: optional(z.string()),
  /** Port of the site. @default 3000 */
  PORT: optional(z.coerce.number().int().min(1).max(65535, { message: 'should be a TCP port, 1-65535' })),
  /** Public base URL used in emails, feeds and sitemaps. @default http://localhost:PORT */
  PUBLIC_URL: optional(z.url({ message: 'should be an absolute URL like https://jobs.example.com' })),
  /** Contact URL or address sent in the scrapers' User-Agent. */
  ELSEWHERE_CONTACT_URL: optional(z.string()),
  /** Let the scrapers reach loopback/private addresses (sandbox, tests). @default 0 */
  ELSEWHERE_ALLOW_PRIVATE_HOSTS: flag,
  /** Requests at once to one host. @default 2 */
  ELSEWHERE_HTTP_PER_HOST: optional(z.coerce.number().int().min(1).max(64)),
  /** Requests at once in total. @default 32 */
  ELSEWHERE_HTTP_GLOBAL: optional(z.coerce.number().int().min(1).max(1024)),
  /** Delay between two requests to one host, in ms. @default 0 */
  ELSEWHERE_HTTP_DELAY_MS: optional(z.coerce.number().int().min(0).max(60_000)),
  /** Run the scrape scheduler inside `npm start`. @default 1 */
  ELSEWHERE_WORKER: optional(z.enum(['0', '1'])),
  /** A reverse proxy in front sets X-Forwarded-For: rate-limit by its last entry. @default 0 */
  ELSEWHERE_TRUST_PROXY: flag,
  /** Public API requests per minute per client IP (burst: half of it); 0 turns the limit off. @default 120 */
  ELSEWHERE_API_RATE_LIMIT: optional(z.coerce.number().int().min(0).max(1_000_000)),
  /**
   * Production rules (alerts need SMTP_URL; no /dev/outbox). Next.js forces NODE_ENV=production on
   * the site even under a plain `npm start`, so `start` passes the operator's choice to it here.
   * @default 1 when NODE_ENV=production, else 0
   */
  ELSEWHERE_PRODUCTION: optional(z.enum(['0', '1'], { message: 'should be 1 or 0' })),
  MEILI_URL: optional(z.url({ message: 'should be the Meilisearch URL, like http://127.0.0.1:7700' })),
  MEILI_MASTER_KEY: optional(z.string()),
  /** smtp://user:pass@host:port; without it (outside production) emails go to .data/outbox. */
  SMTP_URL: optional(
    z
      .string()
      .refine((v) => /^smtps?:\/\//.test(v), { message: 'should look like smtp://user:pass@host:587' }),
  ),
  /** From address of alert emails. @default Elsewhere <alerts@localhost> */
  MAIL_FROM: optional(z.string()),
});

export type Env = z.infer<typeof schema> & {
  dataDir: string;
  port: number;
  publicUrl: string;
  /** ELSEWHERE_ORIGIN_<KIND> overrides, kind (lowercase) -> origin. */
  originOverrides: Record<string, string>;
  /** Whether production rules apply (ELSEWHERE_PRODUCTION, else NODE_ENV=production). */
  production: boolean;
};

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/** Parse an environment (process.env by default). Throws EnvError with one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `Invalid environment variable ${name}: ${issue.message}`;
    });
    throw new EnvError(lines.join('\n'));
  }
  const originOverrides: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    const match = /^ELSEWHERE_ORIGIN_([A-Z0-9_]+)$/.exec(key);
    if (!match || !value?.trim()) continue;
    let origin: string;
    try {
      origin = new URL(value.trim()).origin;
    } catch {
      throw new EnvError(
        `Invalid environment variable ${key}: should be an origin like http://127.0.0.1:4010`,
      );
    }
    originOverrides[match[1]!.toLowerCase()] = origin;
  }
  const env = result.data;
  const port = env.PORT ?? 3000;
  return {
    ...env,
    dataDir: path.resolve(/* turbopackIgnore: true */ env.ELSEWHERE_DATA_DIR ?? '.data'),
    port,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    originOverrides,
    production: env.ELSEWHERE_PRODUCTION ? env.ELSEWHERE_PRODUCTION === '1' : env.NODE_ENV === 'production',
  };
}

let cached: Env | null = null;

/** The process's environment, parsed once. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
