import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SolveError } from '../../src/base/errors.js';
import { readDataFolder } from '../../src/io/read-data-folder.js';
import { buildRampUpModel, MONEY_SCALE } from '../../src/model/build-ramp-up-model.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';
import { planRampUp } from '../../src/plan-ramp-up.js';
import { highsAdapter, loadRuntime } from '../../src/solve/highs-adapter.js';
import { solveOnce } from '../../src/solve/solve-lexicographic.js';
import { planCase, type CaseSpec, reportText } from '../helpers/data-builder.js';
import { EXAMPLE, ROOT } from '../helpers/run-built-cli.js';

const causes = (outcome: Awaited<ReturnType<typeof planCase>>, system = 's') =>
  outcome.plan.needs.filter((n) => n.need.system === system && n.shortfall > 0).map((n) => n.cause);

describe('the cause of every gap', () => {
  it('ceiling: every line at its ceiling', async () => {
    expect(causes(await planCase({ lines: [{ cap0: 100, unit: 10 }], needs: { s: 150 }, months: 2, budgets: { AA: 1e8 } }))).toEqual(['ceiling', 'ceiling']);
  });

  it('budget: spare capacity but no money', async () => {
    // Money carries over, so which month falls short is not unique; every short month is budget-bound.
    const outcome = await planCase({ lines: [{ cap0: 100, unit: 1000 }], needs: { s: 100 }, months: 2, budgets: { AA: 50_000 } });
    expect(new Set(causes(outcome))).toEqual(new Set(['budget']));
    expect(outcome.plan.weightedShortfall).toBeCloseTo(100, 6);
  });

  it('lead-time: lines full and no order could be online in time', async () => {
    const outcome = await planCase({ lines: [{ cap0: 0, capmax: 100, lead: 3, unit: 10 }], needs: { s: 100 }, months: 5, budgets: { AA: 1e8 } });
    expect(causes(outcome)).toEqual(['lead-time', 'lead-time', 'lead-time']);
  });

  it('lead-time also when the ramp limit caps what could be online by then', async () => {
    const outcome = await planCase({ lines: [{ cap0: 0, capmax: 100, ramp: 25, unit: 10 }], needs: { s: 100 }, months: 5, budgets: { AA: 1e8 } });
    // Orders of 25 a month: 25, 50, 75 online in months 1-3, then 100; 150 short in all.
    expect(outcome.plan.weightedShortfall).toBeCloseTo(150, 6);
    expect(new Set(causes(outcome))).toEqual(new Set(['lead-time']));
  });

  it('capacity: lines full, more capacity could have been online, but it was not bought', async () => {
    // The money goes to the interceptor (weight 100 a unit); the shell line is free to run
    // but costs EUR 1,000 per unit/month to expand, and no money is left for that.
    const spec: CaseSpec = {
      systems: [{ code: 's', priority: 1 }, { code: 'sam', priority: 100 }],
      lines: [
        { system: 's', cap0: 10, capmax: 100, unit: 0, xcost: 1000 },
        { system: 'sam', producer: 'Q', cap0: 100, unit: 10 },
      ],
      needs: { s: 50, sam: 100 },
      months: 2,
      budgets: { AA: 1000 },
    };
    const outcome = await planCase(spec);
    expect(causes(outcome, 'sam')).toEqual([]);
    expect(causes(outcome)).toEqual(['capacity', 'capacity']);
  });

  it('no-producer: nothing makes the system in this scenario', async () => {
    const outcome = await planCase({ systems: [{ code: 's' }, { code: 'orphan' }], lines: [{ cap0: 100, unit: 1 }], needs: { s: 10, orphan: 5 }, months: 2, budgets: { AA: 1e6 } });
    expect(causes(outcome, 'orphan')).toEqual(['no-producer', 'no-producer']);
    expect(outcome.summary.systems.find((s) => s.system === 'orphan')!.mainCause).toBe('no-producer');
  });
});

describe('cost to close and the earliest month met', () => {
  it('prices the money-bound gap and leaves nothing money cannot close', async () => {
    const outcome = await planCase({ lines: [{ cap0: 100, unit: 1000 }], needs: { s: 100 }, months: 3, budgets: { AA: 50_000 } });
    const closure = outcome.plan.closure!;
    expect(closure.extraMoneyEur).toBeCloseTo(150 * 1000, 2);
    expect(closure.weightedShortfallUnlimited).toBeCloseTo(0, 6);
    expect(closure.bySystem.get('s')).toEqual({ costToCloseEur: expect.closeTo(150_000, 2), shortfallMoneyCannotClose: 0, firstMonthMetUnlimited: '2026-01', bindingInputs: [], shortUnlimited: [] });
    expect([...closure.topUpByPayer]).toEqual([['AA', expect.closeTo(150_000, 2)]]);
  });

  it('separates the gap money can close from the one lead times leave', async () => {
    // A new line (lead 2) and an old one: the old one is money-bound, the new one time-bound.
    const outcome = await planCase({
      lines: [
        { producer: 'old', cap0: 50, unit: 100 },
        { producer: 'new', cap0: 0, capmax: 50, lead: 2, unit: 100 },
      ],
      needs: { s: 100 },
      months: 4,
      budgets: { AA: 2_500 },
    });
    const closure = outcome.plan.closure!;
    // Unlimited money: 50 a month from the old line throughout, 50 more from month 3.
    expect(closure.bySystem.get('s')!.shortfallMoneyCannotClose).toBeCloseTo(100, 4);
    expect(closure.bySystem.get('s')!.firstMonthMetUnlimited).toBe('2026-03');
    // Scenario money buys 25 a month; closing the rest costs (300 - 100) units x EUR 100.
    expect(closure.extraMoneyEur).toBeCloseTo(200 * 100, 2);
    const row = reportText(outcome, 'gaps_by_system.csv').split('\n');
    expect(row[0]).toContain('first_month_met,first_month_met_unlimited,cost_to_close_eur,shortfall_money_cannot_close');
    expect(row[1]).toMatch(/,2026-03,20000,100$/);
  });
});

