/** Careers pages with schema.org JobPosting JSON-LD. */
import type { Adapter } from '../../types';
import { fetchBoard, parseJsonLdPage } from './client';

export const adapter: Adapter = {
  kind: 'jsonld',
  fetchBoard,
  parseSaved: parseJsonLdPage,
};
