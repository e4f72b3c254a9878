/** Ashby public job posting API adapter. */
import type { Adapter } from '../../types';
import { fetchBoard, parseAshbyBoard } from './client';

export const adapter: Adapter = {
  kind: 'ashby',
  fetchBoard: (http, source, previous) => fetchBoard(http, source, previous),
  parseSaved: parseAshbyBoard,
};
