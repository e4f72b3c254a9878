/**
 * The `elsewhere` command line. Every command has --help; output meant for machines goes to stdout,
 * progress to stderr.
 */
import { Command } from 'commander';
import { registerCompanyCommands } from './commands/companies';
import { registerDbCommands } from './commands/db';
import { registerNormalizeCommands } from './commands/normalize';
import { registerSandboxCommand } from './commands/sandbox';
import { registerScrapeCommands } from './commands/scrape';
import { registerStartCommand } from './commands/start';

// `elsewhere parse ... | head`: a closed stdout is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command();
program
  .name('elsewhere')
  .description('Elsewhere: remote jobs straight from the companies’ own careers pages.')
  .showHelpAfterError('(run with --help for usage)')
  .enablePositionalOptions();

registerStartCommand(program);
registerDbCommands(program);
registerCompanyCommands(program);
registerNormalizeCommands(program);
registerSandboxCommand(program);
registerScrapeCommands(program);

await program.parseAsync(process.argv);
