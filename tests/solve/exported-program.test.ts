import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { buildRampUpModel } from '../../src/model/build-ramp-up-model.js';
import { writeProgram } from '../../src/model/write-program.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';
import { loadRuntime } from '../../src/solve/highs-adapter.js';
import { solveContext } from '../../src/solve/solve-context.js';
import { openSession } from '../../src/solve/solve-lexicographic.js';
import { V3_LIMITS, v3FilesOf, v3SpecArb } from '../helpers/arbitraries-v3.js';

/**
 * Issue 30: the program rampup solves in memory and the one it exports (--write-lp) are the same
 * program. Read back by a fresh engine, the exported one reaches the same stage-1 optimum, so a
 * measurement on an exported program speaks for the session's own.
 */
describe('the exported program', () => {
  it('has the optimum of the program in memory, read back into a fresh engine (random version-3 folders)', async () => {
    const ctx = solveContext('highs');
    const highs = await loadRuntime();
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(v3SpecArb(V3_LIMITS), async (spec) => {
        const model = buildRampUpModel(prepareScenario(loadDataSet(v3FilesOf(spec))).input);
        const session = await openSession(model.lp, ctx.adapter, ctx.options);
        try {
          const inMemory = await session.solve();
          if (inMemory.status !== 'optimal') return;
          const readBack = highs.solve(writeProgram(model.lp, 'lp'), { presolve: 'on' });
          expect(readBack.Status).toBe('Optimal');
          const scale = Math.max(1, Math.abs(inMemory.objective));
          expect(Math.abs(readBack.ObjectiveValue - inMemory.objective) / scale).toBeLessThan(1e-7);
          compared++;
        } finally {
          session.dispose();
        }
      }),
      { seed: 41, numRuns: 25 },
    );
    expect(compared).toBeGreaterThanOrEqual(20);
  });
});
