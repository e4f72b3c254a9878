/**
 * The `elsewhere` command line. Every command has --help; output meant for machines goes to stdout,
 * progress to stderr. Only the module of the command being run is loaded (the CLI stays quick to
 * start); `--help` loads them all.
 */
import { Command } from 'commander';

// `elsewhere parse ... | head`: a closed stdout is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

type Register = (program: Command) => void;

/** Command name -> the module that registers it. */
const COMMAND_MODULES: Record<string, () => Promise<Register>> = {
  start: () => import('./commands/start').then((m) => m.registerStartCommand),
  demo: () => import('./commands/start').then((m) => m.registerStartCommand),
  build: () => import('./commands/start').then((m) => m.registerStartCommand),
  db: () => import('./commands/db').then((m) => m.registerDbCommands),
  companies: () => import('./commands/companies').then((m) => m.registerCompanyCommands),
  location: () => import('./commands/normalize').then((m) => m.registerNormalizeCommands),
  salary: () => import('./commands/normalize').then((m) => m.registerNormalizeCommands),
  parse: () => import('./commands/normalize').then((m) => m.registerNormalizeCommands),
  sandbox: () => import('./commands/sandbox').then((m) => m.registerSandboxCommand),
  scrape: () => import('./commands/scrape').then((m) => m.registerScrapeCommands),
  status: () => import('./commands/scrape').then((m) => m.registerScrapeCommands),
  worker: () => import('./commands/scrape').then((m) => m.registerScrapeCommands),
  reindex: () => import('./commands/scrape').then((m) => m.registerScrapeCommands),
  alerts: () => import('./commands/alerts').then((m) => m.registerAlertCommands),
};

const program = new Command();
program
  .name('elsewhere')
  .description('Elsewhere: remote jobs straight from the companies’ own careers pages.')
  .showHelpAfterError('(run with --help for usage)')
  .enablePositionalOptions();

const requested = process.argv[2];
const loaders =
  requested && COMMAND_MODULES[requested] ? [COMMAND_MODULES[requested]] : Object.values(COMMAND_MODULES);
const registered = new Set<Register>();
for (const load of loaders) {
  const register = await load();
  if (registered.has(register)) continue;
  registered.add(register);
  register(program);
}

await program.parseAsync(process.argv);
