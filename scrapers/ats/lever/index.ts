/** Lever Postings API adapter. */
import type { Adapter } from '../../types';
import { fetchBoard, parseLeverPostings } from './client';

export const adapter: Adapter = {
  kind: 'lever',
  fetchBoard: (http, source, previous) => fetchBoard(http, source, previous),
  parseSaved: parseLeverPostings,
};
