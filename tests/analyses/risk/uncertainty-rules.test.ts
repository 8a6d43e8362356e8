import { describe, expect, it } from 'vitest';
import { defaultSpread, multiplierOf, spreadOf, type UncertaintyRule } from '../../../src/analyses/risk/uncertainty-rules.js';

describe('spreads by basis and kind', () => {
  it('default to the method: reported +-10 %, estimate +-25 %, assumption +-40 %, targets realised at 50-100 % with lead times slipping 0-50 %', () => {
    expect(defaultSpread('reported', 'capacity')).toMatchObject({ low: 0.9, high: 1.1 });
    expect(defaultSpread('estimate', 'need')).toMatchObject({ low: 0.75, high: 1.25 });
    expect(defaultSpread('assumption', 'budget')).toMatchObject({ low: 0.6, high: 1.4 });
    for (const kind of ['capacity', 'ceiling', 'ramp', 'budget'] as const) expect(defaultSpread('target', kind)).toMatchObject({ low: 0.5, high: 1 });
    expect(defaultSpread('target', 'lead_time')).toMatchObject({ low: 1, high: 1.5 });
    expect(defaultSpread('target', 'unit_cost')).toMatchObject({ low: 0.75, high: 1.25 });
  });

  it('take the most specific row of uncertainty.csv: basis and kind, then basis, then kind, then * and *', () => {
    const rule = (basis: UncertaintyRule['basis'], kind: UncertaintyRule['kind'], low: number): UncertaintyRule => ({ basis, kind, low, high: 2, distribution: 'uniform' });
    const rules = [rule('*', '*', 0.1), rule('*', 'need', 0.2), rule('estimate', '*', 0.3), rule('estimate', 'need', 0.4)];
    expect(spreadOf(rules, 'estimate', 'need').low).toBe(0.4);
    expect(spreadOf(rules, 'estimate', 'budget').low).toBe(0.3);
    expect(spreadOf(rules, 'reported', 'need').low).toBe(0.2);
    expect(spreadOf(rules, 'reported', 'budget').low).toBe(0.1);
    expect(spreadOf([rule('target', 'need', 0.5)], 'reported', 'need')).toEqual(defaultSpread('reported', 'need'));
  });

  it('turn unit draws into multipliers by the inverse distribution function', () => {
    const uniform = { low: 0.6, high: 1.4, distribution: 'uniform' } as const;
    expect(multiplierOf(uniform, 0)).toBe(0.6);
    expect(multiplierOf(uniform, 0.25)).toBe(0.8);
    expect(multiplierOf(uniform, 0.5)).toBe(1);
    const triangular = { low: 0.6, high: 1.4, distribution: 'triangular' } as const;
    expect(multiplierOf(triangular, 0.5)).toBe(1); // peaked at 1, symmetric: the median is the peak
    expect(multiplierOf(triangular, 0.1)).toBeCloseTo(0.6 + Math.sqrt(0.1 * 0.8 * 0.4), 6);
    // A range that does not hold 1 peaks at its end nearest to 1.
    expect(multiplierOf({ low: 1, high: 1.5, distribution: 'triangular' }, 0.75)).toBeCloseTo(1.25, 6);
    expect(multiplierOf({ low: 0.7, high: 0.7, distribution: 'uniform' }, 0.3)).toBe(0.7);
  });
});
