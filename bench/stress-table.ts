/**
 * The stress set's tables for bench-results/latest.md: the knobs of every shape, and per run
 * the size of the LP and, per solve, the method, the iterations, whether the interior point
 * gave up and HiGHS fell back to the simplex, and the time.
 */
import type { BenchRun } from './bench-one.js';
import type { StressShape } from './stress-set.js';

/** One run of a stress shape as run-benchmarks collects it. */
export interface StressResult {
  readonly shape: StressShape;
  readonly wallMs: number | undefined;
  readonly run: BenchRun | undefined;
  readonly note?: string;
}

const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
const count = (n: number | undefined) => (n === undefined ? '-' : n.toLocaleString('en-GB'));
const secs = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);

/** The solves of a plan, in order, with the names the manifest gives them. */
const SOLVES = [
  ['solveStage1', 'plan 1'],
  ['solveStage2', 'plan 2'],
  ['closeGapsStage1', 'close 1'],
  ['closeGapsStage2', 'close 2'],
] as const;

/** The knobs of every shape (the stress set is listed, not just seeded). */
export function renderStressKnobs(shapes: readonly StressShape[]): string {
  const keys = Object.keys(shapes[0]!.knobs).filter((k) => !['countries', 'systems', 'months'].includes(k));
  return [
    row(['shape', 'C x S x T', ...keys]),
    row(['---', '---', ...keys.map(() => '---:')]),
    ...shapes.map((s) => {
      const k = s.knobs as unknown as Record<string, unknown>;
      return row([s.name, `${s.knobs.countries} x ${s.knobs.systems} x ${s.knobs.months}`, ...keys.map((key) => String(k[key]))]);
    }),
  ].join('\n');
}

/** Per run: LP size; per solve: method (w = warm), IPM iterations, fallback, simplex iterations, time. */
export function renderStressRuns(results: readonly StressResult[]): string {
  const header = ['shape', 'lines', 'columns', 'rows', 'nonzeros'];
  for (const [, label] of SOLVES) header.push(`${label}: method`, 'IPM it.', 'stall', 'simplex it.', 'time');
  header.push('wall', 'peak RSS', 'status');
  const lines = [row(header), row(header.map((h, i) => (i === 0 || h.endsWith('method') || h === 'stall' || h === 'status' ? '---' : '---:')))];
  for (const r of results) {
    const cells: string[] = [r.shape.name, count(r.run?.data?.lines), count(r.run?.model?.variables), count(r.run?.model?.constraints), count(r.run?.model?.nonzeros)];
    for (const [key] of SOLVES) {
      const s = r.run?.solveStats?.[key];
      const ms = r.run?.timingsMs[key];
      cells.push(s ? `${s.method}${s.warm ? ' (w)' : ''}` : '-', count(s?.ipmIterations || undefined), s?.ipmFallback ? '**yes**' : s ? 'no' : '-', count(s?.simplexIterations), secs(ms));
    }
    cells.push(secs(r.wallMs), r.run ? `${r.run.peakRssMiB} MiB` : '-', r.run?.status ?? r.note ?? 'no result');
    lines.push(row(cells));
  }
  return lines.join('\n');
}

/** The targets of issue 18 that the stress set measures: stalls, and XL wall times (max and median). */
export function summarizeStress(results: readonly StressResult[]): string {
  const stalls = results.filter((r) => Object.values(r.run?.solveStats ?? {}).some((s) => s.ipmFallback));
  const failed = results.filter((r) => r.run?.status !== 'optimal');
  const xl = results.filter((r) => r.shape.size === 'XL' && r.wallMs !== undefined).map((r) => r.wallMs!).sort((a, b) => a - b);
  const median = xl.length === 0 ? undefined : xl.length % 2 === 1 ? xl[(xl.length - 1) / 2]! : (xl[xl.length / 2 - 1]! + xl[xl.length / 2]!) / 2;
  return [
    `${results.length} runs; interior point fell back to the simplex in ${stalls.length}${stalls.length > 0 ? ` (${stalls.map((r) => r.shape.name).join(', ')})` : ''};`,
    `${failed.length} without a plan${failed.length > 0 ? ` (${failed.map((r) => r.shape.name).join(', ')})` : ''}.`,
    xl.length > 0 ? `XL wall: median ${secs(median)}, slowest ${secs(xl.at(-1))} (targets: median under 8 s, every shape under 12 s).` : '',
  ].join(' ');
}
