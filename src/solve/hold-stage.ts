import type { ExtraRow } from '../model/linear-program.js';
import type { SolveResult, SolverSession } from './solver-adapter.js';

type Optimal = Extract<SolveResult, { status: 'optimal' }>;

/** Sets some column and row bounds in the session and returns what sets them back. */
export function holdBounds(
  session: SolverSession,
  columns: { indices: Int32Array; lower: Float64Array; upper: Float64Array },
  rows: { indices: Int32Array; lower: Float64Array; upper: Float64Array },
): () => void {
  const { program } = session;
  const columnsWere = { lower: Float64Array.from(columns.indices, (j) => program.colLower[j]!), upper: Float64Array.from(columns.indices, (j) => program.colUpper[j]!) };
  const rowsWere = { lower: Float64Array.from(rows.indices, (i) => program.rowLower[i]!), upper: Float64Array.from(rows.indices, (i) => program.rowUpper[i]!) };
  session.setColumnBounds(columns.indices, columns.lower, columns.upper);
  session.setRowBounds(rows.indices, rows.lower, rows.upper);
  return () => {
    session.setColumnBounds(columns.indices, columnsWere.lower, columnsWere.upper);
    session.setRowBounds(rows.indices, rowsWere.lower, rowsWere.upper);
  };
}

/**
 * Holds later solves to the last solve's optimal face (SolverSession.optimalFace): every optimum
 * of that objective, and only those (model.md, "Holding earlier stages"). Undefined where the
 * engine cannot say its face.
 */
export function holdFace(session: SolverSession): (() => void) | undefined {
  const face = session.optimalFace?.();
  return face ? holdBounds(session, face.columns, face.rows) : undefined;
}

/**
 * Holds an objective at its optimum with a row, `cost . x <= optimum + slack` (for engines that
 * cannot say their face); the row is the session's last and goes with removeRowsFrom.
 */
export function holdRow(session: SolverSession, name: string, cost: Float64Array, offset: number, optimum: Optimal, slack: number): void {
  const indices: number[] = [];
  for (let j = 0; j < cost.length; j++) if (cost[j] !== 0) indices.push(j);
  const row: ExtraRow = { name, lower: -Infinity, upper: optimum.objective - offset + slack, indices: Int32Array.from(indices), values: Float64Array.from(indices, (j) => cost[j]!) };
  session.addRows([row]);
}
