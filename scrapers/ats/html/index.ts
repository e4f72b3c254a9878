/** Plain careers pages read with CSS selectors from the source's config. */
import type { Adapter } from '../../types';
import { fetchBoard, parseHtmlCareersPage } from './client';

export const adapter: Adapter = {
  kind: 'html',
  fetchBoard,
  parseSaved: parseHtmlCareersPage,
};
