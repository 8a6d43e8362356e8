import { formatMonth } from '../inputs/periods.js';
import type { Manifest } from '../results/manifest.js';
import type { Plan, PlanSummary } from '../results/plan.js';
import { splitApplied } from '../scenario/applied-settings.js';
import type { ScenarioSettings } from '../scenario/scenario-settings.js';
import type { Table } from './report-table.js';
import type { AboutLine } from './render-xlsx.js';

const UNITS_NOTE = 'Unit columns show whole units; each cell holds the plan\'s value to three decimals, as the CSV files do.';

/** The first sheet of report.xlsx: what was planned, with which settings, and the headline. */
export function planAbout(plan: Plan, summary: PlanSummary, settings: ScenarioSettings, manifest: Manifest): AboutLine[] {
  const { fromScenario, onTop } = splitApplied(settings);
  const months = plan.input.months;
  const f = plan.input.financing;
  return [
    { label: 'Ramp-up plan', value: `scenario ${settings.name}` },
    { label: 'Run', value: manifest.scenario.run },
    ...(settings.description ? [{ label: 'Scenario', value: settings.description }] : []),
    { label: "Scenario's settings", value: fromScenario.join(', ') || 'none: the data as it stands' },
    { label: 'Settings on top (--set)', value: onTop.join(', ') || 'none' },
    { label: 'Horizon', value: `${formatMonth(months[0]!)} to ${formatMonth(months.at(-1)!)} (${months.length} months)` },
    { label: 'Financing', value: f.kind === 'pooled' ? ['pooled', ...(f.fairShare !== undefined ? [`fair share ${f.fairShare}`] : []), ...(f.workShare !== undefined ? [`work share ${f.workShare}`] : [])].join(', ') : f.kind },
    ...(plan.input.excluded.length > 0 ? [{ label: 'Excluded countries', value: plan.input.excluded.join(', ') }] : []),
    { label: 'Fill rate', value: summary.fillRate, format: 'pct' },
    { label: 'Fill rate weighted by priority', value: summary.weightedFillRate, format: 'pct' },
    { label: 'Units needed', value: summary.need, format: 'units' },
    { label: 'Units delivered', value: summary.delivered, format: 'units' },
    { label: 'Weighted shortfall', value: summary.weightedShortfall, format: 'number' },
    { label: 'Total cost (EUR)', value: summary.totalCostEur, format: 'eur' },
    { label: 'Money made available (EUR)', value: summary.budgetEur, format: 'eur' },
    { label: 'Share of the money used', value: summary.budgetEur > 0 ? summary.totalCostEur / summary.budgetEur : 0, format: 'pct' },
    { label: 'Warnings', value: manifest.warnings.length === 0 ? 'none' : manifest.warnings.map((w) => `${'file' in w ? `${w.file}:${w.line}` : w.flag} ${w.code} ${w.message}`).join('\n') },
    { label: 'Solver', value: `${manifest.solver.name} ${manifest.solver.version}` },
    { label: 'Made by', value: `${manifest.tool.name} ${manifest.tool.version}` },
    { label: 'Note', value: UNITS_NOTE },
  ];
}

/** The first sheet of comparison.xlsx: what was compared. */
export function comparisonAbout(title: string, table: Table): AboutLine[] {
  const status = table.header.indexOf('status');
  const failed = table.rows.filter((r) => r[status] === 'failed').length;
  return [
    { label: 'Comparison', value: title },
    { label: 'Runs', value: table.rows.length, format: 'number' },
    { label: 'Runs without a plan', value: failed, format: 'number' },
    { label: 'Sheets', value: 'comparison: one row per run; comparison_by_system: one row per run and system' },
    { label: 'Note', value: UNITS_NOTE },
  ];
}
