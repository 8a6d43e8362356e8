import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNLIMITED_COLD_FROM_COLUMNS, closeGaps, solveUnlimited, unlimitedStart } from '../../src/analyses/close-gaps.js';
import { generateDataFolder, parseFolderSize } from '../../bench/generate-data-folder.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import type { DataFiles } from '../../src/inputs/parse-data-folder.js';
import { solveScenario, type SolvedScenario } from '../../src/pipeline/solve-scenario.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';
import { solveContext } from '../../src/solve/solve-context.js';
import type { LexicographicSolution } from '../../src/solve/solve-lexicographic.js';
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
  const solved = await solveScenario(input, ctx);
  let warmStages: LexicographicSolution | undefined;
  const warm = await closeGaps(solved, ctx, { onSolved: (s) => (warmStages = s) });
  const fresh = await solveScenario(input, ctx, { model: { unlimitedMoney: true } });
  const freshStages = fresh.solution;
  if (!near(warm.weightedShortfallUnlimited, fresh.plan.weightedShortfall)) {
    expect.fail(`unlimited weighted shortfall: warm ${warm.weightedShortfallUnlimited}, fresh ${fresh.plan.weightedShortfall}`);
  }
  {
    // The cost stage's optimum (spending + TOP_UP_WEIGHT x top-up) is unique; how it splits may tie.
    if (!near(warmStages!.cost.objective, freshStages.cost.objective)) {
      expect.fail(`unlimited cost stage: warm ${warmStages!.cost.objective}, fresh ${freshStages.cost.objective}`);
    }
    if (solver === 'highs') expect(warmStages!.stats[0]?.warm).toBe(true);
    const drawn = solveUnlimited(solved, solved.solution.firstStageStart, ctx).then((r) => r.solution);
    expect(await closeGaps(solved, ctx, { drawn })).toEqual(warm);
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
    const solved = await solveScenario(input, ctx);
    expect(solved.model.lp.numCols).toBeGreaterThanOrEqual(UNLIMITED_COLD_FROM_COLUMNS);
    expect(solved.solution.firstStageStart).toBeDefined();
    expect(unlimitedStart(solved)).toBeUndefined();
    let stages: LexicographicSolution | undefined;
    const here = await closeGaps(solved, ctx, { onSolved: (s) => (stages = s) });
    expect(stages!.stats[0]?.warm).toBe(false);
    // What a worker thread does, handed the plan's input only: the plan's model, built again, with its top-up columns.
    const { solveUnlimitedJob } = await import('../../src/run/unlimited-on-worker.js');
    const reply = await solveUnlimitedJob({ input, solver: 'highs', options: {} }, ctx);
    if ('failed' in reply) expect.fail(reply.failed.message);
    expect(await closeGaps(solved, ctx, { drawn: Promise.resolve(reply.solution) })).toEqual(here);
  }, 120_000);

  it('below that, starts from the plan\'s stage-1 basis', () => {
    const start = { kind: 'highs-basis' };
    const solved = (numCols: number) => ({ model: { lp: { numCols } }, solution: { firstStageStart: start } }) as unknown as SolvedScenario;
    expect(unlimitedStart(solved(UNLIMITED_COLD_FROM_COLUMNS - 1))).toBe(start);
    expect(unlimitedStart(solved(UNLIMITED_COLD_FROM_COLUMNS))).toBeUndefined();
  });
});
