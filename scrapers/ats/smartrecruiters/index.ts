/** SmartRecruiters Posting API adapter. */
import type { Adapter } from '../../types';
import { fetchBoard, parseSmartRecruitersSaved } from './client';

export const adapter: Adapter = {
  kind: 'smartrecruiters',
  fetchBoard: (http, source, previous) => fetchBoard(http, source, previous),
  parseSaved: parseSmartRecruitersSaved,
};
