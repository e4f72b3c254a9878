/**
 * The `elsewhere` command line. Every command has --help; output meant for machines goes to stdout,
 * progress to stderr.
 */
import { Command } from 'commander';
import { registerDbCommands } from './commands/db';
import { registerStartCommand } from './commands/start';

const program = new Command();
program
  .name('elsewhere')
  .description('Elsewhere: remote jobs straight from the companies’ own careers pages.')
  .showHelpAfterError('(run with --help for usage)')
  .enablePositionalOptions();

registerStartCommand(program);
registerDbCommands(program);

await program.parseAsync(process.argv);
