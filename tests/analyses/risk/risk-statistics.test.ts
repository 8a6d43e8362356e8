import { describe, expect, it } from 'vitest';
import { levelHeldWith, quantile, rankCorrelation } from '../../../src/analyses/risk/risk-statistics.js';

describe('the statistics of the risk reports', () => {
  it('quantiles interpolate between order statistics (type 7)', () => {
    const v = [5, 1, 4, 2, 3];
    expect(quantile(v, 0)).toBe(1);
    expect(quantile(v, 0.5)).toBe(3);
    expect(quantile(v, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantile(v, 0.9)).toBeCloseTo(4.6, 12);
    expect(quantile([], 0.5)).toBeUndefined();
  });

  it('the level held with confidence C is reached by at least C of the samples, and no higher level is', () => {
    const levels = Array.from({ length: 200 }, (_, i) => i / 2);
    const held = levelHeldWith(levels, 0.9)!;
    expect(levels.filter((l) => l >= held).length).toBeGreaterThanOrEqual(180);
    expect(levels.filter((l) => l > held).length).toBeLessThan(180);
    expect(levelHeldWith([3, 1, 2], 1)).toBe(1);
  });

  it("rank correlation is Spearman's: +1 and -1 for monotone relations, ties share ranks, constants have none", () => {
    expect(rankCorrelation([1, 2, 3, 4], [10, 100, 1000, 10000])).toBeCloseTo(1, 12);
    expect(rankCorrelation([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(rankCorrelation([1, 2, 3, 4, 5], [1, 1, 2, 2, 3])).toBeCloseTo(9 / Math.sqrt(90), 12); // ranks 1.5, 1.5, 3.5, 3.5, 5
    expect(rankCorrelation([1, 2, 3], [7, 7, 7])).toBeUndefined();
  });
});
