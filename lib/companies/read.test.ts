import { describe, expect, it } from 'vitest';
import { sourceHealthState, type SourceHealthState } from './read';

/** A source enabled and run once, with this last status and streak. */
function run(lastStatus: string | null, failureStreak = 0) {
  return { enabled: true, lastRunAt: new Date('2026-01-01T00:00:00Z'), lastStatus, failureStreak };
}

describe('sourceHealthState', () => {
  it.each<[string, Parameters<typeof sourceHealthState>[0], SourceHealthState]>([
    ['a disabled source, whatever its runs', { ...run('failed', 3), enabled: false }, 'disabled'],
    ['a source never run', { ...run(null), lastRunAt: null }, 'pending'],
    ['failed runs in a row', run('ok', 2), 'failing'],
    ['a failed last run', run('failed'), 'failing'],
    ['a board that shrank abruptly', run('suspicious'), 'suspicious'],
    ['an unchanged board', run('not_modified'), 'ok'],
    ['a successful run', run('ok'), 'ok'],
  ])('reads %s', (_case, source, state) => {
    expect(sourceHealthState(source)).toBe(state);
  });
});
