import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { planRampUp, type PlanOutcome } from '../../src/plan-ramp-up.js';
import { dataFilesOf, dataSpecArb, monthlyBudgets, type DataSpec } from '../helpers/arbitraries.js';
import { planCase } from '../helpers/data-builder.js';

/**
 * Properties of the default (HiGHS) plan over random valid data folders: every plan is
 * feasible for model.md's program, its objective values add up, and more money, more
 * capacity or less need never make it worse. Fixed seeds: a failure prints its seed and
 * path, and the same run reproduces it.
 */
const SEED = 7_2026;
const INVARIANT_RUNS = 150;
const MONOTONE_RUNS = 60;

/** model.md: compare objectives to 1e-6 relative, on the scale max(1, |value|). */
const REL = 1e-6;
const slack = (v: number) => REL * Math.max(1, Math.abs(v));
/** model.md lets stage 2 give back 1e-9 U* + 1e-6 of the stage-1 optimum U*, and the gaps are read from stage 2. */
const stage2Slack = (u: number) => slack(u) + 1e-9 * Math.abs(u) + 1e-6;
/** Money rows are solved in EUR millions to a feasibility tolerance of 1e-7, i.e. 0.1 EUR a row. */
const moneySlack = (v: number) => REL * Math.max(1, Math.abs(v)) + 1;

/** report.html (about 0.2 s a plan) is left out; the gap explanation re-solve is kept where asked. */
const planOf = (spec: DataSpec, set: readonly string[] = [], explain = true): Promise<PlanOutcome> =>
  planRampUp(loadDataSet(dataFilesOf(spec)), [], { scenario: { set }, output: { html: false }, analyses: { explain } });

const lineKey = (l: { country: string; system: string; producer: string }) => `${l.country}/${l.system}/${l.producer}`;
const needKey = (n: { system: string; recipient: string; t: number }) => `${n.system}/${n.recipient}/${n.t}`;

/** Fails with the quantity's name and both sides, so a counterexample says what broke. */
function atMost(what: string, value: number, bound: number, tolerance: number): void {
  if (!(value <= bound + tolerance)) expect.fail(`${what}: ${value} > ${bound} (tolerance ${tolerance})`);
}

function near(what: string, actual: number, expected: number, tolerance: number): void {
  if (!(Math.abs(actual - expected) <= tolerance)) expect.fail(`${what}: ${actual}, expected ${expected} (tolerance ${tolerance})`);
}

function checkPlan(spec: DataSpec, outcome: PlanOutcome): void {
  const { plan } = outcome;
  const H = spec.months;
  expect(plan.input.months.length).toBe(H);

  // Needs: 0 <= delivered <= need, shortfall = need - delivered, weights as in the data.
  const specNeeds = new Map(spec.needs.map((n) => [needKey(n), n]));
  const priority = new Map(spec.systems.map((s) => [s.code, s.priority]));
  expect(plan.needs.length).toBe(spec.needs.length);
  let weighted = 0;
  for (const n of plan.needs) {
    const data = specNeeds.get(needKey(n.need));
    if (!data) expect.fail(`need ${needKey(n.need)} is not in needs.csv`);
    const where = `need ${needKey(n.need)}`;
    near(`${where} quantity`, n.need.quantity, data.quantity, 0);
    near(`${where} weight`, n.need.weight, data.priority ?? priority.get(data.system)!, 0);
    atMost(`${where} delivered`, n.delivered, data.quantity, slack(data.quantity));
    atMost(`${where} -delivered`, -n.delivered, 0, slack(data.quantity));
    atMost(`${where} -shortfall`, -n.shortfall, 0, 0);
    near(`${where} delivered + shortfall`, n.delivered + n.shortfall, data.quantity, slack(data.quantity));
    weighted += n.need.weight * n.shortfall;
  }
  near('weighted shortfall vs sum of weight x shortfall', plan.weightedShortfall, weighted, stage2Slack(plan.weightedShortfall));

  // Lines: production within the capacity online, capacity within the ceiling, capacity
  // online = cap0 + the orders placed at least lead months earlier, orders within the ramp limit.
  const specLines = new Map(spec.lines.map((l) => [lineKey(l), l]));
  expect(plan.lineMonths.length).toBe(spec.lines.length * H);
  const lineMonths = new Map<string, (typeof plan.lineMonths)[number][]>();
  let cost = 0;
  for (const lm of plan.lineMonths) {
    const list = lineMonths.get(lm.line.id) ?? [];
    list[lm.t] = lm;
    lineMonths.set(lm.line.id, list);
    cost += lm.costEur;
  }
  near('total cost vs sum of line-month costs', plan.totalCostEur, cost, slack(plan.totalCostEur));
  for (const [id, months] of lineMonths) {
    const line = specLines.get(id);
    if (!line) expect.fail(`line ${id} is not in capacity.csv`);
    let ordered = 0;
    for (let t = 0; t < H; t++) {
      const lm = months[t]!;
      const where = `line ${id} month ${t}`;
      atMost(`${where} -units`, -lm.units, 0, slack(line.capmax));
      atMost(`${where} units vs capacity online`, lm.units, lm.capacityOnline, slack(lm.capacityOnline));
      atMost(`${where} capacity online vs ceiling`, lm.capacityOnline, line.capmax, slack(line.capmax));
      atMost(`${where} -ordered`, -lm.ordered, 0, slack(line.capmax));
      if (line.ramp !== undefined) atMost(`${where} ordered vs ramp limit`, lm.ordered, line.ramp, slack(line.ramp));
      if (t - line.lead >= 0) ordered += months[t - line.lead]!.ordered;
      near(`${where} capacity online vs cap0 + orders placed lead months before`, lm.capacityOnline, line.cap0 + ordered, slack(line.capmax));
      near(`${where} cost`, lm.costEur, lm.units * line.unitEur + lm.ordered * line.xcostEur, slack(lm.costEur));
    }
  }

  // Stock balance: opening stock + production - deliveries, carried month to month, never negative.
  for (const system of spec.systems) {
    let inflow = spec.stocks?.[system.code] ?? 0;
    let outflow = 0;
    for (let t = 0; t < H; t++) {
      for (const lm of plan.lineMonths) if (lm.line.system === system.code && lm.t === t) inflow += lm.units;
      for (const n of plan.needs) if (n.need.system === system.code && n.need.t === t) outflow += n.delivered;
      atMost(`${system.code}: delivered up to month ${t} vs opening stock + production`, outflow, inflow, slack(inflow));
    }
  }

  // National financing: cumulative spending within the cumulative budget, every country and month.
  const budgets = monthlyBudgets(spec);
  for (const country of spec.countries) {
    let spent = 0;
    let budget = 0;
    for (let t = 0; t < H; t++) {
      budget += budgets.get(country.code)![t]!;
      for (const lm of plan.lineMonths) if (lm.line.country === country.code && lm.t === t) spent += lm.costEur;
      atMost(`${country.code} cumulative spending to month ${t}`, spent, budget, moneySlack(Math.max(spent, budget)));
    }
    const result = plan.payers.find((c) => c.code === country.code)!;
    near(`${country.code} paid`, result.paidEur, spent, moneySlack(spent));
    near(`${country.code} budget`, result.budgetEur, budget, moneySlack(budget));
  }

  // budget_shares.csv: the shares add up to 100 % (two decimals each) whenever anything was spent.
  const file = outcome.files.find((f) => f.name === 'budget_shares.csv');
  if (!file) expect.fail('no budget_shares.csv');
  const rows = parse(file.content, { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.payer).sort()).toEqual(spec.countries.map((c) => c.code).sort());
  const totalSpent = rows.reduce((a, r) => a + Number(r.spent_eur), 0);
  const shares = rows.reduce((a, r) => a + Number(r.share_pct), 0);
  if (plan.payers.some((c) => c.paidEur > 0)) near('sum of share_pct', shares, 100, 0.005 * rows.length + 1e-9);
  else near('sum of share_pct with nothing spent', shares, 0, 0);
  near('sum of spent_eur vs total cost', totalSpent, plan.totalCostEur, moneySlack(plan.totalCostEur) + rows.length);
}

