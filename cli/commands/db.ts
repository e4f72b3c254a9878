import type { Command } from 'commander';
import {
  databaseStatus,
  migrateDatabase,
  openDatabase,
  stopEmbeddedDatabase,
} from '../../lib/system/database';
import { env } from '../../lib/env';
import { action, info } from '../run';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('the database: where it is, migrations, row counts');

  db.command('status')
    .description('where the database is, migration state and row counts')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        await openDatabase({ log: info });
        const { info: where, migrations, counts } = await databaseStatus();
        if (options.json) {
          const { url: _secret, ...shown } = where;
          console.log(JSON.stringify({ database: shown, migrations, counts }, null, 2));
          return;
        }
        console.log(`Database:   ${where.mode} ${where.displayUrl}`);
        if (where.mode === 'embedded') {
          console.log(`Data dir:   ${where.dataDir}`);
          console.log(
            `Server:     ${where.startedHere ? 'started for this command (stopped again when it ends)' : 'already running (shared with other processes)'}`,
          );
        }
        console.log(
          `Migrations: ${migrations.applied}/${migrations.available.length} applied` +
            (migrations.pending
              ? ` — ${migrations.pending} pending: run \`npm run db:migrate\``
              : ' (up to date)'),
        );
        console.log('Rows:');
        for (const [table, count] of Object.entries(counts)) console.log(`  ${table.padEnd(18)} ${count}`);
      }),
    );

  db.command('migrate')
    .description('apply pending migrations (re-running is a no-op)')
    .action(
      action(async () => {
        await openDatabase({ log: info });
        const { before, after } = await migrateDatabase();
        const applied = after.applied - before.applied;
        console.log(
          applied > 0
            ? `Applied ${applied} migration(s); ${after.applied}/${after.available.length} applied.`
            : `Up to date: ${after.applied}/${after.available.length} migrations applied.`,
        );
      }),
    );

  db.command('stop')
    .description('stop the embedded PostgreSQL of the data dir, if one is running')
    .action(
      action(async () => {
        const pid = await stopEmbeddedDatabase();
        console.log(
          pid
            ? `Stopped the embedded PostgreSQL (pid ${pid}).`
            : `No embedded PostgreSQL is running for ${env().dataDir}.`,
        );
      }),
    );
}
