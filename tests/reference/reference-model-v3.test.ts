import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { DEFAULT_LIMITS, type DataSpec, type SpecLine } from '../helpers/arbitraries.js';
import { v2FilesOf, v2SpecArb, type V2Channel } from '../helpers/arbitraries-v2.js';
import { V3_LIMITS, hasV3Features, liftV2, v3FilesOf, v3SpecArb, type V3Candidate, type V3Deferral, type V3Inventory, type V3Option, type V3Spec } from '../helpers/arbitraries-v3.js';
import { referenceOptima } from '../helpers/reference-model.js';
import {
  referenceDeliveryRangesV3,
  referenceOptimaV3,
  referencePlanV3,
  referencePriceV3,
  referencePromiseV3,
  referenceSpreadV3,
  type ReferencePlanV3,
} from '../helpers/reference-model-v3.js';

/**
 * The independent version-3 reference (tests/helpers/reference-model-v3.ts) against every
 * hand-checkable case of model.md (versions 1, 2 and 3), against the version-2 reference on
 * random version-2 folders, and against properties any optimum of model.md must have.
 */

const AMPLE = 1e9;
const SEED = 2_026_31;

// ---------------------------------------------------------------------------------------------
// Hand cases as specs: one system `s`, one recipient `UA`, lines in country `AA` unless named.

interface HandLine extends Partial<Omit<SpecLine, 'cap0'>> {
  readonly cap0: number;
  readonly lag?: number;
  readonly committed?: number;
  readonly deferral?: V3Deferral;
}

interface HandCase {
  readonly months: number;
  readonly lines?: readonly HandLine[];
  /** Need of `UA` per system: the same every month, or one figure per month. */
  readonly needs: Readonly<Record<string, number | readonly number[]>>;
  /** Money per payer (a country) per month, EUR. */
  readonly budgets: Readonly<Record<string, number>>;
  readonly stocks?: Readonly<Record<string, number>>;
  readonly channels?: readonly V2Channel[];
  readonly financing?: V3Spec['financing'];
  readonly options?: readonly Partial<V3Option>[];
  readonly candidates?: readonly V3Candidate[];
  readonly inventories?: readonly V3Inventory[];
  readonly materials?: Pick<V3Spec, 'materials' | 'bom' | 'materialLines' | 'materialStocks'>;
}

/** The line key of the first hand line (country AA, system s, producer P1). */
const FIRST_LINE = { country: 'AA', system: 's', producer: 'P1' };

function handSpec(h: HandCase): V3Spec {
  const lines: SpecLine[] = (h.lines ?? []).map((l, i) => ({
    country: l.country ?? 'AA',
    system: l.system ?? 's',
    producer: l.producer ?? `P${i + 1}`,
    cap0: l.cap0,
    capmax: l.capmax ?? l.cap0,
    ramp: l.ramp,
    lead: l.lead ?? 0,
    unitEur: l.unitEur ?? 1,
    xcostEur: l.xcostEur ?? 0,
  }));
  const countryCodes = new Set([...lines.map((l) => l.country), ...Object.keys(h.budgets), ...(h.inventories ?? []).map((r) => r.holder), ...(h.candidates ?? []).map((c) => c.country)]);
  const materials = new Set(h.materials?.materials ?? []);
  const systemCodes = new Set([...Object.keys(h.needs), ...lines.map((l) => l.system)].filter((s) => !materials.has(s)));
  const base: DataSpec = {
    months: h.months,
    countries: [...countryCodes].map((code) => ({ code, gdpEur: 1e12, group: undefined })),
    systems: [...systemCodes].map((code) => ({ code, category: 'cat', priority: 1 })),
    lines,
    needs: Object.entries(h.needs).flatMap(([system, q]) =>
      Array.from({ length: h.months }, (_, t) => ({ system, recipient: 'UA', t, quantity: typeof q === 'number' ? q : q[t]!, priority: undefined })),
    ),
    budgets: [...countryCodes].flatMap((country) => Array.from({ length: h.months }, (_, t) => ({ country, t, budgetEur: h.budgets[country] ?? 0 }))),
    stocks: h.stocks,
  };
  return {
    base,
    lags: (h.lines ?? []).map((l) => l.lag ?? 0),
    funds: {},
    channels: h.channels ?? [],
    committed: (h.lines ?? []).map((l) => l.committed ?? 0),
    materials: h.materials?.materials ?? [],
    bom: h.materials?.bom ?? [],
    materialLines: h.materials?.materialLines ?? [],
    materialStocks: h.materials?.materialStocks ?? {},
    financing: h.financing ?? (h.channels && h.channels.length > 0 ? 'channels' : 'national'),
    candidates: h.candidates ?? [],
    options: (h.options ?? []).map((o, k) => ({
      line: FIRST_LINE,
      id: `opt-${k}`,
      addPerMonth: 0,
      costEurPerCapacity: 0,
      lead: 0,
      maxOrderPerMonth: undefined,
      firstOrderMonth: undefined,
      offtakeMonths: 0,
      ...o,
    })),
    inventories: h.inventories ?? [],
    deferrals: (h.lines ?? []).map((l) => l.deferral),
  };
}

