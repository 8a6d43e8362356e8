import { describe, expect, it } from 'vitest';
import { LinearProgramBuilder, type ExtraColumns, type LinearProgram } from '../../src/model/linear-program.js';
import type { SolveResult, SolverAdapter } from '../../src/solve/solver-adapter.js';
import { SOLVERS } from '../../src/solve/solver-registry.js';

/**
 * A solver session is edited and solved again (the lexicographic stages, the unlimited-money
 * re-solve, later promise curves): after every edit it must solve exactly the program it
 * reports (`session.program`), the same as a fresh session on that program would.
 *
 * The program: a small production mix. max 3x + 2y + 4z (as min of the negatives) with
 * x + y + z <= 10, 2x + y <= 12, y + 3z <= 15, all in [0, 8].
 */
function mix(): LinearProgram {
  const b = new LinearProgramBuilder();
  b.addColumn(0, 0, 0, 0, 8, -3);
  b.addColumn(0, 1, 0, 0, 8, -2);
  b.addColumn(0, 2, 0, 0, 8, -4);
  const rows: [number, number][][] = [
    [[0, 1], [1, 1], [2, 1]],
    [[0, 2], [1, 1]],
    [[1, 1], [2, 3]],
  ];
  const upper = [10, 12, 15];
  rows.forEach((entries, i) => {
    b.beginRow(0, i, 0, -Infinity, upper[i]!);
    for (const [j, v] of entries) b.entry(j, v);
  });
  return b.build(0, (j) => `c${j}`, (i) => `r${i}`);
}

/** Two more columns w1, w2 in rows 0 and 1: each unit of w relaxes a row by one unit, at a price. */
const relaxers: ExtraColumns = {
  count: 2,
  cost: new Float64Array([0.5, 0.25]),
  lower: new Float64Array([0, 0]),
  upper: new Float64Array([Infinity, 4]),
  starts: new Int32Array([0, 1, 2]),
  indices: new Int32Array([0, 1]),
  values: new Float64Array([-1, -1]),
  name: (k) => `w${k}`,
};

async function fresh(adapter: SolverAdapter, lp: LinearProgram): Promise<SolveResult> {
  const session = await adapter.open(lp, {});
  try {
    return await session.solve();
  } finally {
    session.dispose();
  }
}

function objective(result: SolveResult): number {
  if (result.status !== 'optimal') expect.fail(`not optimal: ${result.status}`);
  return result.objective;
}

describe.each(SOLVERS.map((s) => [s.name, s] as const))('a %s session, edited between solves', (_name, adapter) => {
  it('solves what it reports after each edit, as a fresh session would', async () => {
    const session = await adapter.open(mix(), {});
    try {
      const base = objective(await session.solve());
      expect(base).toBeCloseTo(-35, 9); // x = 5, z = 5: rows 0 and 2 bind
      expect(base).toBeCloseTo(objective(await fresh(adapter, mix())), 9);
      const start = session.saveStart();

      // Columns that relax rows 0 and 1 for a price: the optimum improves.
      const first = session.addColumns(relaxers);
      expect(first).toBe(3);
      expect(session.program.numCols).toBe(5);
      const relaxed = objective(await session.solve());
      expect(relaxed).toBeLessThan(base);
      expect(relaxed).toBeCloseTo(objective(await fresh(adapter, session.program)), 9);

      // A bound row, then another objective (the lexicographic flow), then drop the row again.
      const row = session.addRows([{ name: 'cap', lower: -Infinity, upper: 9, indices: new Int32Array([0, 1, 2]), values: new Float64Array([1, 1, 1]) }]);
      expect(row).toBe(3);
      session.setObjective(new Float64Array([-1, -1, -1, 0.1, 0.1]), 5);
      const capped = objective(await session.solve());
      expect(capped).toBeCloseTo(objective(await fresh(adapter, session.program)), 9);
      expect(capped).toBeCloseTo(5 - 9, 9);
      session.removeRowsFrom(row);
      expect(session.program.numRows).toBe(3);
      expect(objective(await session.solve())).toBeCloseTo(objective(await fresh(adapter, session.program)), 9);

      // Tighter bounds on a column and a row (a promise curve's kind of edit).
      session.setColumnBounds(new Int32Array([2]), new Float64Array([1]), new Float64Array([2]));
      session.setRowBounds(new Int32Array([1]), new Float64Array([-Infinity]), new Float64Array([6]));
      const tight = objective(await session.solve());
      expect(session.program.colUpper[2]).toBe(2);
      expect(session.program.rowUpper[1]).toBe(6);
      expect(tight).toBeCloseTo(objective(await fresh(adapter, session.program)), 9);

      // A start saved before the columns were added takes them at their lower bound.
      if (start) session.restoreStart(start);
      expect(objective(await session.solve())).toBeCloseTo(tight, 9);
      const again = session.saveStart();
      session.clearStart();
      expect(objective(await session.solve())).toBeCloseTo(tight, 9);
      // ... but a start of a larger program does not fit.
      if (again) {
        session.removeRowsFrom(2);
        expect(() => session.restoreStart(again)).toThrow(RangeError);
      }
    } finally {
      session.dispose();
    }
  });

  it('reports what the engine did in each solve', async () => {
    const session = await adapter.open(mix(), {});
    try {
      const first = await session.solve();
      expect(first.stats?.warm).toBe(false);
      expect(first.stats?.ipmFallback ?? false).toBe(false);
      expect(first.stats?.ms).toBeGreaterThanOrEqual(0);
      session.setObjective(new Float64Array([-1, -3, -1]), 0);
      const second = await session.solve();
      // HiGHS goes on from its basis; jsLPSolver keeps nothing between solves.
      expect(second.stats?.warm).toBe(adapter.name === 'highs');
    } finally {
      session.dispose();
    }
  });
});
