/** Points every integration test file at the database the global setup prepared. */
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
