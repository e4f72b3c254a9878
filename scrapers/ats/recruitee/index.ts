/** Recruitee careers site API adapter. */
import type { Adapter } from '../../types';
import { fetchBoard, parseRecruiteeOffers } from './client';

export const adapter: Adapter = {
  kind: 'recruitee',
  fetchBoard: (http, source, previous) => fetchBoard(http, source, previous),
  parseSaved: parseRecruiteeOffers,
};
