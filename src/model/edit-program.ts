import { appended, type ExtraColumns, type LinearProgram } from './linear-program.js';

/**
 * Pure edits of a LinearProgram, the mirror of what a solver session does to the engine's copy
 * (solve/solver-adapter.ts): every edit returns a new program and leaves the old one intact.
 */

/** Copy of `lp` with columns appended (their entries go into existing rows). */
export function withColumns(lp: LinearProgram, cols: ExtraColumns): LinearProgram {
  // Entries per row of the new columns, then the CSR merged row by row.
  const extra = new Int32Array(lp.numRows);
  for (const i of cols.indices) extra[i]!++;
  const n = lp.matrix.indices.length + cols.indices.length;
  const starts = new Int32Array(lp.numRows + 1);
  for (let i = 0; i < lp.numRows; i++) starts[i + 1] = starts[i]! + (lp.matrix.starts[i + 1]! - lp.matrix.starts[i]!) + extra[i]!;
  const indices = new Int32Array(n);
  const values = new Float64Array(n);
  const fill = new Int32Array(lp.numRows);
  for (let i = 0; i < lp.numRows; i++) {
    const from = lp.matrix.starts[i]!;
    const length = lp.matrix.starts[i + 1]! - from;
    indices.set(lp.matrix.indices.subarray(from, from + length), starts[i]!);
    values.set(lp.matrix.values.subarray(from, from + length), starts[i]!);
    fill[i] = starts[i]! + length;
  }
  for (let k = 0; k < cols.count; k++) {
    for (let e = cols.starts[k]!; e < cols.starts[k + 1]!; e++) {
      const i = cols.indices[e]!;
      indices[fill[i]!] = lp.numCols + k;
      values[fill[i]!++] = cols.values[e]!;
    }
  }
  const first = lp.numCols;
  return {
    ...lp,
    numCols: lp.numCols + cols.count,
    colCost: appended(lp.colCost, cols.cost),
    colLower: appended(lp.colLower, cols.lower),
    colUpper: appended(lp.colUpper, cols.upper),
    matrix: { starts, indices, values },
    colName: (j) => (j >= first ? cols.name(j - first) : lp.colName(j)),
  };
}

/** Copy of `lp` without the rows from `first` on. */
export function withoutRowsFrom(lp: LinearProgram, first: number): LinearProgram {
  if (first >= lp.numRows) return lp;
  const end = lp.matrix.starts[first]!;
  return {
    ...lp,
    numRows: first,
    rowLower: lp.rowLower.slice(0, first),
    rowUpper: lp.rowUpper.slice(0, first),
    matrix: { starts: lp.matrix.starts.slice(0, first + 1), indices: lp.matrix.indices.slice(0, end), values: lp.matrix.values.slice(0, end) },
  };
}

/** Copy of `lp` with another objective. */
export function withObjective(lp: LinearProgram, cost: Float64Array, offset: number): LinearProgram {
  if (cost.length !== lp.numCols) throw new RangeError(`an objective needs ${lp.numCols} costs, got ${cost.length}`);
  return { ...lp, colCost: cost, offset };
}

/** Copy of `lp` with new bounds on some columns (`which` = 'col') or rows ('row'). */
export function withBounds(lp: LinearProgram, which: 'col' | 'row', indices: Int32Array, lower: Float64Array, upper: Float64Array): LinearProgram {
  const lo = (which === 'col' ? lp.colLower : lp.rowLower).slice();
  const up = (which === 'col' ? lp.colUpper : lp.rowUpper).slice();
  indices.forEach((j, k) => {
    lo[j] = lower[k]!;
    up[j] = upper[k]!;
  });
  return which === 'col' ? { ...lp, colLower: lo, colUpper: up } : { ...lp, rowLower: lo, rowUpper: up };
}
