/**
 * Politeness for the scrapers: at most `perHost` requests at once to one host, at least
 * `perHostDelayMs` between two request starts to one host, and at most `global` requests at once in
 * total. Waiters are served first come, first served.
 *
 * Written here rather than taken from a library because none of the installed ones combines a
 * per-key limit, a per-key spacing and a global cap, and the whole thing is a few dozen lines.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface HostLimiterOptions {
  /** Requests in flight to one host. */
  perHost: number;
  /** Requests in flight in total. */
  global: number;
  /** Minimum time between two request starts to one host, in ms. */
  perHostDelayMs: number;
}

/** A counting semaphore whose release hands the slot straight to the oldest waiter. */
class Semaphore {
  private active = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly capacity: number) {}

  get idle(): boolean {
    return this.active === 0 && this.waiters.length === 0;
  }

  acquire(): Promise<void> {
    if (this.active < this.capacity) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.active -= 1;
  }
}

interface HostState {
  slots: Semaphore;
  /** Earliest time (ms since epoch) the next request to this host may start. */
  nextStartAt: number;
}

export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();
  private readonly global: Semaphore;

  constructor(private readonly options: HostLimiterOptions) {
    this.global = new Semaphore(options.global);
  }

  /** Run `task` once `host` and the global cap both have room, holding both slots until it settles. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.stateOf(host);
    await state.slots.acquire();
    try {
      // Reserve the start time before sleeping, so concurrent waiters space themselves out.
      const now = Date.now();
      const startAt = Math.max(now, state.nextStartAt);
      state.nextStartAt = startAt + this.options.perHostDelayMs;
      if (startAt > now) await sleep(startAt - now);
      // Take the global slot last: a request waiting for its host must not hold one of those.
      await this.global.acquire();
      try {
        return await task();
      } finally {
        this.global.release();
      }
    } finally {
      state.slots.release();
      if (state.slots.idle && state.nextStartAt <= Date.now()) this.hosts.delete(host);
    }
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { slots: new Semaphore(this.options.perHost), nextStartAt: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }
}
