import { describe, expect, it } from 'vitest';
import { humanEuros, humanPercent } from '../../src/base/format-number.js';
import { weighted } from '../../src/render/html/html-kit.js';

describe('numbers for people', () => {
  it('choose the unit after rounding: EUR 999.96 m reads EUR 1.00 bn, not EUR 1000.0 m', () => {
    expect(humanEuros(999_960_000)).toBe('EUR 1.00 bn');
    expect(humanEuros(999_940_000)).toBe('EUR 999.9 m');
    expect(humanEuros(999_999.6)).toBe('EUR 1.0 m');
    expect(humanEuros(999_949)).toBe('EUR 999,949');
    expect(humanEuros(-1_234_567_890)).toBe('EUR -1.23 bn');
    expect(humanEuros(0)).toBe('EUR 0');
    expect(weighted(999.96)).toBe('1,000');
    expect(weighted(999.94)).toBe('999.9');
  });

  it('never show a gap as met, or a delivery as nothing, by rounding', () => {
    expect(humanPercent(0.99996)).toBe('> 99.9 %');
    expect(humanPercent(1)).toBe('100.0 %');
    expect(humanPercent(0.00004)).toBe('< 0.1 %');
    expect(humanPercent(0)).toBe('0.0 %');
    expect(humanPercent(0.2534)).toBe('25.3 %');
  });
});
