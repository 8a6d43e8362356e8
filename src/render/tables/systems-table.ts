import type { Plan, SystemSummary } from '../../results/plan.js';
import { euros, humanUnits, percent, quantity, units } from '../../base/format-number.js';
import { pc } from '../html/html-kit.js';
import type { TableSpec } from '../report-table.js';

/**
 * One row per system: gaps_by_system.csv, and "Every system" in summary.md and report.html.
 * The cost-to-close columns exist when the plan was explained (unlimited-money re-solve).
 */
export function systemsSpec(plan: Plan): TableSpec<SystemSummary> {
  const closure = plan.closure;
  const closed = (s: SystemSummary) => closure?.bySystem.get(s.system);
  return [
    { key: 'system', csv: (s) => s.system },
    { key: 'name', label: 'system', csv: (s) => s.name, human: (s) => s.name },
    { key: 'category', label: 'category', csv: (s) => s.category, human: (s) => s.category },
    { key: 'unit', csv: (s) => s.unit },
    { key: 'need', label: 'need', align: 'num', csv: (s) => units(s.need), human: (s) => humanUnits(s.need) },
    { key: 'delivered', label: 'delivered', align: 'num', csv: (s) => units(s.delivered), human: (s) => humanUnits(s.delivered) },
    { key: 'shortfall', label: 'shortfall', align: 'num', only: ['csv', 'html'], csv: (s) => units(s.shortfall), human: (s) => humanUnits(s.shortfall) },
    { key: 'fill_rate_pct', label: 'fill rate', align: 'num', csv: (s) => percent(100 * s.fillRate), human: (s) => pc(s.fillRate) },
    { key: 'weighted_shortfall', csv: (s) => quantity(s.weightedShortfall) },
    { key: 'months_short', label: 'months short', align: 'num', only: ['csv', 'html'], csv: (s) => String(s.monthsShort), human: (s) => String(s.monthsShort) },
    { key: 'main_cause', label: 'main cause', csv: (s) => s.mainCause ?? '', human: (s) => s.mainCause ?? '' },
    {
      key: 'first_month_met',
      label: 'fully met from',
      only: ['csv', 'html'],
      csv: (s) => s.firstMonthMet ?? '',
      human: (s) => s.firstMonthMet ?? (s.shortfall > 0 ? 'never in the horizon' : ''),
    },
    closure && { key: 'first_month_met_unlimited', csv: (s) => closed(s)?.firstMonthMetUnlimited ?? '' },
    closure && { key: 'cost_to_close_eur', csv: (s) => euros(closed(s)?.costToCloseEur ?? 0) },
    closure && { key: 'shortfall_money_cannot_close', csv: (s) => units(closed(s)?.shortfallMoneyCannotClose ?? 0) },
  ];
}
