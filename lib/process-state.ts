/**
 * State one process keeps once, however many copies of a module it loads.
 *
 * Next bundles lib/ separately for pages and for route handlers, so one site process runs two
 * copies of every module both use. Module-level singletons would double with them: two database
 * pools, two in-memory search indexes (each loading every open listing, 27 MB at 100,000), two
 * overview caches. State kept here is shared by every copy, keyed by name on `globalThis`.
 *
 * Only plain state belongs here: classes differ between the copies, so `instanceof` on a shared
 * object's errors or values is unreliable across them.
 */
export function processState<T extends object>(name: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`elsewhere.${name}`);
  return (store[key] ??= create());
}