const sum = (values: readonly number[]) => values.reduce((a, v) => a + v, 0);
/** Within `tolerance` absolutely, or 1e-6 relatively: model.md's slack on the stages. */
const near = (actual: number, expected: number, tolerance = 1e-6) => Math.abs(actual - expected) <= Math.max(tolerance, 1e-6 * Math.abs(expected));
function expectNear(actual: number, expected: number, tolerance = 1e-6, what = ''): void {
  expect(near(actual, expected, tolerance), `${what} ${actual} vs ${expected}`).toBe(true);
}
function expectAllNear(actual: readonly number[], expected: readonly number[], tolerance = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expectNear(a, expected[i]!, tolerance, `[${i}]`));
}
const shortfalls = (plan: ReferencePlanV3, system = 's') => plan.deliveries.filter((d) => d.system === system).map((d) => d.shortfall);
const line = (plan: ReferencePlanV3, key: string) => plan.lines.find((l) => l.key === key)!;
const ordered = (plan: ReferencePlanV3, key: string, option: string) => line(plan, key).orders.find((o) => o.id === option)!.ordered;

// ---------------------------------------------------------------------------------------------

describe("the v3 reference reproduces model.md's version-1 hand cases", () => {
  it('a line at its ceiling: 50 short every month', async () => {
    const plan = await referencePlanV3(handSpec({ months: 6, lines: [{ cap0: 100 }], needs: { s: 150 }, budgets: { AA: AMPLE } }));
    expectAllNear(shortfalls(plan), [50, 50, 50, 50, 50, 50]);
  });

  it('money for 50 units a month: x = 50, u = 50', async () => {
    const plan = await referencePlanV3(handSpec({ months: 6, lines: [{ cap0: 100, unitEur: 1000 }], needs: { s: 100 }, budgets: { AA: 50_000 } }));
    expectAllNear(line(plan, 'AA/s/P1').produced, [50, 50, 50, 50, 50, 50]);
    expectAllNear(shortfalls(plan), [50, 50, 50, 50, 50, 50]);
  });

  it('a new line with a lead time of 3: 100 short in months 1..3, none after; with 250 in stock, months 1-2 from stock and 50 short in month 3', async () => {
    const lead = { months: 6, lines: [{ cap0: 0, capmax: 100, lead: 3 }], needs: { s: 100 }, budgets: { AA: AMPLE } };
    expectAllNear(shortfalls(await referencePlanV3(handSpec(lead))), [100, 100, 100, 0, 0, 0]);
    expectAllNear(shortfalls(await referencePlanV3(handSpec({ ...lead, stocks: { s: 250 } }))), [0, 0, 50, 0, 0, 0]);
  });
});

