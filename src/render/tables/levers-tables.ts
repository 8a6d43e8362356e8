import { euros, units } from '../../base/format-number.js';
import { formatMonth } from '../../inputs/periods.js';
import type { LineMonth, OptionOrder, Plan } from '../../results/plan.js';
import { csvTable, type Column, type Table } from '../report-table.js';

/** The columns that name a line (a release's holder is its country). */
const lineKeys = <R extends { line: { country: string; system: string; producer: string } }>(): Column<R>[] => [
  { key: 'country', csv: (r) => r.line.country },
  { key: 'system', csv: (r) => r.line.system },
  { key: 'producer', csv: (r) => r.line.producer },
];

/** options_plan.csv: every order of capacity, per line, option and month; the line's own expansion is option `(own)`. */
export function optionsPlanTable(plan: Plan): Table {
  const months = plan.input.months;
  return csvTable<OptionOrder>(
    [
      ...lineKeys<OptionOrder>(),
      { key: 'option', csv: (o) => o.option },
      { key: 'month', csv: (o) => formatMonth(months[o.t]!) },
      { key: 'ordered', csv: (o) => units(o.ordered) },
      { key: 'online_from', csv: (o) => formatMonth(months[0]! + o.onlineFromT) },
      { key: 'cost_eur', csv: (o) => euros(o.costEur) },
      { key: 'candidate', csv: (o) => String(o.line.kind === 'candidate') },
      { key: 'offtake_units_forced', csv: (o) => units(o.offtakeUnits) },
    ],
    plan.orders,
  );
}

/** releases.csv: what each holder releases from its stocks each month, and what it still holds. */
export function releasesTable(plan: Plan): Table {
  const months = plan.input.months;
  const left = new Map<string, number>();
  const rows = plan.lineMonths.filter((lm) => lm.line.releaseUnits !== undefined).map((lm) => {
    const before = left.get(lm.line.id) ?? lm.line.releaseUnits!;
    left.set(lm.line.id, before - lm.units);
    return { lm, left: Math.max(0, before - lm.units) };
  });
  return csvTable<(typeof rows)[number]>(
    [
      { key: 'holder', csv: (r) => r.lm.line.country },
      { key: 'system', csv: (r) => r.lm.line.system },
      { key: 'month', csv: (r) => formatMonth(months[r.lm.t]!) },
      { key: 'units_released', csv: (r) => units(r.lm.units) },
      { key: 'cost_eur', csv: (r) => euros(r.lm.costEur) },
      { key: 'units_left', csv: (r) => units(r.left) },
    ],
    rows,
  );
}

/** queue.csv: per line whose customers let output wait, the units that wait, those made up, what is owed and the premium. */
export function queueTable(plan: Plan): Table {
  const months = plan.input.months;
  const waits = plan.lineMonths.filter((lm) => lm.line.deferrable.some((s, t) => s * lm.line.committed[t]! > 0));
  return csvTable<LineMonth>(
    [
      ...lineKeys<LineMonth>(),
      { key: 'month', csv: (lm) => formatMonth(months[lm.t]!) },
      { key: 'committed', csv: (lm) => units(lm.committed) },
      { key: 'deferred', csv: (lm) => units(lm.deferred) },
      { key: 'repaid', csv: (lm) => units(lm.repaid) },
      { key: 'owed', csv: (lm) => units(lm.owed) },
      { key: 'premium_eur', csv: (lm) => euros(lm.owed * lm.line.deferralCostEur) },
    ],
    waits,
  );
}

/** Whether a plan has stock releases, and lines whose customers let output wait (their files are written only then). */
export const hasReleases = (plan: Plan) => plan.input.lines.some((l) => l.releaseUnits !== undefined);
export const hasQueue = (plan: Plan) => plan.input.lines.some((l) => l.deferrable.some((s, t) => s * l.committed[t]! > 0));
