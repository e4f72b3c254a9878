/** Greenhouse Job Board API adapter. */
import type { Adapter } from '../../types';
import { fetchBoard, parseGreenhouseJobs } from './client';

export const adapter: Adapter = {
  kind: 'greenhouse',
  fetchBoard: (http, source, previous) => fetchBoard(http, source, previous),
  parseSaved: parseGreenhouseJobs,
};
