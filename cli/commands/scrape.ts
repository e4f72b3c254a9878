/** `elsewhere scrape`, `status`, `worker`, `reindex`: the acquisition side from the terminal. */
import type { Command } from 'commander';
import { registerAlertJobs } from '../../lib/alerts/worker';
import { getSearchEngine } from '../../lib/search/engine';
import { getStatusReport } from '../../lib/site/status';
import { selectSourcesForScrape } from '../../lib/sources';
import { readyDatabase } from '../../lib/system/database';
import { createHttpFromEnv } from '../../scrapers/http';
import { scrapeMany, type ScrapeProgress } from '../../scrapers/run';
import { startWorkerFromEnv } from '../../scrapers/worker';
import { action, info, UserError } from '../run';

export function registerScrapeCommands(program: Command): void {
  program
    .command('scrape')
    .description(
      'scrape now: every source, or those of the given companies, with live progress and a summary',
    )
    .argument('[company...]', 'company slugs (default: every enabled source)')
    .option('--concurrency <n>', 'boards at once', '4')
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (companies: string[], options: { concurrency: string; json?: boolean }) => {
        const database = await readyDatabase({ log: info });
        const selected = await selectSourcesForScrape(database, companies);
        if (selected.unknownCompanies.length) {
          throw new UserError(
            `no company with slug ${selected.unknownCompanies.join(', ')} (see npx elsewhere companies list --search <name>)`,
          );
        }
        for (const slug of selected.companiesWithoutSources)
          info(`${slug}: no enabled source (add one with companies add)`);
        if (selected.sourceIds.length === 0) {
          info(
            'Nothing to scrape: add companies with `npx elsewhere companies add <careers-url>` or `companies seed`.',
          );
          return 1;
        }
        const http = createHttpFromEnv();
        const began = Date.now();
        const progress = progressPrinter(selected.sourceIds.length);
        try {
          const summary = await scrapeMany({ database, http, log: () => {} }, selected.sourceIds, {
            concurrency: Number(options.concurrency) || 4,
            onProgress: progress,
          });
          progress.done();
          const seconds = ((Date.now() - began) / 1000).toFixed(1);
          if (options.json) {
            console.log(
              JSON.stringify(
                { ...summary, runs: summary.runs.map(({ nextRunAt: _n, ...run }) => run) },
                null,
                2,
              ),
            );
          } else {
            console.log(
              `Scraped ${summary.total} board(s) in ${seconds} s: ${summary.seen} jobs seen, ${summary.new} new, ` +
                `${summary.updated} updated, ${summary.closed} closed; ${summary.failures} failed, ${summary.suspicious} suspicious.`,
            );
            for (const run of summary.runs.filter(
              (r) => r.status === 'failed' || r.status === 'suspicious',
            )) {
              console.log(`  ${run.status.padEnd(10)} ${run.label}: ${run.error ?? ''}`);
            }
          }
          return summary.failures > 0 && summary.failures === summary.total ? 1 : 0;
        } finally {
          await http.close();
        }
      }),
    );

  program
    .command('status')
    .description("every source's last run, last success, next run, failure streak and counts (failing first)")
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        await readyDatabase({ log: info });
        const report = await getStatusReport();
        if (options.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        const { summary } = report;
        console.log(
          `${summary.total} sources: ${summary.ok} ok, ${summary.failing} failing, ${summary['never-run']} never run, ${summary.disabled} disabled`,
        );
        const when = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') : '—');
        console.log(
          [
            'STATE',
            'SOURCE',
            'LAST RUN',
            'LAST SUCCESS',
            'NEXT RUN',
            'STREAK',
            'OPEN',
            'SEEN/NEW/CLOSED',
          ].join('\t'),
        );
        for (const row of report.sources) {
          const counts = row.lastRun ? `${row.lastRun.seen}/${row.lastRun.new}/${row.lastRun.closed}` : '—';
          console.log(
            [
              row.state + (row.lastStatus ? ` (${row.lastStatus})` : ''),
              `${row.companySlug} ${row.kind}:${row.board}`,
              when(row.lastRunAt),
              when(row.lastSuccessAt),
              when(row.nextRunAt),
              String(row.failureStreak),
              String(row.openJobs),
              counts,
            ].join('\t'),
          );
          if (row.state === 'failing' && row.lastError) console.log(`\t  ${row.lastError}`);
        }
      }),
    );

  program
    .command('worker')
    .description(
      'run the background worker alone (scrape schedule, alert digests); any number, on any machines',
    )
    .option('--concurrency <n>', 'scrapes at once in this process', '4')
    .action(
      action(async (options: { concurrency: string }) => {
        registerAlertJobs();
        const worker = await startWorkerFromEnv({ log: info, concurrency: Number(options.concurrency) || 4 });
        info('Worker running. Ctrl-C stops it after the jobs in progress finish.');
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
        info('Stopping the worker…');
        await worker.stop();
      }),
    );

  program
    .command('reindex')
    .description('rebuild the search index from the database (Meilisearch; a no-op check for PostgreSQL)')
    .action(
      action(async () => {
        await readyDatabase({ log: info });
        const engine = await getSearchEngine();
        info(`Rebuilding the ${engine.name} search index…`);
        let last = 0;
        await engine.rebuild(({ done, total }) => {
          if (Date.now() - last > 500 || done === total) {
            info(`  ${done}/${total} jobs`);
            last = Date.now();
          }
        });
        console.log(`Rebuilt the ${engine.name} index.`);
      }),
    );
}

/** Live progress on one terminal line (or plain lines when not a TTY). */
function progressPrinter(total: number) {
  const tty = process.stderr.isTTY;
  let lastLine = '';
  const print = (progress: ScrapeProgress) => {
    const line =
      `boards ${progress.done}/${total} · jobs seen ${progress.seen}, new ${progress.new}, closed ${progress.closed}` +
      ` · failures ${progress.failures}` +
      (progress.event === 'finished' && progress.run
        ? ` · ${progress.run.label}: ${progress.run.status}`
        : '');
    if (tty) process.stderr.write(`\r\x1b[2K${line}`);
    else if (progress.event === 'finished') process.stderr.write(`${line}\n`);
    lastLine = line;
  };
  return Object.assign(print, {
    done() {
      if (tty && lastLine) process.stderr.write('\n');
    },
  });
}
