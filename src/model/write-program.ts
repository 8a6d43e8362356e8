import type { LinearProgram } from './linear-program.js';

/**
 * The program as CPLEX LP or free MPS text with readable names, written here rather than by an
 * engine, so that any solver can re-solve exactly what rampup solved: every number is written
 * in the shortest form that reads back to the same double (an engine's writer rounds to 15
 * digits, and on some programs one unit in the last place changes the interior point's path).
 */
export function writeProgram(lp: LinearProgram, format: 'lp' | 'mps'): string {
  const names = { col: uniqueNames(lp.numCols, (j) => lp.colName(j)), row: uniqueNames(lp.numRows, (i) => lp.rowName(i)) };
  return format === 'lp' ? writeLp(lp, names) : writeMps(lp, names);
}

interface Names {
  readonly col: readonly string[];
  readonly row: readonly string[];
}

/** Infinite bounds as LP and MPS readers take them. */
const INFINITE = 1e30;

const num = (v: number) => (v === Infinity ? String(INFINITE) : v === -Infinity ? String(-INFINITE) : String(v));
const signed = (v: number) => (v < 0 ? `-${num(-v)}` : `+${num(v)}`);

function writeLp(lp: LinearProgram, names: Names): string {
  const out: string[] = ['\\ rampup: the program as solved', 'min'];
  const objective: string[] = [];
  for (let j = 0; j < lp.numCols; j++) if (lp.colCost[j] !== 0) objective.push(`${signed(lp.colCost[j]!)} ${names.col[j]}`);
  out.push(` obj: ${[...objective, ...(lp.offset !== 0 ? [signed(lp.offset)] : [])].join(' ') || '0'}`, 'st');
  const { starts, indices, values } = lp.matrix;
  const used = new Uint8Array(lp.numCols);
  for (let i = 0; i < lp.numRows; i++) {
    const terms: string[] = [];
    for (let e = starts[i]!; e < starts[i + 1]!; e++) {
      used[indices[e]!] = 1;
      terms.push(`${signed(values[e]!)} ${names.col[indices[e]!]}`);
    }
    const expr = terms.join(' ') || `0 ${names.col[0] ?? ''}`;
    const lo = lp.rowLower[i]!;
    const up = lp.rowUpper[i]!;
    const sense = lo === up ? `${expr} = ${signed(up)}` : lo === -Infinity ? `${expr} <= ${signed(up)}` : up === Infinity ? `${expr} >= ${signed(lo)}` : `${signed(lo)} <= ${expr} <= ${signed(up)}`;
    out.push(` ${names.row[i]}: ${sense}`);
  }
  out.push('bounds');
  for (let j = 0; j < lp.numCols; j++) {
    const lo = lp.colLower[j]!;
    const up = lp.colUpper[j]!;
    const name = names.col[j];
    if (lo === up) out.push(` ${name} = ${num(up)}`);
    else if (lo === -Infinity && up === Infinity) out.push(` ${name} free`);
    else if (lo !== 0 && up !== Infinity) out.push(` ${num(lo)} <= ${name} <= ${num(up)}`);
    else if (lo !== 0) out.push(` ${num(lo)} <= ${name}`);
    else if (up !== Infinity) out.push(` ${name} <= ${num(up)}`);
    // A column in no row keeps its place in the program.
    else if (!used[j] && lp.colCost[j] === 0) out.push(` ${name} >= 0`);
  }
  out.push('end', '');
  return out.join('\n');
}

function writeMps(lp: LinearProgram, names: Names): string {
  const out: string[] = ['NAME rampup', 'ROWS', ' N obj'];
  const sense = (i: number) => {
    const lo = lp.rowLower[i]!;
    const up = lp.rowUpper[i]!;
    return lo === up ? 'E' : lo === -Infinity && up === Infinity ? 'N' : lo === -Infinity ? 'L' : 'G';
  };
  for (let i = 0; i < lp.numRows; i++) out.push(` ${sense(i)} ${names.row[i]}`);
  out.push('COLUMNS');
  for (const [j, entries] of columnEntries(lp).entries()) {
    if (lp.colCost[j] !== 0) out.push(`    ${names.col[j]} obj ${num(lp.colCost[j]!)}`);
    for (const [i, v] of entries) out.push(`    ${names.col[j]} ${names.row[i]} ${num(v)}`);
    if (lp.colCost[j] === 0 && entries.length === 0) out.push(`    ${names.col[j]} obj 0`);
  }
  out.push('RHS');
  if (lp.offset !== 0) out.push(`    RHS obj ${num(-lp.offset)}`);
  for (let i = 0; i < lp.numRows; i++) {
    const s = sense(i);
    const rhs = s === 'G' ? lp.rowLower[i]! : s === 'N' ? 0 : lp.rowUpper[i]!;
    if (rhs !== 0) out.push(`    RHS ${names.row[i]} ${num(rhs)}`);
  }
  const ranges: string[] = [];
  for (let i = 0; i < lp.numRows; i++) {
    const lo = lp.rowLower[i]!;
    const up = lp.rowUpper[i]!;
    if (lo !== up && lo > -Infinity && up < Infinity) ranges.push(`    RNG ${names.row[i]} ${num(up - lo)}`);
  }
  if (ranges.length > 0) out.push('RANGES', ...ranges);
  out.push('BOUNDS');
  for (let j = 0; j < lp.numCols; j++) {
    const lo = lp.colLower[j]!;
    const up = lp.colUpper[j]!;
    const name = names.col[j];
    if (lo === up) out.push(` FX BND ${name} ${num(lo)}`);
    else if (lo === -Infinity && up === Infinity) out.push(` FR BND ${name}`);
    else {
      if (lo === -Infinity) out.push(` MI BND ${name}`);
      else if (lo !== 0) out.push(` LO BND ${name} ${num(lo)}`);
      if (up !== Infinity) out.push(` UP BND ${name} ${num(up)}`);
    }
  }
  out.push('ENDATA', '');
  return out.join('\n');
}

/** [column] its (row, value) entries, in row order: MPS lists the matrix by column. */
function columnEntries(lp: LinearProgram): [number, number][][] {
  const out: [number, number][][] = Array.from({ length: lp.numCols }, () => []);
  const { starts, indices, values } = lp.matrix;
  for (let i = 0; i < lp.numRows; i++) for (let e = starts[i]!; e < starts[i + 1]!; e++) out[indices[e]!]!.push([i, values[e]!]);
  return out;
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
