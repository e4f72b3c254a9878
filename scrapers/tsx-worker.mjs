// Worker threads do not inherit tsx's loader: register it, then load the TypeScript entry given in
// workerData.entry (the normalizing pool of scrapers/normalize-pool.ts, the benchmark seeder).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
