import type { LinearProgram } from '../model/linear-program.js';
import { loadRuntime } from './highs-adapter.js';
import { toNative } from './highs-program.js';

/**
 * Writes the program as CPLEX LP or free MPS text with readable names, through HiGHS's
 * own writer, so that any other solver can re-solve exactly what rampup solved.
 */
export async function exportModel(lp: LinearProgram, format: 'lp' | 'mps'): Promise<string> {
  const highs = await loadRuntime(lp.numCols);
  const model = highs.createModel({
    ...toNative(lp, highs),
    colNames: uniqueNames(lp.numCols, (j) => lp.colName(j)),
    rowNames: uniqueNames(lp.numRows, (i) => lp.rowName(i)),
    modelName: 'rampup',
  });
  try {
    const out = format === 'lp' ? model.exportModel('lp') : model.exportModel('mps');
    return typeof out === 'string' ? out : new TextDecoder().decode(out);
  } finally {
    model.dispose();
  }
}

/** Names made from data can collide after sanitising ("A B" and "A_B"); suffix the repeats. */
function uniqueNames(count: number, name: (i: number) => string): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = name(i);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.push(n === 0 ? base : `${base}_${n + 1}`);
  }
  return out;
}
