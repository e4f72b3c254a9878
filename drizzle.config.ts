import { defineConfig } from 'drizzle-kit';

// Generating migrations needs no database: `npm run db:generate` diffs lib/db/schema against drizzle/.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema/index.ts',
  out: './drizzle',
  strict: true,
  casing: 'snake_case',
});
