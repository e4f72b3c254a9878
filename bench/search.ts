/**
 * `npm run bench:search`: search latency at 100,000 listings, against a naive ILIKE baseline.
 *
 * Uses its own embedded PostgreSQL in .data/bench (never DATABASE_URL: seeding writes 100,000 jobs),
 * seeded once from deterministic synthetic boards and reused while the seed's fingerprint matches.
 * Prints one JSON line per figure and merges them into bench/results.json.
 *
 *   npm run bench:search -- --rounds 30 --baseline-rounds 1 --listings 100000
 */
import { parseArgs } from 'node:util';
import { selectBenchDatabase } from './lib/harness';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '30' },
    'baseline-rounds': { type: 'string', default: '1' },
    listings: { type: 'string', default: '100000' },
  },
});

// Before anything reads the environment (lib/env caches it): this benchmark's own database.
selectBenchDatabase('bench');

const { runSearchBenchmark } = await import('./lib/search-benchmark');
await runSearchBenchmark({
  rounds: Number(args.rounds),
  baselineRounds: Number(args['baseline-rounds']),
  listings: Number(args.listings),
});
