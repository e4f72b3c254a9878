import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HostLimiter } from './host-limiter';

/** Run `count` tasks per host and report the peak concurrency seen per host and overall. */
async function peaks(limiter: HostLimiter, hosts: string[], count: number) {
  const active = new Map<string, number>();
  const peakPerHost = new Map<string, number>();
  let total = 0;
  let peakTotal = 0;
  const order: string[] = [];
  await Promise.all(
    hosts.flatMap((host) =>
      Array.from({ length: count }, (_, i) =>
        limiter.run(host, async () => {
          order.push(`${host}#${i}`);
          active.set(host, (active.get(host) ?? 0) + 1);
          peakPerHost.set(host, Math.max(peakPerHost.get(host) ?? 0, active.get(host)!));
          peakTotal = Math.max(peakTotal, ++total);
          await sleep(10);
          active.set(host, active.get(host)! - 1);
          total -= 1;
        }),
      ),
    ),
  );
  return { peakPerHost, peakTotal, order };
}

describe('HostLimiter', () => {
  it('keeps each host at its limit while different hosts run side by side', async () => {
    const { peakPerHost, peakTotal } = await peaks(
      new HostLimiter({ perHost: 2, global: 32, perHostDelayMs: 0 }),
      ['a', 'b', 'c'],
      6,
    );
    expect([...peakPerHost.values()]).toEqual([2, 2, 2]);
    expect(peakTotal).toBe(6);
  });

  it('keeps all hosts together under the global cap', async () => {
    const { peakTotal } = await peaks(
      new HostLimiter({ perHost: 4, global: 3, perHostDelayMs: 0 }),
      ['a', 'b', 'c', 'd'],
      4,
    );
    expect(peakTotal).toBe(3);
  });

  it('serves waiters first come, first served', async () => {
    const { order } = await peaks(new HostLimiter({ perHost: 1, global: 1, perHostDelayMs: 0 }), ['a'], 5);
    expect(order).toEqual(['a#0', 'a#1', 'a#2', 'a#3', 'a#4']);
  });

  it('releases the slot when a task fails', async () => {
    const limiter = new HostLimiter({ perHost: 1, global: 1, perHostDelayMs: 0 });
    await expect(limiter.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('a', () => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('spaces the starts of one host by the delay but not those of different hosts', async () => {
    const limiter = new HostLimiter({ perHost: 5, global: 10, perHostDelayMs: 60 });
    const starts: Array<[string, number]> = [];
    const t0 = Date.now();
    await Promise.all(
      ['a', 'a', 'a', 'b'].map((host) =>
        limiter.run(host, async () => void starts.push([host, Date.now() - t0])),
      ),
    );
    const a = starts.filter(([host]) => host === 'a').map(([, at]) => at);
    // Measured from the common origin: a late first callback (a loaded machine) cannot hide a
    // missing delay, and the n-th start of one host is never before n delays.
    expect(a[1]!).toBeGreaterThanOrEqual(55);
    expect(a[2]!).toBeGreaterThanOrEqual(115);
    // Another host does not wait for host a's delay.
    expect(starts.find(([host]) => host === 'b')![1]).toBeLessThan(a[1]!);
  });
});
