import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinearProgramBuilder, type ExtraRow, type LinearProgram } from '../../src/model/linear-program.js';
import type { SolveResult, SolverAdapter } from '../../src/solve/solver-adapter.js';
import { SOLVERS } from '../../src/solve/solver-registry.js';
import { ROOT } from '../helpers/run-built-cli.js';

/** A bound as stored in JSON: null is infinite (-inf for a lower bound, +inf for an upper one). */
type Bound = number | null;
type Entries = readonly (readonly [column: number, value: number])[];

interface Expected {
  readonly status: SolveResult['status'];
  readonly objective?: number;
  /** Only where the optimum is unique. */
  readonly columnValues?: readonly number[];
}

/** One bundled LP with its hand-solved optimum (tests/fixtures/lp-cases/*.json). */
interface LpCase {
  readonly name: string;
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: readonly number[];
  readonly colLower: readonly Bound[];
  readonly colUpper: readonly Bound[];
  readonly rowLower: readonly Bound[];
  readonly rowUpper: readonly Bound[];
  readonly rows: readonly Entries[];
  readonly offset?: number;
  readonly expected: Expected;
  /** A follow-up solve: one more row and a new objective, as the lexicographic solve does. */
  readonly stage2?: {
    readonly row: { readonly lower: Bound; readonly upper: Bound; readonly entries: Entries };
    readonly colCost: readonly number[];
    readonly offset: number;
    readonly expected: Expected;
  };
}

const CASES_DIR = join(ROOT, 'tests', 'fixtures', 'lp-cases');
const cases: LpCase[] = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(CASES_DIR, f), 'utf8')) as LpCase);

const lower = (b: Bound) => (b === null ? -Infinity : b);
const upper = (b: Bound) => (b === null ? Infinity : b);

/** The JSON case as the solver-neutral LinearProgram every adapter takes. */
function lpOfCase(c: LpCase): LinearProgram {
  const b = new LinearProgramBuilder();
  for (let j = 0; j < c.numCols; j++) b.addColumn(0, j, 0, lower(c.colLower[j]!), upper(c.colUpper[j]!), c.colCost[j]!);
  for (let i = 0; i < c.numRows; i++) {
    b.beginRow(0, i, 0, lower(c.rowLower[i]!), upper(c.rowUpper[i]!));
    for (const [j, v] of c.rows[i]!) b.entry(j, v);
  }
  return b.build(c.offset ?? 0, (j) => `c${j}`, (i) => `r${i}`);
}

function checkCaseShape(c: LpCase): void {
  expect([c.colCost, c.colLower, c.colUpper].map((a) => a.length)).toEqual([c.numCols, c.numCols, c.numCols]);
  expect([c.rowLower, c.rowUpper, c.rows].map((a) => a.length)).toEqual([c.numRows, c.numRows, c.numRows]);
  for (const row of c.rows) for (const [j] of row) expect(j).toBeLessThan(c.numCols);
}

const TOL = 1e-6;
const near = (actual: number, expected: number) => Math.abs(actual - expected) <= TOL * Math.max(1, Math.abs(expected));

/** The result matches the hand solution, and an optimal point is feasible and prices to its objective. */
function expectResult(lp: LinearProgram, result: SolveResult, expected: Expected): void {
  if (expected.status !== 'optimal' || result.status !== 'optimal') {
    expect(result.status).toBe(expected.status);
    return;
  }
  if (expected.objective !== undefined && !near(result.objective, expected.objective)) {
    expect.fail(`objective ${result.objective}, expected ${expected.objective}`);
  }
  const x = result.columnValues;
  expect(x.length).toBe(lp.numCols);
  if (expected.columnValues) {
    expected.columnValues.forEach((v, j) => {
      if (!near(x[j]!, v)) expect.fail(`column ${j} = ${x[j]}, expected ${v}`);
    });
  }
  let priced = lp.offset;
  for (let j = 0; j < lp.numCols; j++) {
    priced += lp.colCost[j]! * x[j]!;
    expect(x[j]!).toBeGreaterThanOrEqual(lp.colLower[j]! - TOL);
    expect(x[j]!).toBeLessThanOrEqual(lp.colUpper[j]! + TOL);
  }
  expect(near(priced, result.objective), `objective ${result.objective} but cost . x + offset = ${priced}`).toBe(true);
  for (let i = 0; i < lp.numRows; i++) {
    let activity = 0;
    for (let k = lp.matrix.starts[i]!; k < lp.matrix.starts[i + 1]!; k++) activity += lp.matrix.values[k]! * x[lp.matrix.indices[k]!]!;
    expect(activity).toBeGreaterThanOrEqual(lp.rowLower[i]! - TOL);
    expect(activity).toBeLessThanOrEqual(lp.rowUpper[i]! + TOL);
  }
}

async function solveOnce(adapter: SolverAdapter, lp: LinearProgram): Promise<SolveResult> {
  const session = await adapter.open(lp, { timeLimitSeconds: 10 });
  try {
    return await session.solve();
  } finally {
    session.dispose();
  }
}

describe('the bundled LP cases', () => {
  it('cover at least eight hand-solved programs, each well formed', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const c of cases) checkCaseShape(c);
    const statuses = new Set(cases.map((c) => c.expected.status));
    expect(statuses).toEqual(new Set(['optimal', 'infeasible', 'unbounded']));
  });
});

describe.each(SOLVERS.map((s) => [s.name, s] as const))('LP cases with the %s adapter', (_name, adapter) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_caseName, c) => {
    const lp = lpOfCase(c);
    expectResult(lp, await solveOnce(adapter, lp), c.expected);
  });

  it('solves a second stage after a row and a new objective (the lexicographic flow)', async () => {
    const c = cases.find((k) => k.stage2 !== undefined)!;
    const stage2 = c.stage2!;
    const lp = lpOfCase(c);
    const session = await adapter.open(lp, {});
    try {
      expectResult(lp, await session.solve(), c.expected);
      const row: ExtraRow = {
        name: 'stage2',
        lower: lower(stage2.row.lower),
        upper: upper(stage2.row.upper),
        indices: Int32Array.from(stage2.row.entries, ([j]) => j),
        values: Float64Array.from(stage2.row.entries, ([, v]) => v),
      };
      const cost = Float64Array.from(stage2.colCost);
      session.addRows([row]);
      session.setObjective(cost, stage2.offset);
      const second = await session.solve();
      // Checked against the stage-2 program: the same LP with the row and the new objective.
      const lp2 = lpOfCase({
        ...c,
        numRows: c.numRows + 1,
        colCost: stage2.colCost,
        offset: stage2.offset,
        rowLower: [...c.rowLower, stage2.row.lower],
        rowUpper: [...c.rowUpper, stage2.row.upper],
        rows: [...c.rows, stage2.row.entries],
      });
      expectResult(lp2, second, stage2.expected);
    } finally {
      session.dispose();
    }
  });
});
