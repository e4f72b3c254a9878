import { describe, expect, it, vi } from 'vitest';
import { cachedLoader } from './overview';

/** A loader whose calls resolve (or reject) when the test says so. */
function controlledLoad() {
  const pending: { resolve: (value: number) => void; reject: (error: Error) => void }[] = [];
  const load = vi.fn(() => new Promise<number>((resolve, reject) => pending.push({ resolve, reject })));
  return { load, pending };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('cachedLoader', () => {
  it('makes the first callers wait for one shared load', async () => {
    const { load, pending } = controlledLoad();
    const get = cachedLoader(load, { now: () => 0 });
    const first = get();
    const second = get();
    expect(load).toHaveBeenCalledTimes(1);
    pending[0]!.resolve(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
  });

  it('answers from memory while the value is young', async () => {
    const { load, pending } = controlledLoad();
    let clock = 0;
    const get = cachedLoader(load, { now: () => clock, maxAgeMs: 1000 });
    const first = get();
    pending[0]!.resolve(1);
    await first;
    clock = 999;
    expect(await get()).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  /** A loader (maxAge 1 s, maxStale 10 s) that has loaded 1 at time 0; `at(ms)` moves the clock. */
  async function loadedOnce() {
    const { load, pending } = controlledLoad();
    let clock = 0;
    const errors: unknown[] = [];
    const get = cachedLoader(load, {
      now: () => clock,
      maxAgeMs: 1000,
      maxStaleMs: 10_000,
      onStaleError: (e) => errors.push(e),
    });
    const first = get();
    pending[0]!.resolve(1);
    await first;
    return { get, load, pending, errors, at: (ms: number) => (clock = ms) };
  }

  it('answers with the old value and starts one shared reload once the value is old', async () => {
    const { get, load, pending, at } = await loadedOnce();
    at(1000);
    expect(await get()).toBe(1);
    expect(await get()).toBe(1);
    expect(load).toHaveBeenCalledTimes(2);
    pending[1]!.resolve(2);
    await settle();
    expect(await get()).toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('waits for one shared reload once the value is older than maxStaleMs', async () => {
    const { get, load, pending, at } = await loadedOnce();
    at(10_000);
    const second = get();
    const third = get();
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    pending[1]!.resolve(2);
    expect(await Promise.all([second, third])).toEqual([2, 2]);
  });

  it('keeps the last value when a background reload fails, reports it, and retries on the next call', async () => {
    const { get, load, pending, errors, at } = await loadedOnce();
    at(2000);
    expect(await get()).toBe(1);
    pending[1]!.reject(new Error('database down'));
    await settle();
    expect(errors).toEqual([new Error('database down')]);
    expect(await get()).toBe(1);
    expect(load).toHaveBeenCalledTimes(3);
    pending[2]!.resolve(4);
    await settle();
    expect(await get()).toBe(4);
  });

  it('answers a waiting caller with the last value when its reload fails', async () => {
    const { get, pending, errors, at } = await loadedOnce();
    at(20_000);
    const second = get();
    await settle();
    pending[1]!.reject(new Error('database down'));
    expect(await second).toBe(1);
    expect(errors).toEqual([new Error('database down')]);
  });

  it('rejects the callers of a failed first load, and retries on the next call', async () => {
    const { load, pending } = controlledLoad();
    const get = cachedLoader(load, { now: () => 0 });
    const first = get();
    pending[0]!.reject(new Error('database down'));
    await expect(first).rejects.toThrow('database down');
    const second = get();
    expect(load).toHaveBeenCalledTimes(2);
    pending[1]!.resolve(3);
    expect(await second).toBe(3);
  });
});
