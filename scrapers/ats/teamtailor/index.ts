/** Teamtailor RSS adapter. */
import type { Adapter } from '../../types';
import { fetchBoard, parseTeamtailorFeed } from './client';

export const adapter: Adapter = {
  kind: 'teamtailor',
  fetchBoard: (http, source, previous) => fetchBoard(http, source, previous),
  parseSaved: parseTeamtailorFeed,
};
