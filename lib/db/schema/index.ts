export * from './companies';
export * from './sources';
export * from './jobs';
export * from './scrape-runs';
export * from './alerts';
