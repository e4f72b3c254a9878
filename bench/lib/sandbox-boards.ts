/** The scrape benchmark's boards: fixed seed and date, so every run scrapes the same 50,000 jobs. */
export const SANDBOX_SEED = 20_260_101;
export const SANDBOX_NOW = new Date('2026-01-01T00:00:00Z');
