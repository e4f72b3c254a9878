import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,scrapers,cli,app}/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{lib,scrapers,cli,app,tests}/**/*.int.test.ts'],
          // One embedded Postgres for the whole run; files share it through the data dir record.
          globalSetup: ['./tests/global-setup.ts'],
          setupFiles: ['./tests/setup-db.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
