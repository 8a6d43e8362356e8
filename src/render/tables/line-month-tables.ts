import { formatMonth } from '../../inputs/periods.js';
import type { LineMonth, Plan } from '../../results/plan.js';
import { euros, units } from '../../base/format-number.js';
import { csvTable, type Column, type Table } from '../report-table.js';
import { percentOf } from './gaps-table.js';

function lineColumns(months: readonly number[]): Column<LineMonth>[] {
  return [
    { key: 'country', csv: (lm) => lm.line.country },
    { key: 'system', csv: (lm) => lm.line.system },
    { key: 'producer', csv: (lm) => lm.line.producer },
    { key: 'month', csv: (lm) => formatMonth(months[lm.t]!) },
  ];
}

/** production.csv: what each line makes each month, its cost and how full it runs. */
export function productionTable(plan: Plan): Table {
  return csvTable(
    [
      ...lineColumns(plan.input.months),
      { key: 'units', csv: (lm) => units(lm.units) },
      { key: 'cost_eur', csv: (lm) => euros(lm.costEur) },
      { key: 'capacity_online', csv: (lm) => units(lm.capacityOnline) },
      { key: 'utilization_pct', csv: (lm) => percentOf(lm.units, lm.capacityOnline) },
    ],
    plan.lineMonths,
  );
}

/** capacity_plan.csv: capacity ordered and online per line and month, and when an order produces. */
export function capacityPlanTable(plan: Plan): Table {
  const months = plan.input.months;
  return csvTable(
    [
      ...lineColumns(months),
      { key: 'capacity_ordered', csv: (lm) => units(lm.ordered) },
      { key: 'capacity_online', csv: (lm) => units(lm.capacityOnline) },
      { key: 'ceiling', csv: (lm) => units(lm.line.maxCapacityPerMonth) },
      { key: 'online_from_order_month', csv: (lm) => (lm.ordered > 0 ? formatMonth(months[lm.t]! + lm.line.leadTimeMonths) : '') },
    ],
    plan.lineMonths,
  );
}
