/**
 * The scrape benchmark's sandbox, run as its own process (a remote ATS does not share the scraper's
 * event loop): `sandboxBoards` boards on 127.0.0.1, port 0. Prints `{"origin": ...}` as its first line
 * on stdout once listening, and stops on SIGTERM or when its parent closes stdin.
 *
 *   tsx bench/lib/sandbox-server.ts --boards 1000 --jobs-per-board 50
 */
import { parseArgs } from 'node:util';
import { sandboxBoards } from '../../scrapers/sandbox/data';
import { startSandbox } from '../../scrapers/sandbox/server';
import { SANDBOX_NOW, SANDBOX_SEED } from './sandbox-boards';

const { values: args } = parseArgs({
  options: {
    boards: { type: 'string', default: '1000' },
    'jobs-per-board': { type: 'string', default: '50' },
  },
});

const sandbox = await startSandbox({
  boards: sandboxBoards({
    origin: 'http://placeholder.invalid',
    boards: Number(args.boards),
    jobsPerBoard: Number(args['jobs-per-board']),
    seed: SANDBOX_SEED,
    now: SANDBOX_NOW,
  }),
  // Room for every board's answers (detail pages included): a re-scrape should find them rendered.
  cacheBytes: 512 * 1024 * 1024,
});
process.stdout.write(`${JSON.stringify({ origin: sandbox.origin })}\n`);

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
