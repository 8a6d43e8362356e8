import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { buildRampUpModel } from '../../src/model/build-ramp-up-model.js';
import { stagesOf } from '../../src/model/stages.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';
import { solveContext } from '../../src/solve/solve-context.js';
import { openSession, solveLexicographic } from '../../src/solve/solve-lexicographic.js';
import type { SolverSession } from '../../src/solve/solver-adapter.js';
import { caseFiles } from '../helpers/data-builder.js';

/** A session whose n-th solve reports numerical trouble, as HiGHS's "unknown" model status does. */
function failingOn(n: number, session: SolverSession): SolverSession {
  let solves = 0;
  return new Proxy(session, {
    get(target, key, receiver) {
      if (key !== 'solve') return Reflect.get(target, key, receiver) as unknown;
      return async () => {
        solves++;
        const result = await target.solve();
        return solves === n ? { status: 'error' as const, message: 'HiGHS ended with model status 15' } : result;
      };
    },
  });
}

describe('the tie-break stage', () => {
  // Two months, one line of 100 a month, need 150 a month: stock made early can serve month 2.
  const spec = { lines: [{ cap0: 100, unit: 10 }], needs: { s: 150 }, months: 2, budgets: { AA: 1e9 } };

  it('failing costs only the order of deliveries: the plan is the money stage\'s, and says why', async () => {
    const ctx = solveContext('highs');
    const model = buildRampUpModel(prepareScenario(loadDataSet(caseFiles(spec))).input);
    const session = failingOn(3, await openSession(model.lp, ctx.adapter, ctx.options));
    try {
      const solution = await solveLexicographic(stagesOf(model), ctx.adapter, ctx.options, session);
      expect(solution.tieBreakFailed).toBe('HiGHS ended with model status 15');
      expect(solution.plan).toBe(solution.cost);
      expect(solution.shortfall.objective).toBeCloseTo(100, 6); // 300 needed, 200 made
    } finally {
      session.dispose();
    }
  });

  it('failing in the first two stages is still an error', async () => {
    const ctx = solveContext('highs');
    const model = buildRampUpModel(prepareScenario(loadDataSet(caseFiles(spec))).input);
    const session = failingOn(2, await openSession(model.lp, ctx.adapter, ctx.options));
    try {
      await expect(solveLexicographic(stagesOf(model), ctx.adapter, ctx.options, session)).rejects.toThrow('(the money stage)');
    } finally {
      session.dispose();
    }
  });
});