describe('the marginal value of money', () => {
  // A dual is a subgradient of the optimal shortfall in the budgets: on a degenerate optimum (the
  // 60-month bundled data has many) it lies between the value of a little more money and of a
  // little less, and equals both where the optimum is not degenerate.
  it('lies between the value of a little more and a little less money, on the bundled data\'s 2026', async () => {
    const data = loadDataSet((await readDataFolder(join(ROOT, 'data'))).files);
    const set = ['end=2026-12'];
    const outcome = await planRampUp(data, [], { scenario: { set }, analyses: { explain: false } });
    const { input } = prepareScenario(data, 'baseline', set);
    const checked: string[] = [];
    let binding = 0;
    for (const payer of outcome.plan.payers) {
      if (payer.budgetEur <= 0) continue;
      const step = 1e-4;
      const valueOf = async (factor: number) => {
        const scaled = { ...input, payers: input.payers.map((c) => (c.code === payer.code ? { ...c, budgetEur: c.budgetEur.map((v) => v * factor) } : c)) };
        const result = await solveOnce(buildRampUpModel(scaled).lp, highsAdapter);
        return (outcome.plan.weightedShortfall - result.objective) / (payer.budgetEur * step * MONEY_SCALE);
      };
      const [more, less] = [await valueOf(1 + step), -(await valueOf(1 - step))];
      const dual = payer.marginalValuePerMillion!;
      // The engine's rounding of the objective (about 1e-9 of it), spread over the step.
      const noise = (1e-9 * Math.abs(outcome.plan.weightedShortfall)) / (payer.budgetEur * step * MONEY_SCALE);
      expect(dual, `${payer.code}: dual ${dual}, more ${more}, less ${less}`).toBeGreaterThanOrEqual(more - 0.01 * Math.abs(more) - noise);
      expect(dual, `${payer.code}: dual ${dual}, more ${more}, less ${less}`).toBeLessThanOrEqual(less + 0.01 * Math.abs(less) + noise);
      if (dual > noise) binding++;
      checked.push(payer.code);
    }
    expect(checked.length).toBeGreaterThan(5);
    expect(binding, 'payers whose money binds').toBeGreaterThan(0);
  });

  it('--sensitivity re-solves with 10 % more money per country, with any solver', async () => {
    const spec: CaseSpec = { lines: [{ cap0: 100, unit: 1000 }], needs: { s: 100 }, months: 3, budgets: { AA: 50_000 } };
    for (const solver of ['highs', 'jslp']) {
      const outcome = await planCase(spec, { engine: { solver }, analyses: { sensitivity: true } });
      // EUR 15,000 more buys 15 more units of weight 1: 1,000 per EUR million.
      expect(outcome.plan.payers[0]!.sensitivityPerMillion).toBeCloseTo(1000, 3);
    }
  });
});

describe('infeasible scenarios are explained in domain terms', () => {
  it('names the system, the months, the amounts and the cause', async () => {
    const data = loadDataSet((await readDataFolder(EXAMPLE)).files);
    const error = await planRampUp(data, [], { scenario: { set: ['guarantee:sam-medium=0.8'] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SolveError);
    expect((error as SolveError).status).toBe('infeasible');
    expect((error as SolveError).explanation).toEqual([
      'guarantee 80 % for Medium-range interceptor cannot hold from 2026-01 to 2026-06; in 2026-01 UA needs at least 16 missiles and at most 10 can be delivered to it (cause: lead-time); at most 50 % can be guaranteed in every month.',
    ]);
  });

  it('says when guarantees fail only together', async () => {
    // Each system alone can have all the money; together they cannot.
    const spec: CaseSpec = {
      systems: [{ code: 'a' }, { code: 'b' }],
      lines: [
        { system: 'a', cap0: 100, unit: 10 },
        { system: 'b', producer: 'Q', cap0: 100, unit: 10 },
      ],
      needs: { a: 100, b: 100 },
      months: 2,
      budgets: { AA: 1000 },
    };
    const error = await planCase(spec, { scenario: { set: ['guarantee=1'] } }).catch((e: unknown) => e);
    expect((error as SolveError).explanation).toEqual([
      'each guarantee holds on its own, but not all at once: they compete for the same money and lines; together at most 50 % of every month\'s need can be guaranteed.',
    ]);
  });
});

describe('model export', () => {
  it('round-trips the LP and MPS files through HiGHS to the same optimum', async () => {
    const data = loadDataSet((await readDataFolder(EXAMPLE)).files);
    const outcome = await planRampUp(data, [], { output: { exportFormats: ['lp', 'mps'] }, analyses: { explain: false } });
    const highs = await loadRuntime();
    for (const format of ['lp', 'mps'] as const) {
      const text = outcome.exported[format]!;
      expect(text).toContain('deliver(shell_155,UA,2026_01)');
      const model = highs.createModel({ format, data: text });
      try {
        model.options.set('output_flag', false);
        expect(model.run().modelStatus).toBe(7);
        expect(Math.abs(model.getObjectiveValue() - outcome.plan.weightedShortfall) / outcome.plan.weightedShortfall).toBeLessThan(1e-9);
      } finally {
        model.dispose();
      }
    }
  });
});
