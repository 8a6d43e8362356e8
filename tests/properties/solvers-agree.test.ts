import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SolveError } from '../../src/base/errors.js';
import type { DataFiles } from '../../src/inputs/parse-data-folder.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { planRampUp, type PlanOutcome } from '../../src/plan-ramp-up.js';
import { SMALL_LIMITS, dataFilesOf, dataSpecArb } from '../helpers/arbitraries.js';
import { caseFiles, csv, files } from '../helpers/data-builder.js';

/**
 * HiGHS and javascript-lp-solver must find the same optima (model.md: compare plans by
 * their objective values), or jslp must refuse the model as too large. Instances are kept
 * small (SMALL_LIMITS): jslp solves each in milliseconds, plus about 0.1 s to start its worker
 * for each of the two stages.
 */
const SEED = 7_2027;
const RUNS = 40;
/** A jslp solve takes about 0.1 s (a worker per stage), so shrinking a failure is cut short here. */
const SHRINK_TIME_LIMIT_MS = 30_000;

const scale = (v: number) => Math.max(1, Math.abs(v));
const agree = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * scale(a);

async function outcome(data: DataFiles, solver: string): Promise<PlanOutcome | SolveError> {
  try {
    return await planRampUp(loadDataSet(data), [], { engine: { solver, timeLimitSeconds: 10 }, analyses: { explain: false }, output: { html: false } });
  } catch (error) {
    if (error instanceof SolveError) return error;
    throw error;
  }
}

describe('highs and jslp', () => {
  it('give the same weighted shortfall and money spent on random small instances', async () => {
    await fc.assert(
      fc.asyncProperty(dataSpecArb(SMALL_LIMITS), async (spec) => {
        await expectSameOptima(dataFilesOf(spec));
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: SHRINK_TIME_LIMIT_MS },
    );
  });

  // REGRESSION CASES, minimised from failures of the property above (seed 72027 and a hunt with
  // seed 99). They fail until the jslp adapter copes with javascript-lp-solver's inexact answers.

  it('REGRESSION: agree when jslp\'s stage-1 optimum comes out below the true one (jslp: cost stage "infeasible")', async () => {
    // One country, two lines, two months. Month 1: 106 + 140 made, 290 needed: 44 short x priority 10 = 440.
    // jslp's stage 1 returns 439.9999982 (a delivery 2.4e-7 above its need), so the stage-2 bound
    // 440 - 1.8e-6 + 1e-6 slack cuts off every plan and jslp reports the cost stage infeasible.
    const data = caseFiles({
      systems: [{ code: 's', priority: 10 }],
      lines: [
        { country: 'FR', producer: 'P', cap0: 106, unit: 10 },
        { country: 'FR', producer: 'Q', cap0: 140, unit: 400_000 },
      ],
      needs: { s: [290, 35] },
      months: 2,
      budgets: { FR: 7_222_691_666.666667 },
    });
    const highs = await expectSameOptima(data);
    expect(Math.abs(highs.plan.weightedShortfall - 440)).toBeLessThan(1e-6 * 440);
    expect(Math.abs(highs.plan.totalCostEur - (106 * 10 + 140 * 400_000 + 35 * 10))).toBeLessThan(1e-6 * 56_001_410);
  });

  it('REGRESSION: agree on a plan with no need at all (jslp: weighted-shortfall stage "infeasible")', async () => {
    // Everything is zero at the optimum; javascript-lp-solver ends phase 1 with produce = -3e-8 and calls it infeasible.
    const data = files({
      'countries.csv': csv(['country', 'name', 'gdp_eur'], [['FR', 'France', 1e12]]),
      'systems.csv': csv(['system', 'name', 'category', 'unit', 'priority'], [['s', 'S', 'c', 'unit', 1]]),
      'capacity.csv': csv(
        ['country', 'system', 'producer', 'capacity_per_month', 'max_capacity_per_month', 'unit_cost_eur'],
        [
          ['FR', 's', 'P', 0, 452, 10],
          ['FR', 's', 'Q', 0, 0, 10],
        ],
      ),
      'needs.csv': csv(['system', 'period', 'quantity'], [['s', '2026-01', 0], ['s', '2026-02', 0]]),
      'budgets.csv': csv(['country', 'period', 'budget_eur'], [['FR', '2026-01', 2_300_940_000], ['FR', '2026-02', 0]]),
    });
    const highs = await expectSameOptima(data);
    expect(highs.plan.weightedShortfall).toBe(0);
    expect(highs.plan.totalCostEur).toBe(0);
  });
});

/** Both solvers reach the same optima (or jslp refuses the size); returns the HiGHS outcome. */
async function expectSameOptima(data: DataFiles): Promise<PlanOutcome> {
  const highs = await outcome(data, 'highs');
  if (highs instanceof SolveError) expect.fail(`highs: ${highs.status}: ${highs.message}`);
  const jslp = await outcome(data, 'jslp');
  if (jslp instanceof SolveError) {
    if (jslp.status === 'too-large') return highs;
    expect.fail(`jslp: ${jslp.status}: ${jslp.message}`);
  }
  const [h, j] = [highs.plan, jslp.plan];
  if (!agree(h.weightedShortfall, j.weightedShortfall)) expect.fail(`weighted shortfall: highs ${h.weightedShortfall}, jslp ${j.weightedShortfall}`);
  if (!agree(h.moneySpentEur, j.moneySpentEur)) expect.fail(`money spent: highs ${h.moneySpentEur} EUR, jslp ${j.moneySpentEur} EUR`);
  return highs;
}
