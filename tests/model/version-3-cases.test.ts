import { describe, expect, it } from 'vitest';
import { SOLVERS } from '../../src/solve/solver-registry.js';
import { planCase, shortfallByMonth, type CaseSpec } from '../helpers/data-builder.js';

const AMPLE = 1e9;

function expectRel(actual: number, expected: number, tolerance = 1e-6): void {
  expect(Math.abs(actual - expected) / Math.max(1, Math.abs(expected)), `${actual} against ${expected}`).toBeLessThan(tolerance);
}

const total = (values: readonly number[]) => values.reduce((a, v) => a + v, 0);

/** The cause of each month's gap of system s (undefined where none). */
const causes = (outcome: Awaited<ReturnType<typeof planCase>>) => outcome.plan.needs.filter((n) => n.need.system === 's').map((n) => n.cause);

/** model.md "Tiers": a full line, option A (50 at 10, lead 2) and option B (60 at 50, lead 1). */
const TIERS: CaseSpec = {
  lines: [{ cap0: 100, capmax: 100, unit: 1 }],
  options: [
    { id: 'A', add: 50, cost: 10, lead: 2 },
    { id: 'B', add: 60, cost: 50, lead: 1 },
  ],
  needs: { s: 200 },
  months: 6,
  budgets: { AA: AMPLE },
};

/** model.md "Take-or-pay": an empty line, one option (100 at 0, lead 1, offtake 4), need 50 in months 1..3. */
const TAKE_OR_PAY: CaseSpec = {
  lines: [{ cap0: 0, unit: 10 }],
  options: [{ id: 'T', add: 100, cost: 0, lead: 1, offtake: 4 }],
  needs: { s: [50, 50, 50, 0, 0, 0] },
  months: 6,
  budgets: { AA: AMPLE },
};

/** model.md "Take-or-pay at the end": T (free, offtake 4) and N (15 a unit of capacity), both from month 4; need in months 5 and 6. */
const AT_THE_END = (months: number): CaseSpec => ({
  lines: [{ cap0: 0, unit: 10 }],
  options: [
    { id: 'T', add: 100, cost: 0, lead: 1, offtake: 4, first: 3 },
    { id: 'N', add: 100, cost: 15, lead: 1, first: 3 },
  ],
  needs: { s: Array.from({ length: months }, (_, t) => (t === 4 || t === 5 ? 50 : 0)) },
  months,
  budgets: { AA: AMPLE },
});

/** model.md "Stock release": no line of s; B releases 300 units, at most `perMonth` a month from month 2, at 10 each; A pays through a channel to B. */
const RELEASE = (perMonth: number): CaseSpec => ({
  lines: [{ country: 'BB', system: 'other', cap0: 0, unit: 1 }],
  inventories: [{ holder: 'BB', units: 300, perMonth, first: 1, unit: 10 }],
  needs: { s: 100 },
  months: 6,
  budgets: { AA: AMPLE },
  channels: [{ id: 'a-to-b', payer: 'AA', seller: 'BB' }],
});

/** model.md "Queue": a full line of 100, 60 a month committed to others, need 100 in months 1..3. */
const QUEUE = (share: number | undefined): CaseSpec => ({
  lines: [{ cap0: 100, capmax: 100, unit: 1 }],
  commitments: [{ quantity: 60, ...(share !== undefined ? { share, premium: 1 } : {}) }],
  needs: { s: [100, 100, 100, 0, 0, 0] },
  months: 6,
  budgets: { AA: AMPLE },
});

