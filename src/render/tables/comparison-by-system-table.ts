import type { SystemSummary } from '../../results/plan.js';
import { humanPercent, markdownTable, percent, quantity, units } from '../../base/format-number.js';
import { htmlTable } from '../html/html-kit.js';
import type { Table } from '../report-table.js';
import { uniqueLabels } from '../charts/chart-data.js';

/** One solved run's systems, for comparison_by_system.csv. */
export interface RunSystems {
  readonly run: number;
  readonly label: string;
  readonly sweepValue?: number | undefined;
  readonly systems: readonly SystemSummary[];
}

/**
 * comparison_by_system.csv: one row per run and system (runs without a plan have none), so that
 * a system can be followed across scenarios. `run` lets shards be merged back, as comparison.csv.
 */
export function comparisonBySystemTable(runs: readonly RunSystems[], sweepKey?: string): Table {
  const header = ['run', 'scenario', ...(sweepKey ? [sweepKey] : []), 'system', 'name', 'category', 'unit', 'need', 'delivered', 'shortfall', 'fill_rate_pct', 'weighted_shortfall', 'months_short', 'main_cause', 'first_month_met'];
  const rows = runs.flatMap((r) =>
    r.systems.map((s) => [
      String(r.run),
      r.label,
      ...(sweepKey ? [r.sweepValue !== undefined ? String(r.sweepValue) : ''] : []),
      s.system,
      s.name,
      s.category,
      s.unit,
      units(s.need),
      units(s.delivered),
      units(s.shortfall),
      percent(100 * s.fillRate),
      quantity(s.weightedShortfall),
      String(s.monthsShort),
      s.mainCause ?? '',
      s.firstMonthMet ?? '',
    ]),
  );
  return { header, rows };
}

/** Fill rate per system and run, from the table (as merged shards give it): systems down, runs across. */
interface Matrix {
  readonly runs: readonly string[];
  readonly systems: readonly string[];
  readonly cell: (system: string, run: string) => string;
}

function matrix(table: Table): Matrix {
  const col = (name: string) => table.header.indexOf(name);
  const runs: string[] = [];
  const names = new Map<string, string>();
  const fill = new Map<string, string>();
  for (const row of table.rows) {
    const run = row[col('scenario')]!;
    const system = row[col('system')]!;
    if (!runs.includes(run)) runs.push(run);
    if (!names.has(system)) names.set(system, row[col('name')]!);
    fill.set(`${system}\u0000${run}`, humanPercent(Number(row[col('fill_rate_pct')]) / 100));
  }
  const labels = new Map(uniqueLabels([...names].map(([code, label]) => ({ code, label }))).map((label, i) => [label, [...names.keys()][i]!]));
  return { runs, systems: [...labels.keys()], cell: (label, run) => fill.get(`${labels.get(label)}\u0000${run}`) ?? '' };
}

/** Beyond this many runs the matrix turns: runs down, systems across. */
const WIDE = 8;

/** "Fill rate by system" in comparison.md: a matrix of systems and runs. */
export function bySystemMarkdown(table: Table): string[] {
  if (table.rows.length === 0) return [];
  const m = matrix(table);
  const grid = m.runs.length <= WIDE
    ? markdownTable(['system', ...m.runs], m.systems.map((s) => [s, ...m.runs.map((r) => m.cell(s, r))]))
    : markdownTable(['run', ...m.systems], m.runs.map((r) => [r, ...m.systems.map((s) => m.cell(s, r))]));
  return ['', '## Fill rate by system', '', 'Units delivered over units needed, over the horizon; `comparison_by_system.csv` adds need, delivery, shortfall and the main cause.', '', grid];
}

/** The same matrix as an HTML table. */
export function bySystemHtml(table: Table): string {
  const m = matrix(table);
  if (m.runs.length <= WIDE) {
    return htmlTable([{ label: 'system' }, ...m.runs.map((r) => ({ label: r, kind: 'num' as const }))], m.systems.map((s) => [s, ...m.runs.map((r) => m.cell(s, r))]));
  }
  return htmlTable([{ label: 'run' }, ...m.systems.map((s) => ({ label: s, kind: 'num' as const }))], m.runs.map((r) => [r, ...m.systems.map((s) => m.cell(s, r))]));
}
