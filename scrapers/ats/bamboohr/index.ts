/** BambooHR careers adapter. */
import type { Adapter } from '../../types';
import { fetchBoard, parseBambooList } from './client';

export const adapter: Adapter = {
  kind: 'bamboohr',
  fetchBoard: (http, source, previous) => fetchBoard(http, source, previous),
  parseSaved: parseBambooList,
};
