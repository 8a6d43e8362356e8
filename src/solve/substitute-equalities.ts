import type { LinearProgram } from '../model/linear-program.js';

/**
 * The same program with its equality rows eliminated by substitution, and the way back to
 * the original columns. jsLPSolver's phase 1 (leaving row: most negative right-hand side,
 * no ratio test) cycles on the many zero right-hand-side equalities of the state form; with
 * them substituted away it finished every instance tried (45 of 45, up to 8 x 8 x 10), where
 * the model as built finished 4 of 10 at 7 x 7 x 8.
 */
export interface ReducedProgram {
  readonly lp: LinearProgram;
  /** Values of the original columns from values of the reduced program's columns. */
  expand(reduced: Float64Array): Float64Array;
}

interface Step {
  /** The column eliminated. */
  readonly column: number;
  readonly pivot: number;
  readonly rhs: number;
  /** The row's other entries when the column was eliminated (original column indices). */
  readonly others: readonly [number, number][];
}

/** The program as sparse rows while columns are eliminated. */
interface Elimination {
  readonly lp: LinearProgram;
  readonly rows: Map<number, number>[];
  readonly rowLower: number[];
  readonly rowUpper: number[];
  readonly cost: number[];
  offset: number;
  /** [column] the rows it has an entry in. */
  readonly rowsOf: Set<number>[];
  readonly removedColumn: Uint8Array;
  readonly removedRow: Uint8Array;
  readonly steps: Step[];
}

/** Gaussian elimination on sparse rows: each equality row removes one column and becomes a range row on the others. */
export function substituteEqualities(lp: LinearProgram): ReducedProgram {
  const e = sparseRows(lp);
  for (let i = 0; i < lp.numRows; i++) {
    const row = e.rows[i]!;
    if (e.rowLower[i] !== e.rowUpper[i] || row.size === 0) continue;
    const p = pivotOf(e, row);
    if (p >= 0) eliminate(e, i, p);
  }
  return reducedProgram(e);
}

function sparseRows(lp: LinearProgram): Elimination {
  const rows: Map<number, number>[] = [];
  const rowsOf: Set<number>[] = Array.from({ length: lp.numCols }, () => new Set<number>());
  const { starts, indices, values } = lp.matrix;
  for (let i = 0; i < lp.numRows; i++) {
    const row = new Map<number, number>();
    for (let k = starts[i]!; k < starts[i + 1]!; k++) {
      row.set(indices[k]!, values[k]!);
      rowsOf[indices[k]!]!.add(i);
    }
    rows.push(row);
  }
  return {
    lp,
    rows,
    rowLower: Array.from(lp.rowLower),
    rowUpper: Array.from(lp.rowUpper),
    cost: Array.from(lp.colCost),
    offset: lp.offset,
    rowsOf,
    removedColumn: new Uint8Array(lp.numCols),
    removedRow: new Uint8Array(lp.numRows),
    steps: [],
  };
}

/** The column to eliminate with an equality row: in few other rows (little fill-in), with a coefficient that is not tiny; -1 if none. */
function pivotOf(e: Elimination, row: ReadonlyMap<number, number>): number {
  let largest = 0;
  for (const a of row.values()) largest = Math.max(largest, Math.abs(a));
  let pivot = -1;
  let best = Infinity;
  for (const [j, a] of row) {
    if (Math.abs(a) < 0.1 * largest) continue;
    const score = e.rowsOf[j]!.size * 10 + (e.cost[j] !== 0 ? 5 : 0);
    if (score < best) (best = score), (pivot = j);
  }
  return pivot;
}

