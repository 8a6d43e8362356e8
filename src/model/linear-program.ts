/**
 * A solver-neutral linear program: minimise cost . x + offset subject to
 * rowLower <= A x <= rowUpper and colLower <= x <= colUpper, A stored row-wise (CSR).
 * Names are made on demand from the column and row descriptors (see names.ts), so large
 * models do not carry strings they never print.
 */
export interface LinearProgram {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly offset: number;
  readonly matrix: {
    readonly starts: Int32Array;
    readonly indices: Int32Array;
    readonly values: Float64Array;
  };
  /** Readable, unique, LP-file-safe name of column j. */
  colName(j: number): string;
  /** Readable, unique, LP-file-safe name of row i. */
  rowName(i: number): string;
}

/** An extra row for a follow-up solve, e.g. the shortfall bound of the second stage. */
export interface ExtraRow {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/**
 * Extra columns for a follow-up solve (e.g. top-up money for the unlimited-money re-solve),
 * stored column-wise: column k has entries `values[starts[k] .. starts[k + 1])` in rows `indices[...]`.
 */
export interface ExtraColumns {
  readonly count: number;
  readonly cost: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /** Readable name of the k-th new column. */
  name(k: number): string;
}

class GrowableF64 {
  data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

class GrowableI32 {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Builds a LinearProgram straight into typed arrays: no per-variable objects, so a
 * 300,000-column model costs milliseconds to assemble.
 */
export class LinearProgramBuilder {
  private readonly cost = new GrowableF64();
  private readonly colLo = new GrowableF64();
  private readonly colUp = new GrowableF64();
  private readonly rowLo = new GrowableF64();
  private readonly rowUp = new GrowableF64();
  private readonly starts = new GrowableI32();
  private readonly indices = new GrowableI32();
  private readonly values = new GrowableF64();
  /** Descriptor of each column/row: a kind and up to two integer keys, for naming. */
  readonly colKind = new GrowableI32();
  readonly colKeyA = new GrowableI32();
  readonly colKeyB = new GrowableI32();
  readonly rowKind = new GrowableI32();
  readonly rowKeyA = new GrowableI32();
  readonly rowKeyB = new GrowableI32();

  constructor() {
    this.starts.push(0);
  }

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLo.length;
  }

  addColumn(kind: number, a: number, b: number, lower: number, upper: number, cost = 0): number {
    this.cost.push(cost);
    this.colLo.push(lower);
    this.colUp.push(upper);
    this.colKind.push(kind);
    this.colKeyA.push(a);
    this.colKeyB.push(b);
    return this.cost.length - 1;
  }

  /** Starts a row; add its entries with `entry`, in any column order, without repeats. */
  beginRow(kind: number, a: number, b: number, lower: number, upper: number): number {
    this.rowLo.push(lower);
    this.rowUp.push(upper);
    this.rowKind.push(kind);
    this.rowKeyA.push(a);
    this.rowKeyB.push(b);
    this.starts.push(this.indices.length);
    return this.rowLo.length - 1;
  }

  entry(column: number, value: number): void {
    if (value === 0) return;
    this.indices.push(column);
    this.values.push(value);
    this.starts.data[this.starts.length - 1] = this.indices.length;
  }

  build(offset: number, colName: (j: number) => string, rowName: (i: number) => string): LinearProgram {
    return {
      numCols: this.numCols,
      numRows: this.numRows,
      colCost: this.cost.done(),
      colLower: this.colLo.done(),
      colUpper: this.colUp.done(),
      rowLower: this.rowLo.done(),
      rowUpper: this.rowUp.done(),
      offset,
      matrix: { starts: this.starts.done(), indices: this.indices.done(), values: this.values.done() },
      colName,
      rowName,
    };
  }
}

/** Copy of `lp` with one more row and, optionally, another objective. */
export function withExtraRow(lp: LinearProgram, row: ExtraRow, cost?: Float64Array, offset = lp.offset): LinearProgram {
  const out = withRows(lp, [row]);
  return cost === undefined && offset === lp.offset ? out : { ...out, colCost: cost ?? lp.colCost, offset };
}

/** Copy of `lp` with rows appended. */
export function withRows(lp: LinearProgram, rows: readonly ExtraRow[]): LinearProgram {
  const n = lp.matrix.indices.length;
  const added = rows.reduce((a, r) => a + r.indices.length, 0);
  const indices = new Int32Array(n + added);
  const values = new Float64Array(n + added);
  indices.set(lp.matrix.indices);
  values.set(lp.matrix.values);
  const starts = new Int32Array(lp.numRows + rows.length + 1);
  starts.set(lp.matrix.starts);
  let at = n;
  rows.forEach((row, k) => {
    indices.set(row.indices, at);
    values.set(row.values, at);
    at += row.indices.length;
    starts[lp.numRows + k + 1] = at;
  });
  const first = lp.numRows;
  return {
    ...lp,
    numRows: lp.numRows + rows.length,
    rowLower: appended(lp.rowLower, rows.map((r) => r.lower)),
    rowUpper: appended(lp.rowUpper, rows.map((r) => r.upper)),
    matrix: { starts, indices, values },
    rowName: (i) => (i >= first ? rows[i - first]!.name : lp.rowName(i)),
  };
}

/** `a` followed by `more`, as a new array. */
export function appended(a: Float64Array, more: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length + more.length);
  out.set(a);
  out.set(more, a.length);
  return out;
}
