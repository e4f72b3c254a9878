/** Personio XML feed adapter. */
import type { Adapter } from '../../types';
import { fetchBoard, parsePersonioFeed } from './client';

export const adapter: Adapter = {
  kind: 'personio',
  fetchBoard: (http, source, previous) => fetchBoard(http, source, previous),
  parseSaved: parsePersonioFeed,
};
