/**
 * State one process keeps once, however many copies of a module it loads.
 *
 * Next bundles lib/ separately for App Router pages, for route handlers and for Pages Router pages,
 * so one site process runs a copy of every module per bundle that uses it. Module-level singletons
 * would multiply with them: a database pool per copy, an in-memory search index per copy (each
 * loading every open listing, 27 MB at 100,000). State kept here is shared by every copy, keyed by
 * name on `globalThis`.
 *
 * Only plain state belongs here: classes differ between the copies, so `instanceof` on a shared
 * object's errors or values is unreliable across them.
 */
export function processState<T extends object>(name: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`elsewhere.${name}`);
  return (store[key] ??= create());
}
