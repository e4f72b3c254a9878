/** `elsewhere sandbox`: serve sample boards of every kind at the real request paths, offline. */
import type { Command } from 'commander';
import { demoBoards, sandboxBoards } from '../../scrapers/sandbox/data';
import { sandboxOriginOverrides, startSandbox } from '../../scrapers/sandbox/server';
import { action, info, UserError } from '../run';

export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description(
      'serve sample boards of every kind at the real ATS request paths (offline; clearly marked samples)',
    )
    .option('--port <port>', 'port on 127.0.0.1', '4010')
    .option('--boards <n>', 'serve N generated boards instead of the demo set')
    .option('--jobs-per-board <n>', 'jobs per generated board', '20')
    .action(
      action(async (options: { port: string; boards?: string; jobsPerBoard: string }) => {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UserError(`--port ${options.port} is not a TCP port`);
        const placeholder = `http://127.0.0.1:${port}`;
        const boards = options.boards
          ? sandboxBoards({
              origin: placeholder,
              boards: Number(options.boards),
              jobsPerBoard: Number(options.jobsPerBoard),
            })
          : demoBoards(placeholder);
        const sandbox = await startSandbox({ port, boards });
        const jobs = sandbox.boards.reduce((sum, board) => sum + board.jobs.length, 0);
        info(
          `Elsewhere sandbox (sample data): ${sandbox.boards.length} boards, ${jobs} jobs at ${sandbox.origin}`,
        );
        info(
          'Point Elsewhere at it with these variables (and ELSEWHERE_ALLOW_PRIVATE_HOSTS=1 for the careers pages):',
        );
        for (const [name, value] of Object.entries(sandboxOriginOverrides(sandbox.origin)))
          console.log(`${name}=${value}`);
        info('Ctrl-C stops it.');
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await sandbox.close();
      }),
    );
}
