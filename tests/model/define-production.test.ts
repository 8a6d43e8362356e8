import { describe, expect, it } from 'vitest';
import { defineProduction } from '../../src/model/define-production.js';
import { createModelContext } from '../../src/model/model-context.js';
import { nameModel } from '../../src/model/name-model.js';
import type { PlanInput, PlanLine } from '../../src/scenario/plan-input.js';

const line = (over: Partial<PlanLine>): PlanLine => ({
  id: 'AA/s/P',
  country: 'AA',
  system: 's',
  makesMaterial: false,
  producer: 'P',
  capacityPerMonth: 10,
  maxCapacityPerMonth: 10,
  maxExpansionPerMonth: undefined,
  leadTimeMonths: 0,
  unitCostEur: 1,
  expansionCostEur: 0,
  deliveryLagMonths: 0,
  committed: [0, 0, 0],
  ...over,
});

const input = (lines: PlanLine[]): PlanInput => ({
  scenario: 'test',
  months: [24312, 24313, 24314],
  countries: [{ code: 'AA', name: 'A', gdpEur: 1, group: '' }],
  payers: [{ code: 'AA', name: 'A', kind: 'country', gdpEur: 1, group: '', budgetEur: [1, 1, 1] }],
  systems: [{ code: 's', name: 'S', category: 'c', unit: 'u', priority: 1, stock: 0 }],
  materials: [],
  bom: [],
  lines,
  needs: [0, 1, 2].map((t) => ({ system: 's', recipient: 'UA', t, quantity: 5, weight: 1, guarantee: 0 })),
  recipients: ['UA'],
  financing: { kind: 'national' },
  excluded: [],
});

describe('defineProduction, alone', () => {
  it('gives a line that cannot grow one output column a month, bounded by its capacity, and no rows', () => {
    const m = createModelContext(input([line({})]), {});
    defineProduction(m);
    expect(m.b.numCols).toBe(3);
    expect(m.b.numRows).toBe(0);
    const lp = m.b.build(0, () => '', () => '');
    expect([...lp.colUpper]).toEqual([10, 10, 10]);
  });

  it('gives a line that can grow orders (none past the last useful month), capacity online and two rows a month', () => {
    const m = createModelContext(input([line({ maxCapacityPerMonth: 30, leadTimeMonths: 1, maxExpansionPerMonth: 4, expansionCostEur: 2e6 })]), {});
    defineProduction(m);
    const names = nameModel(m.b, m.input);
    const lp = m.b.build(0, names.column, names.row);
    const columns = Array.from({ length: lp.numCols }, (_, j) => names.column(j));
    expect(columns).toEqual([
      'produce(AA,s,P,2026_01)',
      'produce(AA,s,P,2026_02)',
      'produce(AA,s,P,2026_03)',
      'order(AA,s,P,2026_01)',
      'order(AA,s,P,2026_02)',
      'online(AA,s,P,2026_01)',
      'online(AA,s,P,2026_02)',
      'online(AA,s,P,2026_03)',
    ]);
    expect(lp.numRows).toBe(6);
    // orders: at most the ramp; online: between the starting capacity and the ceiling
    expect([...lp.colUpper.slice(3, 5)]).toEqual([4, 4]);
    expect([...lp.colLower.slice(5)]).toEqual([10, 10, 10]);
    // an order costs its expansion price (EUR millions) in the stage-2 objective
    expect(m.costs.slice(6, 10)).toEqual([3, 2, 4, 2]);
  });
});
