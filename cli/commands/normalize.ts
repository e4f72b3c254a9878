/**
 * Commands that show what normalization makes of things: `location`, `salary`, and `parse` (a saved
 * ATS response -> normalized jobs as NDJSON, the contract between adapters and the rest).
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidPostingError, normalizePosting } from '../../lib/normalize';
import { isEligible, parseLocationText } from '../../lib/normalize/location';
import { parseSalaryText } from '../../lib/normalize/salary';
import { getAdapter, isSourceKind, SOURCE_KINDS } from '../../scrapers/registry';
import { InvalidPayloadError } from '../../scrapers/types';
import { action, info, UserError } from '../run';

export function registerNormalizeCommands(program: Command): void {
  program
    .command('location')
    .description('what Elsewhere reads from a location text: workplace, eligibility, timezone, evidence')
    .argument('<text>', 'a location or eligibility text, e.g. "Remote - US; Remote - Canada"')
    .option(
      '--country <code>',
      'print {"eligible": true|false} for someone living in this ISO country (e.g. PT)',
    )
    .action(
      action(async (text: string, options: { country?: string }) => {
        const eligibility = parseLocationText(text);
        if (options.country) {
          const code = options.country.trim().toUpperCase();
          if (!/^[A-Z]{2}$/.test(code))
            throw new UserError(`--country ${options.country}: give an ISO 3166-1 alpha-2 code like PT`);
          console.log(JSON.stringify({ eligible: isEligible(eligibility, code) }));
          return;
        }
        const { workplace, worldwide, countries, timezone, evidence } = eligibility;
        console.log(JSON.stringify({ workplace, worldwide, countries, timezone, evidence }, null, 2));
      }),
    );

  program
    .command('salary')
    .description('the salary Elsewhere reads from a text, annualized in USD, or null')
    .argument('<text>', 'e.g. "€60,000 - €75,000 per year"')
    .action(
      action(async (text: string) => {
        const salary = parseSalaryText(text);
        console.log(
          JSON.stringify(
            salary && {
              min: salary.min,
              max: salary.max,
              currency: salary.currency,
              period: salary.period,
              annualUsdMin: salary.annualUsdMin,
              annualUsdMax: salary.annualUsdMax,
            },
            null,
            2,
          ),
        );
      }),
    );

  program
    .command('parse')
    .description('normalize a saved response of a source kind: one JSON job per line (NDJSON)')
    .argument('<kind>', `source kind: ${SOURCE_KINDS.join(', ')}`)
    .argument('<file>', 'the saved response body (JSON, XML, RSS or HTML as the kind publishes it)')
    .option('--company <slug>', 'company slug for the jobs (default: from the file name)')
    .option('--name <name>', 'company name (default: from the slug)')
    .option('--url <url>', 'jsonld/html: the page URL the file was saved from (resolves relative links)')
    .option('--config <json>', 'html: the selectors, e.g. \'{"item":".job","title":"h3","link":"a"}\'')
    .action(
      action(
        async (
          kind: string,
          file: string,
          options: { company?: string; name?: string; url?: string; config?: string },
        ) => {
          if (!isSourceKind(kind))
            throw new UserError(`unknown kind "${kind}": use one of ${SOURCE_KINDS.join(', ')}`);
          let text: string;
          try {
            text = await readFile(file, 'utf8');
          } catch (error) {
            throw new UserError(
              `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
            );
          }
          let config: Record<string, unknown> = {};
          if (options.config) {
            try {
              config = JSON.parse(options.config) as Record<string, unknown>;
            } catch {
              throw new UserError('--config is not valid JSON');
            }
          }
          const companySlug = options.company ?? slugFromFile(file);
          const companyName = options.name ?? companySlug;
          const source = { kind, token: companySlug, url: options.url ?? null, config };
          let postings;
          try {
            postings = getAdapter(kind).parseSaved(text, source);
          } catch (error) {
            if (error instanceof InvalidPayloadError) {
              throw new UserError(`${file} is not a valid ${kind} response: ${error.message}`);
            }
            throw new UserError(
              `${file} could not be read as a ${kind} response: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
          let skipped = 0;
          for (const raw of postings) {
            try {
              console.log(
                JSON.stringify(normalizePosting(raw, { companySlug, companyName, sourceKind: kind })),
              );
            } catch (error) {
              if (!(error instanceof InvalidPostingError)) throw error;
              skipped += 1;
              info(`skipped: ${error.message}`);
            }
          }
          info(`${postings.length - skipped} job(s) from ${file}${skipped ? `, ${skipped} skipped` : ''}`);
        },
      ),
    );
}

function slugFromFile(file: string): string {
  const base = file.split('/').pop() ?? 'company';
  return (
    base
      .replace(/\.[a-z]+$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'company'
  );
}
