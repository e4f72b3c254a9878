import { describe, expect, it } from 'vitest';
import { newPublicId } from './posting-row';

describe('newPublicId', () => {
  it('draws 8 base32 characters, every symbol in every position, without repeats', () => {
    const ids = Array.from({ length: 20_000 }, newPublicId);
    expect(ids.every((id) => /^[a-z2-7]{8}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // 40 random bits spread over the 8 characters: a slip in the bit arithmetic would leave some
    // symbols out of some positions (20,000 draws miss a given symbol with odds of about e^-625).
    for (let position = 0; position < 8; position++) {
      expect(new Set(ids.map((id) => id[position])).size).toBe(32);
    }
  });
});
