import { createRequire } from 'node:module';
import { withBounds, withColumns, withObjective, withoutRowsFrom } from '../model/edit-program.js';
import { withRows, type ExtraColumns, type ExtraRow, type LinearProgram } from '../model/linear-program.js';
import type { IsolatedCall, SolveOptions, SolveResult, SolveStats, SolverAdapter, SolverSession } from './solver-adapter.js';
import { substituteEqualities, type ReducedProgram } from './substitute-equalities.js';

const require = createRequire(import.meta.url);

/** javascript-lp-solver's model: named constraints and variables of named coefficients. */
export interface JslpModel {
  optimize: string;
  opType: 'min';
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
  unrestricted?: Record<string, 1>;
}

export interface JslpResult {
  feasible: boolean;
  bounded?: boolean;
  result: number | null;
  [key: string]: unknown;
}

const ENGINE = require.resolve('javascript-lp-solver');

/** The engine call: isolated where the shell gives a way (a simplex that cycles is stopped at the time limit), else here. */
async function solveJslp(model: JslpModel, seconds: number, isolate: IsolatedCall | undefined): Promise<JslpResult | 'time-limit' | Error> {
  if (isolate) return (await isolate(ENGINE, 'Solve', model, seconds)) as JslpResult | 'time-limit' | Error;
  try {
    const engine = require(ENGINE) as { Solve(model: JslpModel): JslpResult };
    return engine.Solve(model);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * javascript-lp-solver keeps a dense tableau, and past a point its simplex stops finishing:
 * with equalities substituted, every generated instance up to 2,240 columns + rows solved in
 * under 0.7 s; at 3,015 and 3,456 it ran past 40 s, and on the bundled data (4,084) it
 * answered a false "infeasible". Larger models are refused with advice.
 */
export const JSLP_MAX_SIZE = 2_500;
const DEFAULT_TIME_LIMIT_SECONDS = 120;
const OBJECTIVE_KEY = '__objective';

/**
 * Converts the neutral LP to jsLPSolver's object-of-objects form. Names are short indices
 * (`c12`, `r3`) so they cannot collide with the result's own keys (`feasible`, `result`).
 */
export function toJslpModel(lp: LinearProgram): JslpModel {
  const variables: Record<string, Record<string, number>> = {};
  const constraints: JslpModel['constraints'] = {};
  const unrestricted: Record<string, 1> = {};
  // A column fixed at zero (a line that cannot produce, a need of zero) is left out: it
  // changes nothing, and such columns tip jsLPSolver into false "infeasible" answers.
  const fixedZero = (j: number) => lp.colLower[j] === 0 && lp.colUpper[j] === 0;
  for (let j = 0; j < lp.numCols; j++) {
    if (fixedZero(j)) continue;
    const v: Record<string, number> = {};
    if (lp.colCost[j] !== 0) v[OBJECTIVE_KEY] = lp.colCost[j]!;
    // jsLPSolver has no variable bounds: each becomes a one-entry row; columns are >= 0
    // unless declared unrestricted.
    const lo = lp.colLower[j]!;
    if (lo < 0) unrestricted[`c${j}`] = 1;
    if (lo > 0 || (lo < 0 && lo > -Infinity)) {
      v[`l${j}`] = 1;
      constraints[`l${j}`] = { min: lo };
    }
    if (lp.colUpper[j]! < Infinity) {
      v[`u${j}`] = 1;
      constraints[`u${j}`] = { max: lp.colUpper[j]! };
    }
    variables[`c${j}`] = v;
  }
  const { starts, indices, values } = lp.matrix;
  for (let i = 0; i < lp.numRows; i++) {
    const lo = lp.rowLower[i]!;
    const up = lp.rowUpper[i]!;
    constraints[`r${i}`] = lo === up ? { equal: lo } : { ...(lo > -Infinity ? { min: lo } : {}), ...(up < Infinity ? { max: up } : {}) };
    for (let k = starts[i]!; k < starts[i + 1]!; k++) {
      const column = variables[`c${indices[k]!}`];
      if (column) column[`r${i}`] = values[k]!;
    }
  }
  return { optimize: OBJECTIVE_KEY, opType: 'min', constraints, variables, ...(Object.keys(unrestricted).length > 0 ? { unrestricted } : {}) };
}

function fromJslp(lp: LinearProgram, reduced: ReducedProgram, raw: JslpResult): SolveResult {
  if (!raw.feasible) return { status: 'infeasible', message: 'javascript-lp-solver: the model is infeasible' };
  if (raw.bounded === false || raw.result === null) return { status: 'unbounded', message: 'javascript-lp-solver: the model is unbounded' };
  // Zero-valued variables are left out of the answer.
  const values = new Float64Array(reduced.lp.numCols);
  for (let j = 0; j < values.length; j++) {
    const v = raw[`c${j}`];
    values[j] = typeof v === 'number' ? v : 0;
  }
  // Values come rounded to 1e-8 and can sit just outside their bounds; clamped, the
  // objective is never better than the optimum.
  const columnValues = reduced.expand(values);
  let objective = lp.offset;
  for (let j = 0; j < lp.numCols; j++) {
    columnValues[j] = Math.min(lp.colUpper[j]!, Math.max(lp.colLower[j]!, columnValues[j]!));
    objective += lp.colCost[j]! * columnValues[j]!;
  }
  return { status: 'optimal', objective, columnValues };
}

/** Largest row violation of a point, relative to max(1, |bound|). */
function maxViolation(lp: LinearProgram, x: Float64Array): number {
  let worst = 0;
  const { starts, indices, values } = lp.matrix;
  for (let i = 0; i < lp.numRows; i++) {
    let activity = 0;
    for (let k = starts[i]!; k < starts[i + 1]!; k++) activity += values[k]! * x[indices[k]!]!;
    const lo = lp.rowLower[i]!;
    const up = lp.rowUpper[i]!;
    if (activity < lo) worst = Math.max(worst, (lo - activity) / Math.max(1, Math.abs(lo)));
    if (activity > up) worst = Math.max(worst, (activity - up) / Math.max(1, Math.abs(up)));
  }
  return worst;
}

class JslpSession implements SolverSession {
  constructor(public program: LinearProgram, private readonly options: SolveOptions) {}

  async solve(): Promise<SolveResult> {
    const seconds = this.options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
    const start = performance.now();
    const reduced = substituteEqualities(this.program);
    const model = toJslpModel(reduced.lp);
    let raw = await solveJslp(model, seconds, this.options.isolate);
    if (raw === 'time-limit') return { status: 'time-limit', message: `javascript-lp-solver did not finish within ${seconds} s` };
    if (raw instanceof Error) return { status: 'error', message: `javascript-lp-solver failed: ${raw.message}` };
    if (!raw.feasible) {
      // Its cycle detection ends degenerate LPs (Beale's example) as "infeasible". The rows in
      // the other order take another pivot path; a feasible answer from it disproves the first.
      const retry = await solveJslp({ ...model, constraints: Object.fromEntries(Object.entries(model.constraints).reverse()) }, seconds, this.options.isolate);
      if (typeof retry === 'object' && !(retry instanceof Error) && retry.feasible) raw = retry;
    }
    const stats: SolveStats = { method: 'simplex', warm: false, ms: performance.now() - start };
    const result = fromJslp(this.program, reduced, raw);
    if (result.status === 'optimal') {
      const violation = maxViolation(this.program, result.columnValues);
      if (violation > 1e-6) return { status: 'error', message: `javascript-lp-solver returned a point that breaks a row by ${violation.toExponential(2)} (relative)`, stats };
    }
    return { ...result, stats };
  }

  // No engine state between solves: an edit changes the program, and every solve starts afresh.
  addRows(rows: readonly ExtraRow[]): number {
    const first = this.program.numRows;
    this.program = withRows(this.program, rows);
    return first;
  }

  addColumns(cols: ExtraColumns): number {
    const first = this.program.numCols;
    this.program = withColumns(this.program, cols);
    return first;
  }

  removeRowsFrom(first: number): void {
    this.program = withoutRowsFrom(this.program, first);
  }

  setObjective(cost: Float64Array, offset: number): void {
    this.program = withObjective(this.program, cost, offset);
  }

  setColumnBounds(indices: Int32Array, lower: Float64Array, upper: Float64Array): void {
    this.program = withBounds(this.program, 'col', indices, lower, upper);
  }

  setRowBounds(indices: Int32Array, lower: Float64Array, upper: Float64Array): void {
    this.program = withBounds(this.program, 'row', indices, lower, upper);
  }

  saveStart(): undefined {
    return undefined;
  }

  restoreStart(): void {}

  clearStart(): void {}

  dispose(): void {}
}

export const jslpAdapter: SolverAdapter = {
  name: 'jslp',
  description: 'javascript-lp-solver 1.0.3 (pure JavaScript, dense tableau) on the program with its equalities substituted: small models only, no duals',
  features: { duals: false, optimalFace: false, tieBreak: false, precision: 1e-6, maxSize: JSLP_MAX_SIZE },
  methods: ['auto'],
  async version() {
    const pkg = require('javascript-lp-solver/package.json') as { version: string };
    return `javascript-lp-solver ${pkg.version}`;
  },
  async open(lp: LinearProgram, options: SolveOptions): Promise<SolverSession> {
    return new JslpSession(lp, options);
  },
};
