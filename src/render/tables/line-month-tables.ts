import { formatMonth } from '../../inputs/periods.js';
import type { LineMonth, Plan } from '../../results/plan.js';
import { euros, units } from '../../base/format-number.js';
import { csvTable, type Column, type Table } from '../report-table.js';
import { percentOf } from './gaps-table.js';
import { ceilingOf, growthOf } from '../../results/gap-causes.js';

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

/**
 * capacity_plan.csv: capacity ordered (through every option) and online per line and month, the
 * most it can reach, and when the month's first order produces (options_plan.csv has each order).
 */
export function capacityPlanTable(plan: Plan): Table {
  const months = plan.input.months;
  const growth = growthOf(plan.input);
  const ceilings = plan.input.lines.map((line, l) => ceilingOf(line, growth[l]!));
  const lineIndex = new Map(plan.input.lines.map((line, l) => [line.id, l]));
  const online = new Map<string, number>();
  for (const o of plan.orders) {
    const key = `${o.line.id}\u0000${o.t}`;
    online.set(key, Math.min(online.get(key) ?? Infinity, o.onlineFromT));
  }
  const onlineFrom = (lm: LineMonth) => online.get(`${lm.line.id}\u0000${lm.t}`);
  return csvTable(
    [
      ...lineColumns(months),
      { key: 'capacity_ordered', csv: (lm) => units(lm.ordered) },
      { key: 'capacity_online', csv: (lm) => units(lm.capacityOnline) },
      { key: 'ceiling', csv: (lm) => units(ceilings[lineIndex.get(lm.line.id)!]!) },
      { key: 'online_from_order_month', csv: (lm) => (lm.ordered > 0 && onlineFrom(lm) !== undefined ? formatMonth(months[0]! + onlineFrom(lm)!) : '') },
    ],
    plan.lineMonths,
  );
}
