/** Breezy HR board adapter. */
import type { Adapter } from '../../types';
import { fetchBoard, parseBreezyFeed } from './client';

export const adapter: Adapter = {
  kind: 'breezy',
  fetchBoard: (http, source, previous) => fetchBoard(http, source, previous),
  parseSaved: parseBreezyFeed,
};
