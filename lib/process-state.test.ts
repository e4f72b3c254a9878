import { describe, expect, it, vi } from 'vitest';
import { processState } from './process-state';

describe('processState', () => {
  it('creates the state once per name, whichever copy of the module asks', async () => {
    const create = vi.fn(() => ({ count: 0 }));
    const first = processState('test.shared', create);
    first.count++;
    // A second copy of the module, as Next loads one per server layer.
    vi.resetModules();
    const copy = await import('./process-state');
    expect(copy.processState).not.toBe(processState);
    const second = copy.processState('test.shared', () => ({ count: 100 }));
    expect(second).toBe(first);
    expect(second.count).toBe(1);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('keeps different names apart', () => {
    expect(processState('test.a', () => ({ name: 'a' }))).not.toBe(
      processState('test.b', () => ({ name: 'b' })),
    );
  });
});
