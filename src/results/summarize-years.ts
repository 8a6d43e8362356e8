import type { Plan } from './plan.js';

/** One system's need and delivery to one recipient over the months of one year in the horizon. */
export interface YearTotal {
  readonly system: string;
  readonly recipient: string;
  readonly year: number;
  /** Months of the year within the horizon (12, or fewer in a first or last year). */
  readonly months: number;
  readonly need: number;
  readonly delivered: number;
  readonly fromStock: number;
  readonly shortfall: number;
  readonly monthsShort: number;
}

/**
 * Yearly totals (by_year.csv): the months of gaps.csv added up per system, recipient and
 * calendar year, in the order of gaps.csv, years ascending.
 */
export function yearTotals(plan: Plan): YearTotal[] {
  const { months } = plan.input;
  const monthsOfYear = new Map<number, number>();
  for (const m of months) monthsOfYear.set(Math.floor(m / 12), (monthsOfYear.get(Math.floor(m / 12)) ?? 0) + 1);
  const totals = new Map<string, { system: string; recipient: string; years: Map<number, Omit<YearTotal, 'system' | 'recipient' | 'year' | 'months'>> }>();
  for (const n of plan.needs) {
    const key = `${n.need.system}\u0000${n.need.recipient}`;
    const entry = totals.get(key) ?? { system: n.need.system, recipient: n.need.recipient, years: new Map() };
    totals.set(key, entry);
    const year = Math.floor(months[n.need.t]! / 12);
    const t = entry.years.get(year) ?? { need: 0, delivered: 0, fromStock: 0, shortfall: 0, monthsShort: 0 };
    entry.years.set(year, {
      need: t.need + n.need.quantity,
      delivered: t.delivered + n.delivered,
      fromStock: t.fromStock + n.fromStock,
      shortfall: t.shortfall + n.shortfall,
      monthsShort: t.monthsShort + (n.shortfall > 0 ? 1 : 0),
    });
  }
  return [...totals.values()].flatMap(({ system, recipient, years }) =>
    [...years.entries()].sort((a, b) => a[0] - b[0]).map(([year, t]) => ({ system, recipient, year, months: monthsOfYear.get(year) ?? 0, ...t })),
  );
}
