import { describe, expect, it } from 'vitest';
import {
  ADAPTERS,
  getAdapter,
  getSampleRenderer,
  isSourceKind,
  SAMPLE_RENDERERS,
  SOURCE_KINDS,
  UnknownSourceKindError,
} from './registry';

describe('registry', () => {
  it.each(SOURCE_KINDS)('has the %s adapter and sample renderer under their own kind', (kind) => {
    expect(getAdapter(kind).kind).toBe(kind);
    expect(getSampleRenderer(kind).kind).toBe(kind);
  });

  it('lists exactly the source kinds', () => {
    expect(Object.keys(ADAPTERS).sort()).toEqual([...SOURCE_KINDS].sort());
    expect(Object.keys(SAMPLE_RENDERERS).sort()).toEqual([...SOURCE_KINDS].sort());
  });

  it.each([
    ['greenhouse', true],
    ['jsonld', true],
    ['Greenhouse', false],
    ['workday', false],
    ['', false],
    ['toString', false],
  ])('isSourceKind(%j) is %s', (value, expected) => {
    expect(isSourceKind(value)).toBe(expected);
  });

  it('names the known kinds when asked for an unknown one', () => {
    expect(() => getAdapter('workday')).toThrow(UnknownSourceKindError);
    expect(() => getSampleRenderer('homerun')).toThrow(/expected one of greenhouse, lever/);
  });
});
