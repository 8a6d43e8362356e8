import { formatMonth } from '../../inputs/periods.js';
import type { NeedResult, Plan } from '../../results/plan.js';
import { percent, units } from '../../base/format-number.js';
import { csvTable, type Table, type TableSpec } from '../report-table.js';

/** `part` as a percentage of `whole`, 0 when there is no whole. */
export const percentOf = (part: number, whole: number) => (whole > 0 ? percent((100 * part) / whole) : '0');

/** gaps.csv: need, delivery and shortfall per system, recipient and month, with the cause. */
export function gapsTable(plan: Plan): Table {
  const months = plan.input.months;
  const spec: TableSpec<NeedResult> = [
    { key: 'system', csv: (n) => n.need.system },
    { key: 'recipient', csv: (n) => n.need.recipient },
    { key: 'month', csv: (n) => formatMonth(months[n.need.t]!) },
    { key: 'need', csv: (n) => units(n.need.quantity) },
    { key: 'delivered', csv: (n) => units(n.delivered) },
    { key: 'from_stock', csv: (n) => units(n.fromStock) },
    { key: 'shortfall', csv: (n) => units(n.shortfall) },
    { key: 'shortfall_pct', csv: (n) => percentOf(n.shortfall, n.need.quantity) },
    { key: 'cause', csv: (n) => n.cause ?? '' },
    { key: 'binding_input', csv: (n) => n.bindingInput ?? '' },
    { key: 'sold_units', csv: (n) => units(n.soldUnits) },
  ];
  return csvTable(spec, plan.needs);
}
