/** `elsewhere companies add|import|seed|list`: the company directory and its sources. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import {
  importCompanyProfiles,
  parseCompanyDirectory,
  REMOTEINTECH_SOURCE,
} from '../../lib/companies/import-directory';
import { listCompanies, listCompanySources } from '../../lib/companies/read';
import {
  companySlug,
  upsertCompaniesWithSources,
  upsertCompanyWithSources,
} from '../../lib/companies/upsert-company';
import { readyDatabase } from '../../lib/system/database';
import { detectSource, SOURCE_KIND_LABELS, type DetectedSource } from '../../scrapers/detect';
import { createHttpFromEnv } from '../../scrapers/http';
import { isSourceKind, SOURCE_KINDS } from '../../scrapers/registry';
import { SEED_COMPANIES } from '../../scrapers/seed';
import { action, info, UserError } from '../run';

interface AddOptions {
  kind?: string;
  token?: string;
  name?: string;
  slug?: string;
  website?: string;
  config?: string;
}

export function registerCompanyCommands(program: Command): void {
  const companies = program.command('companies').description('the company directory and its job sources');

  companies
    .command('add')
    .description(
      'add a company from its careers URL (the ATS board is detected), or explicitly with --kind and --token',
    )
    .argument(
      '[careers-url]',
      'e.g. https://boards.greenhouse.io/gitlab, https://jobs.lever.co/x, or a careers page',
    )
    .option('--kind <kind>', `source kind: ${SOURCE_KINDS.join(', ')}`)
    .option('--token <token>', 'board token (with --kind)')
    .option('--name <name>', 'company name (default: from the token)')
    .option('--slug <slug>', 'company slug (default: from the name)')
    .option('--website <url>', 'company website')
    .option('--config <json>', 'kind-specific options, e.g. html selectors or {"region":"eu"}')
    .action(action((url: string | undefined, options: AddOptions) => addCompany(url, options)));

  companies
    .command('import')
    .description('load company profiles (remoteintech/remote-jobs format) idempotently')
    .argument('<file>', 'e.g. ../shared/data/remote-companies.json')
    .action(
      action(async (file: string) => {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          throw new UserError(
            `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
          );
        }
        const directory = (() => {
          try {
            return parseCompanyDirectory(text);
          } catch (error) {
            throw new UserError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
          }
        })();
        info(`Importing ${directory.companies.length} companies from ${path.basename(file)}…`);
        const summary = await importCompanyProfiles(await readyDatabase({ log: info }), directory.companies, {
          source: REMOTEINTECH_SOURCE,
        });
        console.log(
          `${summary.total} companies: ${summary.inserted} added, ${summary.updated} updated, ${summary.unchanged} unchanged. ` +
            `Directory: ${REMOTEINTECH_SOURCE}.`,
        );
      }),
    );

  companies
    .command('seed')
    .description(
      `add the curated seed of ${SEED_COMPANIES.length} remote companies with known job boards (idempotent)`,
    )
    .action(
      action(async () => {
        const summary = await upsertCompaniesWithSources(await readyDatabase({ log: info }), [
          ...SEED_COMPANIES,
        ]);
        console.log(
          `Seed: ${summary.created} companies added, ${summary.updated} updated, ${summary.unchanged} unchanged; ` +
            `${summary.sourcesCreated} sources added.`,
        );
      }),
    );

  companies
    .command('list')
    .description('list companies with their sources')
    .option('--search <text>', 'filter by name')
    .option('--with-sources', 'only companies with a job source')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { search?: string; withSources?: boolean; limit: string; json?: boolean }) => {
        const database = await readyDatabase({ log: info });
        const found = await listCompanies(
          {
            q: options.search,
            hasSources: options.withSources ? true : null,
            perPage: Number(options.limit) || 50,
          },
          database,
        );
        const sources = await listCompanySources(
          found.companies.map((company) => company.id),
          database,
        );
        // The operator's view: profile bookkeeping and every source's last status, no job counts.
        const list = {
          total: found.total,
          companies: found.companies.map((company) => ({
            id: company.id,
            slug: company.slug,
            name: company.name,
            website: company.website,
            careersUrl: company.careersUrl,
            region: company.region,
            remotePolicy: company.remotePolicy,
            status: company.status,
            statusNote: company.statusNote,
            profileSource: company.profileSource,
            sources: (sources.get(company.id) ?? []).map((source) => ({
              id: source.id,
              kind: source.kind,
              token: source.token,
              url: source.url,
              enabled: source.enabled,
              lastStatus: source.lastStatus,
              lastSuccessAt: source.lastSuccessAt,
              openJobs: source.openJobs,
            })),
          })),
        };
        if (options.json) {
          console.log(JSON.stringify(list, null, 2));
          return;
        }
        for (const company of list.companies) {
          const sources =
            company.sources.map((s) => `${s.kind}:${s.token ?? s.url}`).join(', ') || 'no source';
          console.log(
            `${company.slug.padEnd(28)} ${company.name.padEnd(28)} ${company.status.padEnd(7)} ${sources}`,
          );
        }
        info(`${list.companies.length} of ${list.total} companies`);
      }),
    );
}

async function addCompany(url: string | undefined, options: AddOptions): Promise<void> {
  let config: Record<string, unknown> = {};
  if (options.config) {
    try {
      config = JSON.parse(options.config) as Record<string, unknown>;
    } catch {
      throw new UserError('--config is not valid JSON');
    }
  }
  let source: DetectedSource;
  if (options.kind) {
    if (!isSourceKind(options.kind))
      throw new UserError(`--kind ${options.kind}: use one of ${SOURCE_KINDS.join(', ')}`);
    if (!options.token && !url)
      throw new UserError('--kind needs --token (an ATS board) or a careers URL (jsonld/html)');
    source = { kind: options.kind, token: options.token ?? null, url: url ?? undefined, config };
  } else {
    if (!url) throw new UserError('give a careers URL, or --kind and --token');
    const http = createHttpFromEnv();
    try {
      const detection = await detectSource(http, url);
      info(detection.description);
      if (!detection.source)
        throw new UserError(`no job board found at ${url}: add it explicitly with --kind and --token`);
      source = { ...detection.source, config: { ...detection.source.config, ...config } };
    } finally {
      await http.close();
    }
  }
  const name =
    options.name ?? titleCase(source.token ?? new URL(url!).hostname.replace(/^www\./, '').split('.')[0]!);
  const slug = options.slug ?? companySlug(name);
  const result = await upsertCompanyWithSources(await readyDatabase({ log: info }), {
    slug,
    name,
    website: options.website,
    careersUrl: url ?? null,
    profileSource: 'cli',
    sources: [
      { kind: source.kind, token: source.token, url: source.url ?? null, config: source.config ?? {} },
    ],
  });
  console.log(
    `${result.created ? 'Added' : 'Updated'} ${name} (${slug}) with a ${SOURCE_KIND_LABELS[source.kind]} source` +
      `${source.token ? ` '${source.token}'` : ` at ${source.url}`}. Scrape it now: npx elsewhere scrape ${slug}`,
  );
}

function titleCase(token: string): string {
  return token
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