describe.each(SOLVERS.map((s) => [s.name, s.features.tieBreak] as const))("model.md's version-3 hand cases with %s", (solver, soonest) => {
  const engine = { engine: { solver }, analyses: { explain: false } };

  it('tiers: 100 short in month 1 and 40 in month 2 (B online, A not yet); B = 60 and A = 40 bought, 3 400 of options', async () => {
    const outcome = await planCase(TIERS, engine);
    expectRel(outcome.plan.weightedShortfall, 140);
    // Options 3 400, and 1 060 units at 1 (100, 160, then 200 a month).
    expectRel(outcome.plan.moneySpentEur, 3400 + 1060);
    if (soonest) expect(shortfallByMonth(outcome)).toEqual([100, 40, 0, 0, 0, 0]);
    // Neither option can be online in month 1, nor A in month 2: the gaps are the lead times'.
    if (soonest) expect(causes(outcome)).toEqual(['lead-time', 'lead-time', undefined, undefined, undefined, undefined]);
  });

  it('take-or-pay: 50 short in month 1; 50 bought in month 1 make 50 a month in months 2..5; 2 000 spent', async () => {
    const outcome = await planCase(TAKE_OR_PAY, engine);
    expectRel(outcome.plan.weightedShortfall, 50);
    expectRel(outcome.plan.moneySpentEur, 2000);
    const made = outcome.plan.lineMonths.map((lm) => lm.units);
    made.forEach((units, t) => expectRel(units, [0, 50, 50, 50, 50, 0][t]!));
    // Months 4 and 5 are forced by the contract; their output is surplus at the end.
    outcome.plan.lineMonths.forEach((lm, t) => expectRel(lm.contracted, [0, 50, 50, 50, 50, 0][t]!));
    expectRel(outcome.plan.endStock.get('s')!, 100);
    expect(outcome.plan.orders.map((o) => [o.option, o.t, o.onlineFromT, o.offtakeUnits])).toEqual([['T', 0, 1, expect.closeTo(200, 4)]]);
  });

  it('take-or-pay at the end: T would owe two months after the horizon (2 000 in all), so N is bought: 1 750', async () => {
    for (const months of [6, 8]) {
      const outcome = await planCase(AT_THE_END(months), engine);
      expectRel(outcome.plan.weightedShortfall, 0);
      expectRel(outcome.plan.moneySpentEur, 1750);
    }
  });

  it('stock release: 100 short in months 1, 5 and 6 (300 in all), 3 000 spent; at 80 a month still 300 short', async () => {
    const hundred = await planCase(RELEASE(100), engine);
    expectRel(hundred.plan.weightedShortfall, 300);
    expectRel(hundred.plan.moneySpentEur, 3000);
    if (soonest) expect(shortfallByMonth(hundred)).toEqual([100, 0, 0, 0, 100, 100]);
    // Before its first month the stock is not open; after, every unit is released (a release's ceiling is its units).
    if (soonest) expect(causes(hundred)).toEqual(['lead-time', undefined, undefined, undefined, 'ceiling', 'ceiling']);
    const eighty = await planCase(RELEASE(80), engine);
    expectRel(eighty.plan.weightedShortfall, 300);
    expectRel(eighty.plan.moneySpentEur, 3000);
    if (soonest) expect(shortfallByMonth(eighty)).toEqual([100, 20, 20, 20, 40, 100]);
    // Every unit is released over the horizon, so the units are the ceiling whatever month binds on the monthly limit.
    if (soonest) expect(causes(eighty)).toEqual(['lead-time', 'ceiling', 'ceiling', 'ceiling', 'ceiling', 'ceiling']);
  });

  it('queue: without a share 60 short a month (180); with half of it deferrable 30 wait each month, 90 short, premium 240', async () => {
    const fixed = await planCase(QUEUE(undefined), engine);
    expectRel(fixed.plan.weightedShortfall, 180);
    expectRel(total(shortfallByMonth(fixed)), 180);
    const deferred = await planCase(QUEUE(0.5), engine);
    expectRel(deferred.plan.weightedShortfall, 90);
    // 210 units at 1, and 30 + 60 + 90 + 50 + 10 unit-months of waiting at 1.
    expectRel(deferred.plan.moneySpentEur, 210 + 240);
    if (soonest) expect(shortfallByMonth(deferred)).toEqual([30, 30, 30, 0, 0, 0]);
    if (soonest) expect(causes(deferred).slice(0, 3)).toEqual(['ceiling', 'ceiling', 'ceiling']);
    if (soonest) {
      const lm = deferred.plan.lineMonths;
      expect(lm.map((m) => m.owed)).toEqual([30, 60, 90, 50, 10, 0].map((v) => expect.closeTo(v, 6)));
      expect(lm.map((m) => m.deferred)).toEqual([30, 30, 30, 0, 0, 0].map((v) => expect.closeTo(v, 6)));
      expect(lm.map((m) => m.repaid)).toEqual([0, 0, 0, 40, 40, 10].map((v) => expect.closeTo(v, 6)));
    }
  });
});

describe("model.md's version-3 spread (stage 4)", () => {
  /** One line of 100 at 10; A has 500 a month, B 1 500, both with a channel to it; C 2 000 and no channel. */
  const spread = (order: 'ab' | 'ba', withC: boolean): CaseSpec => ({
    countries: [{ code: 'AA' }, { code: 'BB' }, { code: 'CC' }],
    lines: [{ cap0: 100, unit: 10 }],
    needs: { s: 100 },
    months: 2,
    budgets: { AA: 500, BB: 1500, ...(withC ? { CC: 2000 } : {}) },
    channels: order === 'ab' ? [{ id: 'a', payer: 'AA', seller: 'AA' }, { id: 'b', payer: 'BB', seller: 'AA' }] : [{ id: 'b', payer: 'BB', seller: 'AA' }, { id: 'a', payer: 'AA', seller: 'AA' }],
  });
  const paid = (outcome: Awaited<ReturnType<typeof planCase>>) => Object.fromEntries(outcome.plan.payers.map((p) => [p.code, Math.round(p.paidEur * 1e3) / 1e3]));

  it('each payer spends the same share of its money: A 500 and B 1 500 of 2 000 spent, C nothing, whatever the row order', async () => {
    for (const order of ['ab', 'ba'] as const) {
      for (const withC of [false, true]) {
        const outcome = await planCase(spread(order, withC), { analyses: { explain: false } });
        expectRel(outcome.plan.weightedShortfall, 0);
        expectRel(outcome.plan.moneySpentEur, 2000);
        // Sliced: within a fiftieth of each payer's money of the quadratic's answer.
        const p = paid(outcome);
        expect(Math.abs(p.AA! - 500), JSON.stringify(p)).toBeLessThanOrEqual(1000 / 50);
        expect(Math.abs(p.BB! - 1500), JSON.stringify(p)).toBeLessThanOrEqual(3000 / 50);
        if (withC) expect(p.CC).toBe(0);
        expect(outcome.manifest.objectives.spreadObjective).toBeGreaterThan(0);
        expect(outcome.manifest.solver.spread).toBe('proportional');
      }
    }
  });

  it('never changes the first three stages: the same shortfall, money and deliveries with --spread none', async () => {
    const on = await planCase(spread('ab', true), { analyses: { explain: false } });
    const off = await planCase(spread('ab', true), { engine: { spread: 'none' }, analyses: { explain: false } });
    expect(on.plan.weightedShortfall).toBe(off.plan.weightedShortfall);
    expect(on.plan.moneySpentEur).toBe(off.plan.moneySpentEur);
    expect(shortfallByMonth(on)).toEqual(shortfallByMonth(off));
    expect(off.manifest.objectives.spreadObjective).toBeUndefined();
  });
});
