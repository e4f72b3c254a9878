/**
 * Playwright starts the site (webServer, with its own embedded PostgreSQL in the e2e data dir) before
 * this runs; here the sandbox boards are scraped into that database by e2e/seed.ts in a child process
 * that shares the running server.
 */
import { execFileSync } from 'node:child_process';

export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? '.data/e2e';

export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, ['--import', 'tsx', 'e2e/seed.ts'], {
    stdio: 'inherit',
    env: { ...process.env, ELSEWHERE_DATA_DIR: E2E_DATA_DIR },
  });
}
