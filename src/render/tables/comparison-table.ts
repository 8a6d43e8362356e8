import type { ComparisonRow } from '../../results/plan.js';
import { euros, markdownTable, percent, quantity, units } from '../../base/format-number.js';
import type { Table } from '../report-table.js';
import { bySystemMarkdown } from './comparison-by-system-table.js';

/**
 * comparison.csv: one row per scenario (or sweep value). `run` is the row's place in the
 * full set, so shards can be merged back into the same file.
 */
export function comparisonTable(results: readonly { run: number; row: ComparisonRow }[], sweepKey?: string): Table {
  const categories = [...new Set(results.flatMap((r) => Object.keys(r.row.fillRateByCategory)))].sort();
  const header = [
    'run',
    'scenario',
    ...(sweepKey ? [sweepKey] : []),
    'status',
    'fill_rate_pct',
    'weighted_fill_rate_pct',
    ...categories.map((c) => `fill_rate_pct_${c}`),
    'weighted_shortfall',
    'shortfall_units',
    'total_cost_eur',
    'budget_eur',
    'money_used_pct',
    'joint_guarantee_pct',
    'worst_system',
    'description',
    'error',
  ];
  const rows = results.map(({ run, row }) => {
    const ok = row.status === 'optimal';
    const num = (v: number, f: (x: number) => string) => (ok ? f(v) : '');
    return [
      String(run),
      row.scenario,
      ...(sweepKey ? [row.sweepValue !== undefined ? String(row.sweepValue) : ''] : []),
      row.status,
      num(100 * row.fillRate, percent),
      num(100 * row.weightedFillRate, percent),
      ...categories.map((c) => (ok && row.fillRateByCategory[c] !== undefined ? percent(100 * row.fillRateByCategory[c]!) : '')),
      num(row.weightedShortfall, quantity),
      num(row.shortfallUnits, units),
      num(row.totalCostEur, euros),
      num(row.budgetEur, euros),
      num(100 * row.moneyUsed, percent),
      num(100 * row.jointGuarantee, percent),
      row.worstSystem,
      row.description,
      row.error ?? '',
    ];
  });
  return { header, rows };
}

/** comparison.md, rendered from the tables so that merged shards print the same page. */
export function renderComparisonMarkdown(table: Table, title: string, bySystem?: Table): string {
  const col = (name: string) => table.header.indexOf(name);
  const pick = ['scenario', table.header[2] !== 'status' ? table.header[2]! : '', 'status', 'fill_rate_pct', 'weighted_fill_rate_pct', 'joint_guarantee_pct', 'total_cost_eur', 'money_used_pct', 'worst_system'].filter(
    (c) => c !== '' && col(c) >= 0,
  );
  const words: Record<string, string> = {
    scenario: 'scenario',
    status: 'status',
    fill_rate_pct: 'fill rate %',
    weighted_fill_rate_pct: 'weighted fill rate %',
    total_cost_eur: 'cost (EUR m)',
    money_used_pct: 'money used %',
    joint_guarantee_pct: 'guaranteed every month %',
    worst_system: 'worst system',
  };
  const cell = (row: readonly string[], c: string) => {
    const v = row[col(c)] ?? '';
    return c === 'total_cost_eur' && v !== '' ? (Number(v) / 1e6).toFixed(1) : v;
  };
  const out = [`# ${title}`, '', `${table.rows.length} run${table.rows.length === 1 ? '' : 's'}.`, ''];
  out.push(markdownTable(pick.map((c) => words[c] ?? c), table.rows.map((r) => pick.map((c) => cell(r, c)))));
  const failed = table.rows.filter((r) => r[col('status')] === 'failed');
  if (failed.length > 0) {
    out.push('', '## Failed runs', '');
    for (const r of failed) out.push(`- \`${r[col('scenario')]}\`: ${r[col('error')]}`);
  }
  if (bySystem) out.push(...bySystemMarkdown(bySystem));
  out.push('');
  return out.join('\n');
}

/**
 * The rows of a comparison table read back (as merged shards are), so that comparison.html
 * is drawn from exactly what comparison.csv says, sharded or not.
 */
export function comparisonRowsFromTable(table: Table, readCell: (text: string) => number = Number): ComparisonRow[] {
  const col = (name: string) => table.header.indexOf(name);
  const sweepKey = table.header[2] !== 'status' ? table.header[2] : undefined;
  const categories = table.header.filter((h) => h.startsWith('fill_rate_pct_')).map((h) => h.slice('fill_rate_pct_'.length));
  return table.rows.map((row) => {
    const text = (name: string) => row[col(name)] ?? '';
    const num = (name: string) => (text(name) === '' ? 0 : readCell(text(name)));
    const failed = text('status') === 'failed';
    return {
      scenario: text('scenario'),
      description: text('description'),
      ...(sweepKey !== undefined && text(sweepKey) !== '' ? { sweepValue: readCell(text(sweepKey)) } : {}),
      status: failed ? 'failed' : 'optimal',
      ...(failed ? { error: text('error') } : {}),
      fillRate: num('fill_rate_pct') / 100,
      weightedFillRate: num('weighted_fill_rate_pct') / 100,
      fillRateByCategory: failed ? {} : Object.fromEntries(categories.map((c) => [c, num(`fill_rate_pct_${c}`) / 100])),
      weightedShortfall: num('weighted_shortfall'),
      shortfallUnits: num('shortfall_units'),
      totalCostEur: num('total_cost_eur'),
      budgetEur: num('budget_eur'),
      moneyUsed: num('money_used_pct') / 100,
      jointGuarantee: num('joint_guarantee_pct') / 100,
      worstSystem: text('worst_system'),
    };
  });
}
