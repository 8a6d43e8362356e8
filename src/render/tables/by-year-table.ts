import { humanPercent, humanUnits, percent, units } from '../../base/format-number.js';
import type { Plan } from '../../results/plan.js';
import type { YearTotal } from '../../results/summarize-years.js';
import { csvTable, type Table, type TableSpec } from '../report-table.js';

/** by_year.csv: gaps.csv added up per system, recipient and year. */
export function byYearTable(totals: readonly YearTotal[]): Table {
  const spec: TableSpec<YearTotal> = [
    { key: 'system', csv: (y) => y.system },
    { key: 'recipient', csv: (y) => y.recipient },
    { key: 'year', csv: (y) => String(y.year) },
    { key: 'months', csv: (y) => String(y.months) },
    { key: 'need', csv: (y) => units(y.need) },
    { key: 'delivered', csv: (y) => units(y.delivered) },
    { key: 'from_stock', csv: (y) => units(y.fromStock) },
    { key: 'shortfall', csv: (y) => units(y.shortfall) },
    { key: 'fill_rate_pct', csv: (y) => percent(y.need > 0 ? (100 * y.delivered) / y.need : 100) },
    { key: 'months_short', csv: (y) => String(y.monthsShort) },
  ];
  return csvTable(spec, totals);
}

/** summary.md's "Per year": each system's delivery of its need (all recipients) in each year, a column per year. */
export function byYearMarkdown(plan: Plan, totals: readonly YearTotal[]): { header: string[]; rows: string[][] } {
  const years = [...new Set(totals.map((y) => y.year))].sort((a, b) => a - b);
  const months = new Map(totals.map((y) => [y.year, y.months]));
  const header = ['system', ...years.map((y) => (months.get(y) === 12 ? String(y) : `${y} (${months.get(y)} months)`))];
  const rows = plan.input.systems.flatMap((s) => {
    const mine = totals.filter((y) => y.system === s.code);
    if (mine.length === 0) return [];
    const cells = years.map((year) => {
      const inYear = mine.filter((y) => y.year === year);
      const need = inYear.reduce((a, y) => a + y.need, 0);
      const delivered = inYear.reduce((a, y) => a + y.delivered, 0);
      return need > 0 ? `${humanUnits(delivered)} of ${humanUnits(need)} (${humanPercent(delivered / need)})` : delivered > 0 ? humanUnits(delivered) : '-';
    });
    return [[s.name, ...cells]];
  });
  return { header, rows };
}
