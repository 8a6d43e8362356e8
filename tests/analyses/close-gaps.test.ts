import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNLIMITED_COLD_FROM_COLUMNS, closeGaps, solveUnlimited, unlimitedStart, type SolvedPlan } from '../../src/analyses/close-gaps.js';
import { generateDataFolder, parseFolderSize } from '../../bench/generate-data-folder.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import type { DataFiles } from '../../src/inputs/parse-data-folder.js';
import { buildRampUpModel } from '../../src/model/build-ramp-up-model.js';
import { readPlan } from '../../src/results/read-plan.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';
import { solveContext } from '../../src/solve/solve-context.js';
import { openSession, solveLexicographic, type LexicographicSolution } from '../../src/solve/solve-lexicographic.js';
import { dataFilesOf, dataSpecArb } from '../helpers/arbitraries.js';
import { files } from '../helpers/data-builder.js';
import { EXAMPLE } from '../helpers/run-built-cli.js';

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Cost to close, two ways: a fresh unlimited-money model (buildRampUpModel with
 * unlimitedMoney), and the plan's program with top-up columns appended, started from the
 * plan's stage-1 basis (the warm start). Both are the same program, so both stages reach the
 * same optima. The warm start solved apart (as a worker thread does, handed the basis) gives
 * the very same closure.
 */
async function bothWays(data: DataFiles, solver: string, scenario?: string): Promise<void> {
  const ctx = solveContext(solver);
  const { input } = prepareScenario(loadDataSet(data), scenario, []);
  const model = buildRampUpModel(input);
  const session = await openSession(model.lp, ctx.adapter, ctx.options);
  try {
    const solution = await solveLexicographic(model, ctx.adapter, ctx.options, session);
    const plan = readPlan(model, solution);
    let warmStages: LexicographicSolution | undefined;
    let freshStages: LexicographicSolution | undefined;
    const warm = await closeGaps(plan, ctx, { warm: { model, solution, session }, onSolved: (s) => (warmStages = s) });
    const fresh = await closeGaps(plan, ctx, { onSolved: (s) => (freshStages = s) });
    if (!near(warm.weightedShortfallUnlimited, fresh.weightedShortfallUnlimited)) {
      expect.fail(`unlimited weighted shortfall: warm ${warm.weightedShortfallUnlimited}, fresh ${fresh.weightedShortfallUnlimited}`);
    }
    // The cost stage's optimum (spending + TOP_UP_WEIGHT x top-up) is unique; how it splits may tie.
    if (!near(warmStages!.cost.objective, freshStages!.cost.objective)) {
      expect.fail(`unlimited cost stage: warm ${warmStages!.cost.objective}, fresh ${freshStages!.cost.objective}`);
    }
    if (solver === 'highs') expect(warmStages!.stats[0]?.warm).toBe(true);
    const drawn = solveUnlimited(model, solution.firstStageStart, ctx).then((r) => r.unlimited);
    expect(await closeGaps(plan, ctx, { drawn })).toEqual(warm);
  } finally {
    session.dispose();
  }
}

describe('cost to close from the plan\'s basis (top-up columns appended) and from a fresh model', () => {
  const example = files(Object.fromEntries(readdirSync(EXAMPLE).map((f) => [f, readFileSync(join(EXAMPLE, f), 'utf8')])));

  it.each(['baseline', 'pooled', 'no-germany'])('agree on the example, scenario %s, with highs', async (scenario) => {
    await bothWays(example, 'highs', scenario);
  });

  it('agree on the example with jslp (which rebuilds the program with the columns)', async () => {
    await bothWays(example, 'jslp');
  });

  it('agree on random small folders', async () => {
    await fc.assert(
      fc.asyncProperty(dataSpecArb(), async (spec) => {
        await bothWays(dataFilesOf(spec), 'highs');
      }),
      { seed: 18, numRuns: 25 },
    );
  });
});

describe('cost to close of a large model (from 10,000 columns)', () => {
  it('starts from nothing, not from the plan\'s basis, so that it can run beside the plan; solved apart it gives the same closure', async () => {
    const ctx = solveContext('highs');
    const generated = generateDataFolder({ ...parseFolderSize('22x22x24')!, seed: 7 });
    const { input } = prepareScenario(loadDataSet(files(generated)));
    const model = buildRampUpModel(input);
    expect(model.lp.numCols).toBeGreaterThanOrEqual(UNLIMITED_COLD_FROM_COLUMNS);
    const session = await openSession(model.lp, ctx.adapter, ctx.options);
    try {
      const solution = await solveLexicographic(model, ctx.adapter, ctx.options, session);
      const solved = { model, solution, session };
      expect(solution.firstStageStart).toBeDefined();
      expect(unlimitedStart(solved)).toBeUndefined();
      const plan = readPlan(model, solution);
      let stages: LexicographicSolution | undefined;
      const here = await closeGaps(plan, ctx, { warm: solved, onSolved: (s) => (stages = s) });
      expect(stages!.stats[0]?.warm).toBe(false);
      // What a worker thread does, handed the plan's input only.
      const drawn = solveUnlimited(buildRampUpModel(input), undefined, ctx).then((r) => r.unlimited);
      expect(await closeGaps(plan, ctx, { drawn })).toEqual(here);
    } finally {
      session.dispose();
    }
  }, 120_000);

  it('below that, starts from the plan\'s stage-1 basis', () => {
    const start = { kind: 'highs-basis' };
    const solved = (numCols: number) => ({ model: { lp: { numCols } }, solution: { firstStageStart: start } }) as unknown as SolvedPlan;
    expect(unlimitedStart(solved(UNLIMITED_COLD_FROM_COLUMNS - 1))).toBe(start);
    expect(unlimitedStart(solved(UNLIMITED_COLD_FROM_COLUMNS))).toBeUndefined();
  });
});
