import { describe, expect, it } from 'vitest';
import { SOLVERS } from '../../src/solve/solver-registry.js';
import { planCase, shortfallByMonth, type CaseSpec } from '../helpers/data-builder.js';

const AMPLE = 1e9;

function expectRel(actual: number, expected: number): void {
  expect(Math.abs(actual - expected) / Math.max(1, Math.abs(expected))).toBeLessThan(1e-6);
}

const total = (values: readonly number[]) => values.reduce((a, v) => a + v, 0);

/** model.md "Channels": A has money and no line; B has a line and no money. */
const CHANNEL_CASE: CaseSpec = {
  lines: [{ country: 'BB', cap0: 10, unit: 100 }],
  needs: { s: 10 },
  months: 6,
  budgets: { AA: 1000, BB: 0 },
};

describe.each(SOLVERS.map((s) => [s.name, s.features.tieBreak] as const))("model.md's version-2 hand cases with %s", (solver, soonest) => {
  it('without channels.csv, A cannot pay B: nothing is made, 60 short, cause no-payer', async () => {
    const outcome = await planCase(CHANNEL_CASE, { engine: { solver } });
    expect(outcome.plan.input.financing.kind).toBe('national');
    expectRel(outcome.plan.weightedShortfall, 60);
    expectRel(total(shortfallByMonth(outcome)), 60);
    expect(new Set(outcome.plan.needs.map((n) => n.cause))).toEqual(new Set(['no-payer']));
    expect(outcome.plan.moneySpentEur).toBe(0);
  });

  it('a channel A -> B with a price factor of 1.25: 8 units a month, 12 short, all 6 000 spent', async () => {
    const outcome = await planCase({ ...CHANNEL_CASE, channels: [{ id: 'a-to-b', payer: 'AA', seller: 'BB', factor: 1.25 }] }, { engine: { solver } });
    expect(outcome.plan.input.financing.kind).toBe('channels');
    expectRel(outcome.plan.weightedShortfall, 12);
    expectRel(outcome.plan.moneySpentEur, 6000);
    expectRel(outcome.plan.totalCostEur, 4800);
    expectRel(outcome.manifest.objectives.moneySpentEur, 6000);
    const flow = outcome.plan.moneyFlows.find((f) => f.channel === 'a-to-b')!;
    expectRel(flow.paidEur, 6000);
    expectRel(flow.unitsPaidFor, 48);
    expect(outcome.plan.payers.find((p) => p.code === 'AA')!.unspentEur).toBeLessThan(1e-3);
    // A's money is all spent, so a month short is short of money.
    expect(new Set(outcome.plan.needs.filter((n) => n.shortfall > 0).map((n) => n.cause))).toEqual(new Set(['budget']));
  });

  it('the same channel capped at 0.4 of A\'s money: 2 400 paid, 19.2 units, 40.8 short, cause rule', async () => {
    const outcome = await planCase({ ...CHANNEL_CASE, channels: [{ id: 'a-to-b', payer: 'AA', seller: 'BB', factor: 1.25, share: 0.4 }] }, { engine: { solver } });
    expectRel(outcome.plan.weightedShortfall, 40.8);
    expectRel(outcome.plan.moneySpentEur, 2400);
    expectRel(outcome.plan.totalCostEur, 1920);
    const flow = outcome.plan.moneyFlows.find((f) => f.channel === 'a-to-b')!;
    expect(flow.capBinding).toBe(true);
    expectRel(flow.channelShareUsed!, 1);
    if (soonest) {
      // Delivered soonest: A's first two months of money buy 8 units each, the cap is reached in
      // month 3; from then on A has money left that the cap stops.
      expect(shortfallByMonth(outcome)).toEqual([2, 2, 6.8, 10, 10, 10]);
      expect(outcome.plan.needs.map((n) => n.cause)).toEqual(['budget', 'budget', 'rule', 'rule', 'rule', 'rule']);
    } else expect(outcome.plan.needs.filter((n) => n.shortfall > 0).map((n) => n.cause)).toContain('rule');
    if (solver === 'highs') {
      // One more EUR million through the channel buys 800,000 of line cost: 8,000 units, each worth 1.
      expect(flow.valuePerMillion).toBeCloseTo(8000, 3);
    } else expect(flow.valuePerMillion).toBeUndefined();
  });

  it('output already sold: a line of 100 with 60 committed gives 40 a month, 110 short, cause ceiling', async () => {
    const outcome = await planCase(
      { lines: [{ cap0: 100, capmax: 100, unit: 10 }], needs: { s: 150 }, months: 6, budgets: { AA: AMPLE }, commitments: [{ quantity: 60 }] },
      { engine: { solver } },
    );
    expect(shortfallByMonth(outcome)).toEqual([110, 110, 110, 110, 110, 110]);
    expect(outcome.plan.lineMonths.map((lm) => Math.round(lm.units * 1e3) / 1e3)).toEqual([40, 40, 40, 40, 40, 40]);
    expect(new Set(outcome.plan.needs.map((n) => n.cause))).toEqual(new Set(['ceiling']));
  });

  it('a delivery lag of 2: months 1 and 2 fall 100 short; output of months 5 and 6 would arrive too late, so none is made', async () => {
    const outcome = await planCase({ lines: [{ cap0: 100, unit: 10, lag: 2 }], needs: { s: 100 }, months: 6, budgets: { AA: AMPLE } }, { engine: { solver } });
    expect(shortfallByMonth(outcome)).toEqual([100, 100, 0, 0, 0, 0]);
    expect(outcome.plan.lineMonths.map((lm) => Math.round(lm.units * 1e3) / 1e3)).toEqual([100, 100, 100, 100, 0, 0]);
    expectRel(outcome.plan.totalCostEur, 4000);
    expect(outcome.plan.needs.slice(0, 2).map((n) => n.cause)).toEqual(['lead-time', 'lead-time']);
  });

  const powder: CaseSpec = {
    lines: [
      { cap0: 100, unit: 10 },
      { system: 'powder', producer: 'Q', cap0: 500, unit: 0 },
    ],
    needs: { s: 100 },
    months: 6,
    budgets: { AA: AMPLE },
    materials: ['powder'],
    bom: [{ product: 's', material: 'powder', quantity: 10 }],
  };

  it('shells that need 10 kg of powder from a 500 kg line: 50 a month, 300 short, cause input (powder)', async () => {
    const outcome = await planCase(powder, { engine: { solver } });
    expectRel(outcome.plan.weightedShortfall, 300);
    expect(new Set(outcome.plan.needs.filter((n) => n.shortfall > 0).map((n) => `${n.cause}:${n.bindingInput}`))).toEqual(new Set(['input:powder']));
    if (soonest) {
      // Delivered soonest, the powder is used as it comes: 50 shells every month.
      expect(shortfallByMonth(outcome)).toEqual([50, 50, 50, 50, 50, 50]);
      const months = outcome.plan.materials.filter((m) => m.material === 'powder');
      expect(months.every((m) => m.binding && Math.abs(m.consumed - 500) < 1e-6)).toBe(true);
    }
  });

  it('with 1 000 kg of powder in stock: 4 000 kg make 400 shells, 200 short', async () => {
    const outcome = await planCase({ ...powder, stocks: { powder: 1000 } }, { engine: { solver } });
    expectRel(outcome.plan.weightedShortfall, 200);
    expectRel(total(shortfallByMonth(outcome)), 200);
    expect(new Set(outcome.plan.needs.filter((n) => n.shortfall > 0).map((n) => n.cause))).toEqual(new Set(['input']));
  });

  it('a powder two systems share goes to the heavier weight, and the weights decide which falls short', async () => {
    const shared = (weightA: number, weightB: number): CaseSpec => ({
      systems: [
        { code: 'a', priority: weightA },
        { code: 'b', priority: weightB },
      ],
      lines: [
        { system: 'a', producer: 'A', cap0: 100, unit: 1 },
        { system: 'b', producer: 'B', cap0: 100, unit: 1 },
        { system: 'powder', producer: 'Q', cap0: 50, unit: 0 },
      ],
      needs: { a: 40, b: 40 },
      months: 3,
      budgets: { AA: AMPLE },
      materials: ['powder'],
      bom: [
        { product: 'a', material: 'powder', quantity: 1 },
        { product: 'b', material: 'powder', quantity: 1 },
      ],
    });
    const aFirst = await planCase(shared(10, 1), { engine: { solver } });
    expect(total(shortfallByMonth(aFirst, 'a'))).toBeCloseTo(0, 6);
    expect(total(shortfallByMonth(aFirst, 'b'))).toBeCloseTo(90, 6);
    expect(new Set(aFirst.plan.needs.filter((n) => n.shortfall > 0).map((n) => `${n.need.system}:${n.cause}:${n.bindingInput}`))).toEqual(new Set(['b:input:powder']));
    const bFirst = await planCase(shared(1, 10), { engine: { solver } });
    expect(total(shortfallByMonth(bFirst, 'a'))).toBeCloseTo(90, 6);
    expect(total(shortfallByMonth(bFirst, 'b'))).toBeCloseTo(0, 6);
  });

  it('charges made from powder (two levels): the powder limits the charges, which limit the shells, and is named', async () => {
    const outcome = await planCase(
      {
        lines: [
          { cap0: 200, unit: 10 },
          { system: 'charge', producer: 'C', cap0: 200, unit: 0 },
          { system: 'powder', producer: 'Q', cap0: 800, unit: 0 },
        ],
        needs: { s: 200 },
        months: 4,
        budgets: { AA: AMPLE },
        materials: ['charge', 'powder'],
        bom: [
          { product: 's', material: 'charge', quantity: 1 },
          { product: 'charge', material: 'powder', quantity: 8 },
        ],
      },
      { engine: { solver } },
    );
    expectRel(outcome.plan.weightedShortfall, 400);
    expect(new Set(outcome.plan.needs.filter((n) => n.shortfall > 0).map((n) => `${n.cause}:${n.bindingInput}`))).toEqual(new Set(['input:powder']));
    const charges = outcome.plan.materials.filter((m) => m.material === 'charge').reduce((a, m) => a + m.produced, 0);
    expectRel(charges, 400);
  });
});
