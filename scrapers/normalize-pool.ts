/**
 * Normalizing in worker threads. Normalizing is the scrape's CPU-bound step (sanitizing and reading
 * every posting, about half a millisecond each); on the main thread it also delays the fetching,
 * parsing and writing of the other sources in flight. With the pool it runs beside them, on another
 * core: `scrapeMany` holds one for its run (bench:scrape's 1,000 boards need both cores busy).
 *
 * A worker that crashes fails only the boards it was normalizing (the caller normalizes them itself),
 * and the pool stops using threads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { NormalizeContext } from '../lib/normalize';
import { normalizeBoard, type NormalizedBoard } from './normalize-board';
import type { NormalizeTask } from './normalize-worker';
import type { RawPosting } from './types';

interface Pending {
  worker: Worker;
  resolve: (board: NormalizedBoard) => void;
  reject: (error: Error) => void;
}

export class NormalizePool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private readonly load = new Map<Worker, number>();
  private nextId = 0;
  private broken: Error | null = null;
  /** Boards normalized by a thread, and on the calling thread. */
  readonly boards = { threads: 0, here: 0 };

  /** `size` worker threads; 0 normalizes on the calling thread. */
  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => this.spawn());
  }

  /** One thread per core but the one the caller's own work needs, at least one, at most `max`. */
  static sizeForThisMachine(max = 4): number {
    return Math.max(1, Math.min(max, availableParallelism() - 1));
  }

  /** Normalize a board on the least busy thread, or here when the pool has none (left). */
  async normalize(context: NormalizeContext, raws: readonly RawPosting[]): Promise<NormalizedBoard> {
    if (this.broken || this.workers.length === 0) return this.here(context, raws);
    const worker = this.workers.reduce((a, b) =>
      (this.load.get(a) ?? 0) <= (this.load.get(b) ?? 0) ? a : b,
    );
    const id = this.nextId++;
    const task: NormalizeTask = { id, context, raws };
    try {
      const board = await new Promise<NormalizedBoard>((resolve, reject) => {
        this.pending.set(id, { worker, resolve, reject });
        this.load.set(worker, (this.load.get(worker) ?? 0) + 1);
        worker.ref();
        worker.postMessage(task);
      });
      this.boards.threads++;
      return board;
    } catch {
      return this.here(context, raws);
    }
  }

  private here(context: NormalizeContext, raws: readonly RawPosting[]): NormalizedBoard {
    this.boards.here++;
    return normalizeBoard(context, raws);
  }

  /** Stop the threads (boards still being normalized are finished on the calling thread). */
  async close(): Promise<void> {
    this.broken ??= new Error('the normalizing pool is closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./tsx-worker.mjs', import.meta.url), {
      workerData: { entry: new URL('./normalize-worker.ts', import.meta.url).href },
    });
    worker.on('message', ({ id, board }: { id: number; board: NormalizedBoard }) => {
      const task = this.pending.get(id);
      if (!task) return;
      this.pending.delete(id);
      const load = (this.load.get(worker) ?? 1) - 1;
      this.load.set(worker, load);
      if (load === 0) worker.unref();
      task.resolve(board);
    });
    const fail = (error: Error) => {
      this.broken ??= error;
      for (const [id, task] of this.pending) {
        if (task.worker !== worker) continue;
        this.pending.delete(id);
        task.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a normalizing thread exited (code ${code})`)));
    // An idle pool must not keep the process alive; a busy one does (see normalize).
    worker.unref();
    return worker;
  }
}