describe("the v3 reference reproduces model.md's version-2 hand cases", () => {
  const channelCase: HandCase = { months: 6, lines: [{ country: 'BB', cap0: 10, unitEur: 100 }], needs: { s: 10 }, budgets: { AA: 1000, BB: 0 } };

  it("channels: without channels.csv A's money cannot reach B's line (60 short); pf 1.25: 12 short and 6 000 spent; max_share 0.4: 40.8 short", async () => {
    const none = await referenceOptimaV3(handSpec(channelCase));
    expectNear(none.weightedShortfall, 60);
    expectNear(none.moneyEur, 0);
    const channel: V2Channel = { id: 'a-to-b', payer: 'AA', seller: 'BB', product: '*', share: 1, factor: 1.25 };
    const through = await referenceOptimaV3(handSpec({ ...channelCase, channels: [channel] }));
    expectNear(through.weightedShortfall, 12);
    expectNear(through.moneyEur, 6000);
    const capped = await referenceOptimaV3(handSpec({ ...channelCase, channels: [{ ...channel, share: 0.4 }] }));
    expectNear(capped.weightedShortfall, 40.8);
  });

  it('commitments: x = 40, u = 110 a month', async () => {
    const plan = await referencePlanV3(handSpec({ months: 6, lines: [{ cap0: 100, committed: 60 }], needs: { s: 150 }, budgets: { AA: AMPLE } }));
    expectAllNear(line(plan, 'AA/s/P1').produced, [40, 40, 40, 40, 40, 40]);
    expectAllNear(shortfalls(plan), [110, 110, 110, 110, 110, 110]);
  });

  it('lag: 100 short in months 1 and 2; nothing made in months 5 and 6', async () => {
    const plan = await referencePlanV3(handSpec({ months: 6, lines: [{ cap0: 100, lag: 2, unitEur: 10 }], needs: { s: 100 }, budgets: { AA: AMPLE } }));
    expectAllNear(shortfalls(plan), [100, 100, 0, 0, 0, 0]);
    expectAllNear(line(plan, 'AA/s/P1').produced, [100, 100, 100, 100, 0, 0]);
    expectNear(plan.moneyEur, 4000);
  });

  it('materials: 50 shells a month for want of powder (300 short); with 1 000 kg in stock, 200 short', async () => {
    const materials = {
      materials: ['powder'],
      bom: [{ product: 's', material: 'powder', quantity: 10 }],
      materialLines: [{ country: 'AA', material: 'powder', cap0: 500, capmax: 500, lead: 0, unitEur: 0, xcostEur: 0, lag: 0 }],
      materialStocks: {},
    };
    const shells: HandCase = { months: 6, lines: [{ cap0: 100 }], needs: { s: 100 }, budgets: { AA: AMPLE }, materials };
    const plan = await referencePlanV3(handSpec(shells));
    expectNear(plan.weightedShortfall, 300);
    expectAllNear(line(plan, 'AA/s/P1').produced, [50, 50, 50, 50, 50, 50]);
    const stocked = await referenceOptimaV3(handSpec({ ...shells, materials: { ...materials, materialStocks: { powder: 1000 } } }));
    expectNear(stocked.weightedShortfall, 200);
  });

  it('promise curves (earlier months free): 0, 0, 0, 1, 1, 1 for the lead-time line; min(1, 600 / (150 (7 - m))) for the stored-output line', async () => {
    const leadLine = handSpec({ months: 6, lines: [{ cap0: 0, capmax: 100, lead: 3, unitEur: 10 }], needs: { s: 100 }, budgets: { AA: AMPLE } });
    const stored = handSpec({ months: 6, lines: [{ cap0: 100, unitEur: 10 }], needs: { s: 150 }, budgets: { AA: AMPLE } });
    for (let m = 0; m < 6; m++) {
      expectNear((await referencePromiseV3(leadLine, 's', 'UA', m)).earlierMonthsFree, m >= 3 ? 1 : 0);
      expectNear((await referencePromiseV3(stored, 's', 'UA', m)).earlierMonthsFree, Math.min(1, 600 / (150 * (6 - m))));
    }
  });
});

