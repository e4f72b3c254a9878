/** Workable widget API adapter. */
import type { Adapter } from '../../types';
import { fetchBoard, parseWorkableAccount } from './client';

export const adapter: Adapter = {
  kind: 'workable',
  fetchBoard: (http, source, previous) => fetchBoard(http, source, previous),
  parseSaved: parseWorkableAccount,
};
