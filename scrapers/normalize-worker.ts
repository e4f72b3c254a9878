/** A worker thread of the normalizing pool (normalize-pool.ts): boards in, normalized boards out. */
import { parentPort } from 'node:worker_threads';
import type { NormalizeContext } from '../lib/normalize';
import { normalizeBoard } from './normalize-board';
import type { RawPosting } from './types';

export interface NormalizeTask {
  id: number;
  context: NormalizeContext;
  raws: readonly RawPosting[];
}

parentPort!.on('message', (task: NormalizeTask) => {
  const board = normalizeBoard(task.context, task.raws);
  // The board's rows share one buffer of their own (packRows): hand it over instead of copying.
  const rows = board.postings[0]?.stageRow.buffer as ArrayBuffer | undefined;
  parentPort!.postMessage({ id: task.id, board }, rows ? [rows] : []);
});