describe("the v3 reference reproduces model.md's version-3 hand cases", () => {
  it('tiers: 100 and 40 short in months 1 and 2 (140); stage 2 orders B = 60 and A = 40 in month 1, 3 400 of options', async () => {
    const plan = await referencePlanV3(
      handSpec({
        months: 6,
        lines: [{ cap0: 100 }],
        needs: { s: 200 },
        budgets: { AA: AMPLE },
        options: [
          { id: 'opt-a', addPerMonth: 50, costEurPerCapacity: 10, lead: 2 },
          { id: 'opt-b', addPerMonth: 60, costEurPerCapacity: 50, lead: 1 },
        ],
      }),
    );
    expectAllNear(shortfalls(plan), [100, 40, 0, 0, 0, 0]);
    expectNear(plan.weightedShortfall, 140);
    // Month-level values hold to the stages' absolute slack (1 EUR): a tenth of a unit of A.
    expectAllNear(ordered(plan, 'AA/s/P1', 'opt-a'), [40, 0, 0, 0, 0, 0], 0.1);
    expectAllNear(ordered(plan, 'AA/s/P1', 'opt-b'), [60, 0, 0, 0, 0, 0], 0.1);
    // Money: 3 400 of options and 1 060 units at 1 EUR.
    expectNear(plan.moneyEur, 3400 + 1060);
  });

  it('tiers, holding each stage on its optimal face: the orders come out exact', async () => {
    const plan = await referencePlanV3(
      handSpec({
        months: 6,
        lines: [{ cap0: 100 }],
        needs: { s: 200 },
        budgets: { AA: AMPLE },
        options: [
          { id: 'opt-a', addPerMonth: 50, costEurPerCapacity: 10, lead: 2 },
          { id: 'opt-b', addPerMonth: 60, costEurPerCapacity: 50, lead: 1 },
        ],
      }),
      { hold: 'face' },
    );
    expectAllNear(ordered(plan, 'AA/s/P1', 'opt-a'), [40, 0, 0, 0, 0, 0], 1e-6);
    expectAllNear(ordered(plan, 'AA/s/P1', 'opt-b'), [60, 0, 0, 0, 0, 0], 1e-6);
    expectNear(plan.moneyEur, 4460);
  });

  it('take-or-pay: 50 short in month 1; 50 bought in month 1; x = 50 in months 2..5 (forced in 4 and 5); 100 of surplus; 2 000 spent', async () => {
    const plan = await referencePlanV3(
      handSpec({ months: 6, lines: [{ cap0: 0, unitEur: 10 }], needs: { s: [50, 50, 50, 0, 0, 0] }, budgets: { AA: AMPLE }, options: [{ addPerMonth: 100, lead: 1, offtakeMonths: 4 }] }),
    );
    expectAllNear(shortfalls(plan), [50, 0, 0, 0, 0, 0]);
    expectAllNear(ordered(plan, 'AA/s/P1', 'opt-0'), [50, 0, 0, 0, 0, 0]);
    expectAllNear(line(plan, 'AA/s/P1').produced, [0, 50, 50, 50, 50, 0]);
    expectNear(plan.stockAtEnd.s!, 100);
    expectNear(plan.moneyEur, 2000);
  });

  it('take-or-pay at the end: T would oblige two months after the horizon, so stage 2 buys 50 of N and spends 1 750; the same over 8 months', async () => {
    const options: Partial<V3Option>[] = [
      { id: 'opt-t', addPerMonth: 100, costEurPerCapacity: 0, lead: 1, offtakeMonths: 4, firstOrderMonth: 3 },
      { id: 'opt-n', addPerMonth: 100, costEurPerCapacity: 15, lead: 1, firstOrderMonth: 3 },
    ];
    for (const months of [6, 8]) {
      const needs = Array.from({ length: months }, (_, t) => (t === 4 || t === 5 ? 50 : 0));
      const plan = await referencePlanV3(handSpec({ months, lines: [{ cap0: 0, unitEur: 10 }], needs: { s: needs }, budgets: { AA: AMPLE }, options }));
      expectNear(plan.weightedShortfall, 0);
      expectNear(plan.moneyEur, 1750);
      expectNear(sum(ordered(plan, 'AA/s/P1', 'opt-n')), 50, 0.1);
      expectNear(sum(ordered(plan, 'AA/s/P1', 'opt-t')), 0, 0.1);
    }
  });

  it('take-or-pay at the end is charged: T alone (ordered in month 4) costs 2 000 over 6 months, of which 1 000 in the last month for months 7 and 8', async () => {
    const plan = await referencePlanV3(
      handSpec({
        months: 6,
        lines: [{ cap0: 0, unitEur: 10 }],
        needs: { s: [0, 0, 0, 0, 50, 50] },
        budgets: { AA: AMPLE },
        options: [{ id: 'opt-t', addPerMonth: 100, lead: 1, offtakeMonths: 4, firstOrderMonth: 3 }],
      }),
    );
    expectNear(plan.moneyEur, 2000);
    expectAllNear(line(plan, 'AA/s/P1').costEur, [0, 0, 0, 0, 500, 1500]);
  });

  it('stock release: 100 short in months 1, 5 and 6 (300), 3 000 spent; at most 80 a month: still 300 short, months 2..5 get 80, 80, 80, 60', async () => {
    const release: V3Inventory = { holder: 'BB', system: 's', units: 300, maxPerMonth: 100, firstMonth: 1, unitEur: 10, lag: 0 };
    const releaseCase: HandCase = {
      months: 6,
      needs: { s: 100 },
      budgets: { AA: AMPLE, BB: 0 },
      inventories: [release],
      channels: [{ id: 'a-to-b', payer: 'AA', seller: 'BB', product: '*', share: 1, factor: 1 }],
    };
    const plan = await referencePlanV3(handSpec(releaseCase));
    expectAllNear(shortfalls(plan), [100, 0, 0, 0, 100, 100]);
    expectNear(plan.moneyEur, 3000);
    expectNear(plan.spentEur.AA!, 3000);
    const slower = await referencePlanV3(handSpec({ ...releaseCase, inventories: [{ ...release, maxPerMonth: 80 }] }));
    expectNear(slower.weightedShortfall, 300);
    expectAllNear(line(slower, 'BB/s/release').produced, [0, 80, 80, 80, 60, 0]);
  });

  it('queue: without the share 60 short a month (180); with it 30 wait in months 1..3 (90 short), repaid 40, 40, 10, owed 30, 60, 90, 50, 10, 0, premium 240', async () => {
    const queue = (deferral: V3Deferral | undefined): HandCase => ({ months: 6, lines: [{ cap0: 100, committed: 60, deferral }], needs: { s: [100, 100, 100, 0, 0, 0] }, budgets: { AA: AMPLE } });
    const without = await referencePlanV3(handSpec(queue(undefined)));
    expectAllNear(shortfalls(without), [60, 60, 60, 0, 0, 0]);
    const plan = await referencePlanV3(handSpec(queue({ share: 0.5, costEurPerUnitMonth: 1 })));
    expectAllNear(shortfalls(plan), [30, 30, 30, 0, 0, 0]);
    expectNear(plan.weightedShortfall, 90);
    expectAllNear(line(plan, 'AA/s/P1').owed, [30, 60, 90, 50, 10, 0]);
    expectNear(line(plan, 'AA/s/P1').premiumEur, 240);
    // Units made for the coalition: 70 a month while 30 wait; none after (repaid units are the customers').
    expectAllNear(line(plan, 'AA/s/P1').produced, [70, 70, 70, 0, 0, 0]);
    expectNear(plan.moneyEur, 210 + 240);
  });

  it('spread: A spends 500 and B 1 500 (half their money each); with payer C (no channel) C spends 0, whatever the order of the channel rows', async () => {
    const channels: V2Channel[] = [
      { id: 'a', payer: 'AA', seller: 'LL', product: '*', share: 1, factor: 1 },
      { id: 'b', payer: 'BB', seller: 'LL', product: '*', share: 1, factor: 1 },
    ];
    const spread = (budgets: Record<string, number>, rows: readonly V2Channel[]) =>
      handSpec({ months: 2, lines: [{ country: 'LL', cap0: 100, unitEur: 10 }], needs: { s: 100 }, budgets: { LL: 0, ...budgets }, channels: rows });
    const two = spread({ AA: 500, BB: 1500 }, channels);
    const optima = await referenceOptimaV3(two);
    expectNear(optima.weightedShortfall, 0);
    expectNear(optima.moneyEur, 2000);
    const spent = await referenceSpreadV3(two);
    expectNear(spent.AA!, 500, 1e-3);
    expectNear(spent.BB!, 1500, 1e-3);
    for (const rows of [channels, [...channels].reverse()]) {
      const three = await referenceSpreadV3(spread({ AA: 500, BB: 1500, CC: 2000 }, rows));
      expectNear(three.AA!, 500, 1e-3);
      expectNear(three.BB!, 1500, 1e-3);
      expectNear(three.CC!, 0, 1e-3);
    }
  });

  it('promise without holding back: the plan delivers 100 a month and g(m) = 2/3 for every m (earlier months free: 2/3, 0.8, then 1)', async () => {
    const spec = handSpec({ months: 6, lines: [{ cap0: 100, unitEur: 10 }], needs: { s: 150 }, budgets: { AA: AMPLE } });
    const plan = await referencePlanV3(spec);
    expectAllNear(plan.deliveries.map((d) => d.delivered), [100, 100, 100, 100, 100, 100]);
    for (let m = 0; m < 6; m++) {
      const g = await referencePromiseV3(spec, 's', 'UA', m);
      expectNear(g.promise, 2 / 3);
      expectNear(g.earlierMonthsFree, Math.min(1, 600 / (150 * (6 - m))));
      expectNear(g.planTieRange, 0, 1e-4); // within what the holds' slack lets move
    }
  });

  it('price of a promise from month 1: 50 % costs 0, 75 % 200, 90 % 560, 100 % 800', async () => {
    const spec = handSpec({ months: 6, lines: [{ cap0: 100, capmax: 200, lead: 0, xcostEur: 10, unitEur: 1 }], needs: { s: 150 }, budgets: { AA: 100 } });
    const prices = [];
    for (const level of [0.5, 0.75, 0.9, 1]) prices.push(await referencePriceV3(spec, 's', 'UA', 0, level));
    expectAllNear(prices as number[], [0, 200, 560, 800], 1e-6);
  });

  it('price of a promise: impossible where nothing can be online in time', async () => {
    const spec = handSpec({ months: 6, lines: [{ cap0: 0, capmax: 100, lead: 3, unitEur: 1 }], needs: { s: 100 }, budgets: { AA: 0 } });
    expect(await referencePriceV3(spec, 's', 'UA', 0, 0.5)).toBeUndefined();
    // From month 4 the expansion can be online: 100 of capacity (free) and 300 units at 1 EUR.
    expectNear((await referencePriceV3(spec, 's', 'UA', 3, 1))!, 300);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the v3 reference on random folders', () => {
  it('without version-3 parts it reaches the optima of the version-2 reference (to 1e-6 relative, stage 1 held as version 2 held it)', async () => {
    await fc.assert(
      fc.asyncProperty(v2SpecArb(DEFAULT_LIMITS), async (v2) => {
        const [v3, reference] = await Promise.all([referenceOptimaV3(liftV2(v2), { holdWeights: 'as-given' }), referenceOptima(v2)]);
        expectNear(v3.weightedShortfall, reference.weightedShortfall, 1e-6, 'weighted shortfall');
        expectNear(v3.moneyEur, reference.moneyEur, 1e-6, 'money');
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('holding stage 1 with the weights divided by their largest moves the money only within what that slack frees', async () => {
    await fc.assert(
      fc.asyncProperty(v2SpecArb(DEFAULT_LIMITS), async (v2) => {
        const [divided, asGiven] = await Promise.all([referenceOptimaV3(liftV2(v2)), referenceOptimaV3(liftV2(v2), { holdWeights: 'as-given' })]);
        expectNear(divided.weightedShortfall, asGiven.weightedShortfall, 1e-6, 'weighted shortfall');
        // The divided hold is looser by up to 1e-6 (max w) of weighted shortfall: that many units
        // over the smallest weight, each saving at most its dearest line's price (and a channel's factor).
        const weights = v2.base.needs.map((n) => n.priority ?? v2.base.systems.find((s) => s.code === n.system)!.priority);
        const dearest = Math.max(...v2.base.lines.map((l) => l.unitEur + l.xcostEur), 0) * 1.5;
        const freed = ((1e-6 * Math.max(...weights)) / Math.min(...weights)) * dearest;
        expect(divided.moneyEur).toBeLessThanOrEqual(asGiven.moneyEur * (1 + 1e-6) + 1e-3);
        expect(divided.moneyEur).toBeGreaterThanOrEqual(asGiven.moneyEur * (1 - 1e-6) - freed - 1e-3);
      }),
      { seed: SEED + 9, numRuns: 60 },
    );
  });

  it("holding faces instead of rows keeps stage 1 and costs at most the rows' slack more money", async () => {
    await fc.assert(
      fc.asyncProperty(v3SpecArb(V3_LIMITS), async (spec) => {
        const [rows, face] = await Promise.all([referenceOptimaV3(spec), referenceOptimaV3(spec, { hold: 'face' })]);
        expectNear(face.weightedShortfall, rows.weightedShortfall, 1e-6, 'weighted shortfall');
        // The face is inside the rows' slack: the rows' money is never more than the face's.
        expect(rows.moneyEur).toBeLessThanOrEqual(face.moneyEur * (1 + 1e-9) + 1e-3);
      }),
      { seed: SEED + 11, numRuns: 60 },
    );
  });

  it('a spec without version-3 parts writes exactly the version-2 files', () => {
    fc.assert(
      fc.property(v2SpecArb(DEFAULT_LIMITS), (v2) => {
        expect(v3FilesOf(liftV2(v2))).toEqual(v2FilesOf(v2));
      }),
      { seed: SEED + 1, numRuns: 30 },
    );
  });

  it('writes the version-3 files and columns of contract.md only where the spec uses them', () => {
    fc.assert(
      fc.property(v3SpecArb(V3_LIMITS), (spec) => {
        const files = v3FilesOf(spec);
        const header = (name: string) => new TextDecoder().decode(files[name as keyof typeof files]).split('\n')[0];
        expect('options.csv' in files).toBe(spec.options.length > 0);
        expect('inventories.csv' in files).toBe(spec.inventories.length > 0);
        expect(header('capacity.csv')!.endsWith(',status')).toBe(spec.candidates.length > 0);
        if (spec.deferrals.some((d) => d !== undefined)) expect(header('commitments.csv')).toContain('deferrable_share,deferral_cost_eur_per_unit_month');
        // Every option names a line of capacity.csv; at most 3 per line, ids unique per line.
        const capacity = new TextDecoder().decode(files['capacity.csv']);
        const perLine = new Map<string, string[]>();
        for (const o of spec.options) {
          const key = `${o.line.country},${o.line.system},${o.line.producer}`;
          expect(capacity).toContain(`\n${key},`);
          perLine.set(key, [...(perLine.get(key) ?? []), o.id]);
        }
        for (const ids of perLine.values()) {
          expect(ids.length).toBeLessThanOrEqual(3);
          expect(new Set(ids).size).toBe(ids.length);
        }
        for (const r of spec.inventories) expect(r.maxPerMonth).toBeLessThanOrEqual(r.units);
      }),
      { seed: SEED + 2, numRuns: 100 },
    );
  });

  it('writes folders that the data loader accepts', () => {
    fc.assert(
      fc.property(v3SpecArb(V3_LIMITS), (spec) => {
        expect(() => loadDataSet(v3FilesOf(spec))).not.toThrow();
      }),
      { seed: SEED + 10, numRuns: 100 },
    );
  });

  it('draws every version-3 part often enough to matter', () => {
    const specs = fc.sample(v3SpecArb(V3_LIMITS), { seed: SEED + 3, numRuns: 200 });
    const share = (test: (s: V3Spec) => boolean) => specs.filter(test).length / specs.length;
    expect(share(hasV3Features)).toBeGreaterThan(0.8);
    expect(share((s) => s.candidates.length > 0)).toBeGreaterThan(0.3);
    expect(share((s) => s.inventories.length > 0)).toBeGreaterThan(0.3);
    expect(share((s) => s.options.some((o) => o.offtakeMonths > 0))).toBeGreaterThan(0.3);
    expect(share((s) => s.deferrals.some((d) => d !== undefined))).toBeGreaterThan(0.1);
  });

  it('every spec solves; taking away options, releases or deferrable shares never lowers the weighted shortfall', async () => {
    await fc.assert(
      fc.asyncProperty(v3SpecArb(V3_LIMITS), async (spec) => {
        const full = await referenceOptimaV3(spec);
        const lesser: V3Spec[] = [
          { ...spec, options: [] },
          { ...spec, inventories: [] },
          { ...spec, deferrals: spec.deferrals.map(() => undefined) },
        ];
        for (const less of lesser) {
          const after = await referenceOptimaV3(less);
          expect(after.weightedShortfall).toBeGreaterThanOrEqual(full.weightedShortfall * (1 - 1e-7) - 1e-6);
        }
      }),
      { seed: SEED + 4, numRuns: 40 },
    );
  });

  it('stage 4 leaves the money of stage 2, every payer within its money, and moves each payer at most B / K from a finer slicing', async () => {
    await fc.assert(
      fc.asyncProperty(
        v3SpecArb(V3_LIMITS).filter((s) => s.financing !== 'national'),
        async (spec) => {
          const plan = await referencePlanV3(spec);
          const spent = Object.values(plan.spentEur);
          expectNear(sum(spent), plan.moneyEur, 2, 'money after stage 4');
          const budgets = budgetsOf(spec);
          for (const [payer, eur] of Object.entries(plan.spentEur)) expect(eur).toBeLessThanOrEqual(budgets.get(payer)! * (1 + 1e-9) + 1);
          const fine = await referenceSpreadV3(spec, { slices: 400 });
          for (const [payer, eur] of Object.entries(plan.spentEur)) {
            const B = budgets.get(payer)!;
            expect(Math.abs(eur - fine[payer]!), `${payer}: ${eur} vs ${fine[payer]} of ${B}`).toBeLessThanOrEqual(B / 50 + B / 400 + 1);
          }
        },
      ),
      { seed: SEED + 5, numRuns: 40 },
    );
  });

  it("a promise keeps the plan's earlier deliveries: never above the earlier-months-free figure, never below what the plan itself delivers", async () => {
    await fc.assert(
      fc.asyncProperty(v3SpecArb(V3_LIMITS), fc.nat(), async (spec, pick) => {
        const from = pick % spec.base.months;
        const system = spec.base.needs[0]!.system;
        const g = await referencePromiseV3(spec, system, 'UA', from);
        expect(g.promise).toBeLessThanOrEqual(g.earlierMonthsFree + 1e-7);
        const plan = await referencePlanV3(spec);
        const own = plan.deliveries.filter((d) => d.system === system && d.recipient === 'UA' && d.t >= from && d.need > 0);
        const planned = own.length === 0 ? 1 : Math.min(...own.map((d) => d.delivered / d.need));
        // Where the plan ties, g follows the plan this reference picks; it still holds the plan's own floor.
        expect(g.promise).toBeGreaterThanOrEqual(Math.min(1, planned) - 1e-6);
      }),
      { seed: SEED + 6, numRuns: 40 },
    );
  });

  it('the price of a promise is 0 up to what the plan delivers, never falls as the level rises, and is 0 only up to the promise', async () => {
    await fc.assert(
      fc.asyncProperty(v3SpecArb({ ...V3_LIMITS, maxMonths: 6 }), fc.nat(), async (spec, pick) => {
        const from = pick % spec.base.months;
        const system = spec.base.needs[0]!.system;
        const plan = await referencePlanV3(spec);
        const own = plan.deliveries.filter((d) => d.system === system && d.recipient === 'UA' && d.t >= from && d.need > 0);
        const planned = own.length === 0 ? 1 : Math.min(1, ...own.map((d) => d.delivered / d.need));
        const atPlan = await referencePriceV3(spec, system, 'UA', from, Math.max(0, planned - 1e-4));
        expect(atPlan).toBeDefined();
        expect(atPlan!).toBeLessThanOrEqual(1e-3);
        const { promise } = await referencePromiseV3(spec, system, 'UA', from);
        let previous = 0;
        for (const level of [0.5, 0.75, 0.9, 1]) {
          const price = await referencePriceV3(spec, system, 'UA', from, level);
          if (price === undefined) {
            previous = Infinity;
            continue;
          }
          expect(price).toBeGreaterThanOrEqual(previous * (1 - 1e-7) - 1e-3);
          if (price <= 1e-6) expect(level).toBeLessThanOrEqual(promise + 1e-6);
          previous = price;
        }
      }),
      { seed: SEED + 7, numRuns: 25 },
    );
  });

  it("the plan's deliveries have a range over the optimal face that contains the plan", async () => {
    await fc.assert(
      fc.asyncProperty(v3SpecArb({ ...V3_LIMITS, maxMonths: 4, maxSystems: 2 }), async (spec) => {
        const [plan, ranges] = await Promise.all([referencePlanV3(spec), referenceDeliveryRangesV3(spec)]);
        plan.deliveries.forEach((d, k) => {
          expect(d.delivered).toBeGreaterThanOrEqual(ranges[k]!.min - 1e-6);
          expect(d.delivered).toBeLessThanOrEqual(ranges[k]!.max + 1e-6);
        });
      }),
      { seed: SEED + 8, numRuns: 15 },
    );
  });
});

/** Each payer's money over the horizon, EUR (countries' rows as arbitraries.ts spreads them; funds monthly). */
function budgetsOf(spec: V3Spec): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of spec.base.countries) out.set(c.code, 0);
  for (const b of spec.base.budgets) out.set(b.country, out.get(b.country)! + (b.t === undefined ? (b.budgetEur / 12) * spec.base.months : b.budgetEur));
  for (const [fund, eur] of Object.entries(spec.funds)) out.set(fund, eur * spec.base.months);
  return out;
}
