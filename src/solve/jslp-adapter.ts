import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { withExtraRow, type ExtraRow, type LinearProgram } from '../model/linear-program.js';
import type { SolveOptions, SolveResult, SolverAdapter, SolverSession } from './solver-adapter.js';

const require = createRequire(import.meta.url);

/**
 * javascript-lp-solver keeps a dense tableau of (rows + bounds + equalities) x columns, and
 * its run time grows steeply: about 5 s at 1,000 columns here. Larger models are refused
 * with advice rather than left to run for minutes.
 */
export const JSLP_MAX_SIZE = 3_000;
const DEFAULT_TIME_LIMIT_SECONDS = 120;
const OBJECTIVE_KEY = '__objective';

interface JslpModel {
  optimize: string;
  opType: 'min';
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
}

/**
 * Converts the neutral LP to jsLPSolver's object-of-objects form. Names are short indices
 * (`c12`, `r3`) so they cannot collide with the result's own keys (`feasible`, `result`).
 */
export function toJslpModel(lp: LinearProgram): JslpModel {
  const variables: Record<string, Record<string, number>> = {};
  const constraints: JslpModel['constraints'] = {};
  for (let j = 0; j < lp.numCols; j++) {
    const v: Record<string, number> = {};
    if (lp.colCost[j] !== 0) v[OBJECTIVE_KEY] = lp.colCost[j]!;
    // jsLPSolver has no variable bounds: each becomes a one-entry row.
    if (lp.colLower[j]! > 0) {
      v[`l${j}`] = 1;
      constraints[`l${j}`] = { min: lp.colLower[j]! };
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
    for (let k = starts[i]!; k < starts[i + 1]!; k++) variables[`c${indices[k]!}`]![`r${i}`] = values[k]!;
  }
  return { optimize: OBJECTIVE_KEY, opType: 'min', constraints, variables };
}

interface JslpResult {
  feasible: boolean;
  bounded?: boolean;
  result: number | null;
  [key: string]: unknown;
}

function fromJslp(lp: LinearProgram, raw: JslpResult): SolveResult {
  if (!raw.feasible) return { status: 'infeasible', message: 'javascript-lp-solver: the model is infeasible' };
  if (raw.bounded === false || raw.result === null) return { status: 'unbounded', message: 'javascript-lp-solver: the model is unbounded' };
  // Zero-valued variables are left out of the answer.
  const columnValues = new Float64Array(lp.numCols);
  let objective = lp.offset;
  for (let j = 0; j < lp.numCols; j++) {
    const v = raw[`c${j}`];
    columnValues[j] = typeof v === 'number' ? v : 0;
    objective += lp.colCost[j]! * columnValues[j]!;
  }
  return { status: 'optimal', objective, columnValues };
}

/** Runs the solver in a worker so that a simplex that cycles can be stopped at the time limit. */
function solveInWorker(model: JslpModel, seconds: number): Promise<JslpResult | 'time-limit' | Error> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const solver = require(workerData.modulePath);
    parentPort.postMessage(JSON.parse(JSON.stringify(solver.Solve(workerData.model))));
  `;
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, workerData: { model, modulePath: require.resolve('javascript-lp-solver') } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve('time-limit');
    }, seconds * 1000);
    worker.once('message', (result: JslpResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve(error);
    });
  });
}

class JslpSession implements SolverSession {
  constructor(private lp: LinearProgram, private readonly options: SolveOptions) {}

  async solve(): Promise<SolveResult> {
    const seconds = this.options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
    const raw = await solveInWorker(toJslpModel(this.lp), seconds);
    if (raw === 'time-limit') return { status: 'time-limit', message: `javascript-lp-solver did not finish within ${seconds} s` };
    if (raw instanceof Error) return { status: 'error', message: `javascript-lp-solver failed: ${raw.message}` };
    return fromJslp(this.lp, raw);
  }

  addRowAndSetObjective(row: ExtraRow, cost: Float64Array, offset: number): void {
    this.lp = withExtraRow(this.lp, row, cost, offset);
  }

  dispose(): void {}
}

export const jslpAdapter: SolverAdapter = {
  name: 'jslp',
  description: 'javascript-lp-solver 0.4.24 (pure JavaScript, dense tableau): small models only, no duals',
  features: { duals: false, warmStart: false, maxSize: JSLP_MAX_SIZE },
  async version() {
    const pkg = require('javascript-lp-solver/package.json') as { version: string };
    return `javascript-lp-solver ${pkg.version}`;
  },
  async open(lp: LinearProgram, options: SolveOptions): Promise<SolverSession> {
    return new JslpSession(lp, options);
  },
};