/** x_p = (b - sum_{k != p} a_k x_k) / a_p, put into every other row and the objective; the row becomes a range on the rest. */
function eliminate(e: Elimination, i: number, p: number): void {
  const row = e.rows[i]!;
  const ap = row.get(p)!;
  const b = e.rowLower[i]!;
  for (const k of [...e.rowsOf[p]!]) {
    if (k === i) continue;
    const other = e.rows[k]!;
    const factor = other.get(p)! / ap;
    other.delete(p);
    for (const [j, a] of row) {
      if (j === p) continue;
      const next = (other.get(j) ?? 0) - factor * a;
      if (Math.abs(next) < 1e-12) {
        other.delete(j);
        e.rowsOf[j]!.delete(k);
      } else {
        other.set(j, next);
        e.rowsOf[j]!.add(k);
      }
    }
    e.rowLower[k] = e.rowLower[k]! - factor * b;
    e.rowUpper[k] = e.rowUpper[k]! - factor * b;
  }
  const cp = e.cost[p]!;
  if (cp !== 0) {
    e.offset += (cp * b) / ap;
    for (const [j, a] of row) if (j !== p) e.cost[j] = e.cost[j]! - (cp * a) / ap;
    e.cost[p] = 0;
  }
  e.steps.push({ column: p, pivot: ap, rhs: b, others: [...row].filter(([j]) => j !== p) });
  // The bounds of x_p become a range on the rest of the row: lo <= (b - s) / a_p <= up.
  const lo = e.lp.colLower[p]!;
  const up = e.lp.colUpper[p]!;
  row.delete(p);
  e.rowLower[i] = ap > 0 ? b - ap * up : b - ap * lo;
  e.rowUpper[i] = ap > 0 ? b - ap * lo : b - ap * up;
  for (const j of row.keys()) e.rowsOf[j]!.add(i);
  e.rowsOf[p]!.clear();
  e.removedColumn[p] = 1;
  if (row.size === 0) e.removedRow[i] = 1;
}

/** The columns and rows left, as a program, and the way back to every original column. */
function reducedProgram(e: Elimination): ReducedProgram {
  const { lp, rows, steps } = e;
  const keptColumns: number[] = [];
  const newIndex = new Int32Array(lp.numCols).fill(-1);
  for (let j = 0; j < lp.numCols; j++) if (!e.removedColumn[j]) newIndex[j] = keptColumns.push(j) - 1;
  const keptRows: number[] = [];
  for (let i = 0; i < lp.numRows; i++) if (!e.removedRow[i]) keptRows.push(i);
  const outStarts = new Int32Array(keptRows.length + 1);
  const outIndices: number[] = [];
  const outValues: number[] = [];
  keptRows.forEach((i, r) => {
    for (const [j, a] of [...rows[i]!].sort((x, y) => x[0] - y[0])) {
      outIndices.push(newIndex[j]!);
      outValues.push(a);
    }
    outStarts[r + 1] = outIndices.length;
  });
  const reduced: LinearProgram = {
    numCols: keptColumns.length,
    numRows: keptRows.length,
    colCost: Float64Array.from(keptColumns, (j) => e.cost[j]!),
    colLower: Float64Array.from(keptColumns, (j) => lp.colLower[j]!),
    colUpper: Float64Array.from(keptColumns, (j) => lp.colUpper[j]!),
    rowLower: Float64Array.from(keptRows, (i) => e.rowLower[i]!),
    rowUpper: Float64Array.from(keptRows, (i) => e.rowUpper[i]!),
    offset: e.offset,
    matrix: { starts: outStarts, indices: Int32Array.from(outIndices), values: Float64Array.from(outValues) },
    colName: (j) => lp.colName(keptColumns[j]!),
    rowName: (r) => lp.rowName(keptRows[r]!),
  };
  return {
    lp: reduced,
    expand(x: Float64Array): Float64Array {
      const full = new Float64Array(lp.numCols);
      keptColumns.forEach((j, r) => (full[j] = x[r]!));
      // Later eliminations only use columns still present then, so undo them in reverse.
      for (let s = steps.length - 1; s >= 0; s--) {
        const step = steps[s]!;
        let rest = 0;
        for (const [j, a] of step.others) rest += a * full[j]!;
        full[step.column] = (step.rhs - rest) / step.pivot;
      }
      return full;
    },
  };
}
