import { humanEuros, humanUnits } from '../base/format-number.js';
import { RUN_COMPARISON_FILES, changeEuros, changeUnits, promiseText } from '../render/render-run-comparison.js';
import type { RunComparison } from '../results/compare-runs.js';

/** Columns padded to their widest cell; the first left-aligned, the others right-aligned. */
function columns(rows: readonly (readonly string[])[], indent: string): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `${indent}${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`.trimEnd());
}

/** The terminal's answer of `rampup compare` (and `plan --against`): delivered per system and year, the promises, the money that moved. */
export function printRunComparison(c: RunComparison, target: string, notes: readonly string[], json: boolean, out: (text: string) => void): void {
  if (json) {
    out(JSON.stringify({ ...c, out: target }, null, 2));
    return;
  }
  out(`rampup: B = ${c.b} against A = ${c.a} (every change is B - A)`);
  let previous = '';
  const years = c.years.map((y) => {
    const label = y.name;
    const first = label !== previous;
    previous = label;
    const need = y.needA === y.needB ? humanUnits(y.needB) : `${humanUnits(y.needA)} / ${humanUnits(y.needB)}`;
    return [first ? label : '', String(y.year), need, humanUnits(y.deliveredA), humanUnits(y.deliveredB), changeUnits(y.deliveredB - y.deliveredA)];
  });
  for (const line of columns([['delivered, every recipient', 'year', 'need', 'A', 'B', 'B - A'], ...years], '  ')) out(line);
  if (c.promises.length > 0) {
    const rows = c.promises.map((p) => [p.name, promiseText(p.promiseA), promiseText(p.promiseB), pointsText(p.promiseA, p.promiseB)]);
    for (const line of columns([[`what can be promised, every month from ${c.from} on`, 'A', 'B', 'B - A'], ...rows], '  ')) out(line);
  } else out(`  no promises to compare: neither run has promises.csv (rampup guarantees --from ${c.from} writes it)`);
  for (const note of notes) out(`  ${note}`);
  const moved = c.money.filter((m) => Math.round(m.paidB - m.paidA) !== 0).slice(0, 5);
  if (moved.length > 0) {
    const rows = moved.map((m) => [m.key, humanEuros(m.paidA), humanEuros(m.paidB), changeEuros(m.paidB - m.paidA)]);
    for (const line of columns([['the money that moved most (by channel, or group)', 'A', 'B', 'B - A'], ...rows], '  ')) out(line);
  } else out('  no money moved from one channel to another');
  if (c.largestInB) out(`  in B, the most money goes through ${c.largestInB.key} (${humanEuros(c.largestInB.paidEur)})`);
  out(`  comparison: ${target}/ (${RUN_COMPARISON_FILES.join(', ')})`);
}

/** A promise's change in percentage points, or nothing when a side has none. */
function pointsText(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined) return '';
  const d = Math.round(10 * (b - a)) / 10;
  return d === 0 ? '0.0 points' : `${d > 0 ? '+' : ''}${d.toFixed(1)} points`;
}
