import { describe, expect, it } from 'vitest';
import { siteNodeFlags } from './start';

describe('siteNodeFlags', () => {
  it('caps the site heap by default', () => {
    expect(siteNodeFlags(undefined)).toEqual(['--max-old-space-size=1024']);
    expect(siteNodeFlags('--enable-source-maps')).toEqual(['--max-old-space-size=1024']);
  });

  it("leaves the operator's own heap limit alone, in either spelling", () => {
    expect(siteNodeFlags('--max-old-space-size=4096')).toEqual([]);
    expect(siteNodeFlags('--enable-source-maps --max_old_space_size=2048')).toEqual([]);
  });
});
