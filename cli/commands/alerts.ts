/** `elsewhere alerts send [--dry-run]`: run the due saved-search digests now. */
import type { Command } from 'commander';
import { sendDueAlerts } from '../../lib/alerts';
import { readyDatabase } from '../../lib/system/database';
import { action, info } from '../run';

export function registerAlertCommands(program: Command): void {
  const alerts = program.command('alerts').description('saved-search email alerts');
  alerts
    .command('send')
    .description('send the digests that are due now (the worker does this every few minutes)')
    .option('--dry-run', 'show what would be sent, send nothing and record nothing')
    .action(
      action(async (options: { dryRun?: boolean }) => {
        const database = await readyDatabase({ log: info });
        const result = await sendDueAlerts({ database, dryRun: options.dryRun, log: info });
        if (!result.ran) {
          console.log('Another alerts run is in progress; nothing was sent.');
          return;
        }
        console.log(
          `${options.dryRun ? 'Would send' : 'Sent'} ${result.emails} email(s) with ${result.jobs} job(s) ` +
            `for ${result.searches} due saved search(es); ${result.failures} failure(s).`,
        );
        return result.failures > 0 ? 1 : 0;
      }),
    );
}
