import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { buildRampUpModel } from '../../src/model/build-ramp-up-model.js';
import { defineProduction } from '../../src/model/define-production.js';
import { createModelContext } from '../../src/model/model-context.js';
import { nameModel } from '../../src/model/name-model.js';
import type { PlanInput, PlanLine } from '../../src/scenario/plan-input.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';
import { writeProgram } from '../../src/model/write-program.js';
import { caseFiles } from '../helpers/data-builder.js';

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
  kind: 'existing',
  firstT: 0,
  releaseUnits: undefined,
  deferrable: [0, 0, 0],
  deferralCostEur: 0,
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
  options: [],
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
    // a state row and a capacity row a month, and the ceiling over the orders
    expect(lp.numRows).toBe(7);
    expect(names.row(6)).toBe('ceiling(AA,s,P)');
    expect([lp.rowLower[6], lp.rowUpper[6]]).toEqual([-Infinity, 20]);
    // orders: at most the ramp; online: at least 0, nothing more (issue 18)
    expect([...lp.colUpper.slice(3, 5)]).toEqual([4, 4]);
    expect([...lp.colLower.slice(5)]).toEqual([0, 0, 0]);
    expect([...lp.colUpper.slice(5)]).toEqual([Infinity, Infinity, Infinity]);
    // an order costs its expansion price (EUR millions) in the stage-2 objective
    const cost = new Map<number, number>();
    for (let k = 0; k < m.costs.length; k += 2) cost.set(m.costs[k]!, (cost.get(m.costs[k]!) ?? 0) + m.costs[k + 1]!);
    expect([cost.get(3), cost.get(4)]).toEqual([2, 2]);
  });
});

/**
 * Issue 18: with capacity online bounded by [cap0, capmax] HiGHS's interior point stalled
 * ("IPM no progress") on a 31 x 30 x 36 folder and fell back to 50,000 simplex iterations;
 * with the ceiling as one row over the orders and capacity online bounded only below by 0 it
 * converged. This reads the exported program, as any other solver would see it, so a change
 * that brings the bounds back fails here.
 */
describe('the exported program of a small case', () => {
  it('has the ceiling as a row over the orders and no bounds on capacity online', async () => {
    const data = caseFiles({
      lines: [
        { cap0: 10, capmax: 30, lead: 1, ramp: 4, unit: 100, xcost: 500 },
        { producer: 'Q', cap0: 5, unit: 50 },
      ],
      needs: { s: 20 },
      months: 3,
      budgets: { AA: 5000 },
    });
    const { input } = prepareScenario(loadDataSet(data), undefined, []);
    const text = writeProgram(buildRampUpModel(input).lp, 'lp');
    const [constraints, bounds] = text.split(/^bounds$/m) as [string, string];
    // cap0 + sum of orders <= capmax, i.e. 10 + e1 + e2 <= 30 (orders of month 3 come too late)
    expect(constraints).toMatch(/^ ceiling\(AA,s,P\): \+1 order\(AA,s,P,2026_01\) \+1 order\(AA,s,P,2026_02\) <= \+20$/m);
    // capacity online is fixed by the state rows, from cap0 ...
    expect(constraints).toMatch(/^ capacity_state\(AA,s,P,2026_01\): \+1 online\(AA,s,P,2026_01\) = \+10$/m);
    // ... and has the default bounds [0, inf): not one online column in the bounds section
    expect(bounds).not.toMatch(/online/);
    // a line that cannot grow keeps its capacity as a bound on output, with no ceiling row
    expect(bounds).toMatch(/^ produce\(AA,s,Q,2026_01\) <= 5$/m);
    expect(constraints).not.toMatch(/ceiling\(AA,s,Q\)/);
  });
});