describe('plans over random valid data (HiGHS)', () => {
  it('are feasible for model.md and their objectives add up', async () => {
    await fc.assert(
      fc.asyncProperty(dataSpecArb(), async (spec) => {
        checkPlan(spec, await planOf(spec));
      }),
      { seed: SEED, numRuns: INVARIANT_RUNS },
    );
  });

  it('never get worse with more money, more capacity or less need, nor better without a country', async () => {
    await fc.assert(
      fc.asyncProperty(dataSpecArb(), fc.nat(), async (spec, pick) => {
        const base = (await planOf(spec, [], false)).plan.weightedShortfall;
        const better = (set: string) => planOf(spec, [set], false).then((o) => o.plan.weightedShortfall);
        atMost('weighted shortfall with budget_scale=1.5', await better('budget_scale=1.5'), base, slack(base));
        atMost('weighted shortfall with capacity_scale=1.5', await better('capacity_scale=1.5'), base, slack(base));
        atMost('weighted shortfall with need_scale=0.5', await better('need_scale=0.5'), base, slack(base));
        const excluded = spec.countries[pick % spec.countries.length]!.code;
        const without = await better(`exclude=${excluded}`);
        atMost(`weighted shortfall with exclude=${excluded} (negated)`, -without, -base, slack(base));
      }),
      { seed: SEED + 1, numRuns: MONOTONE_RUNS },
    );
  });

  // REGRESSION, minimised from a failure of the first property (found with seed 11 and 3,000
  // runs). It fails until the plan's weighted shortfall and its needs come from the same solve.
  it('below 1, the gaps add up to the weighted shortfall within the stage-2 slack of model.md', async () => {
    // One line making 10 a month, 10.5 needed, ample money: U* = 0.5 (cause: ceiling). model.md
    // lets stage 2 give back 1e-9 U* + 1e-6 of it, and it does (each unit not made saves 10 EUR):
    // the needs say 0.5000010005 short, 1.0005e-6 more than the plan's weighted shortfall of 0.5.
    const { plan } = await planCase({ lines: [{ cap0: 10, unit: 10 }], needs: { s: [10.5] }, months: 1, budgets: { AA: 1000 } }, { output: { html: false } });
    const weighted = plan.needs.reduce((a, n) => a + n.need.weight * n.shortfall, 0);
    near('weighted shortfall vs sum of weight x shortfall', plan.weightedShortfall, weighted, stage2Slack(plan.weightedShortfall));
  });
});
