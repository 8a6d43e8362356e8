import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { buildRampUpModel } from '../../src/model/build-ramp-up-model.js';
import { stagesOf } from '../../src/model/stages.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';
import { solveContext } from '../../src/solve/solve-context.js';
import { openSession, solveLexicographic } from '../../src/solve/solve-lexicographic.js';
import type { SolverSession } from '../../src/solve/solver-adapter.js';
import { DEFAULT_LIMITS } from '../helpers/arbitraries.js';
import { v2FilesOf, v2SpecArb } from '../helpers/arbitraries-v2.js';

/** The same session without optimalFace: the tie-break then keeps the least money with a row. */
function withoutFace(session: SolverSession): SolverSession {
  return new Proxy(session, { get: (target, key, receiver) => (key === 'optimalFace' ? undefined : (Reflect.get(target, key, receiver) as unknown)) });
}

// The tie-break alone: stage 4 would add its own columns and rows after it.
const ctx = solveContext('highs', { spread: 'none' });
const close = (a: number, b: number, rel = 1e-6) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

describe("the tie-break on the money stage's optimal face (no money row)", () => {
  it('reaches what the money row reaches, spends no more than model.md allows, and gives the program its bounds back', async () => {
    await fc.assert(
      fc.asyncProperty(v2SpecArb(DEFAULT_LIMITS), async (spec) => {
        const model = buildRampUpModel(prepareScenario(loadDataSet(v2FilesOf(spec))).input);
        const solve = async (face: boolean) => {
          const session = await openSession(model.lp, ctx.adapter, ctx.options);
          try {
            const solution = await solveLexicographic(stagesOf(model), ctx.adapter, ctx.options, face ? session : withoutFace(session));
            const program = session.program;
            return { solution, program };
          } finally {
            session.dispose();
          }
        };
        const onFace = await solve(true);
        const behindRow = await solve(false);
        const { solution } = onFace;
        expect(solution.tieBreakFailed).toBeUndefined();
        expect(close(solution.plan.objective, behindRow.solution.plan.objective), `soonest ${solution.plan.objective} vs ${behindRow.solution.plan.objective}`).toBe(true);
        const money = (values: Float64Array) => model.costObjective.reduce((sum, c, j) => sum + c * values[j]!, 0);
        const shortfall = (values: Float64Array) => model.totalWeightedNeed - model.input.needs.reduce((sum, n, k) => sum + n.weight * values[model.index.deliver[k]!]!, 0);
        const V = solution.cost.objective;
        expect(money(solution.plan.columnValues)).toBeLessThanOrEqual(V * (1 + 1e-9) + 1e-6);
        expect(shortfall(solution.plan.columnValues)).toBeLessThanOrEqual(solution.shortfall.objective * (1 + 1e-9) + 1e-6 + 1e-7);
        // The face was let go: the program's own column bounds, and only the stage rows added.
        expect(onFace.program.colLower).toEqual(model.lp.colLower);
        expect(onFace.program.colUpper).toEqual(model.lp.colUpper);
        expect(onFace.program.rowLower.subarray(0, model.lp.numRows)).toEqual(model.lp.rowLower);
        expect(onFace.program.rowUpper.subarray(0, model.lp.numRows)).toEqual(model.lp.rowUpper);
        expect(onFace.program.numRows).toBe(model.lp.numRows + 1);
        expect(behindRow.program.numRows).toBe(model.lp.numRows + 2);
      }),
      { seed: 2026_12, numRuns: 40 },
    );
  }, 180_000);
});
