import { didYouMean } from './closest-name.js';
import { formatMonth } from './periods.js';
import { horizonOf } from './check-capacity-options.js';
import { at, checkSources, unique, type TableChecks } from './table-checks.js';

/** What a figure of actuals.csv counts, and the unit it is counted in. */
export const MEASURES = { delivered: 'units', produced: 'units', spent: 'eur' } as const;
export type Measure = keyof typeof MEASURES;

/** The codes of a `systems` or `sellers` cell: `*`, or codes joined by "+". */
export const codesOf = (cell: string): readonly string[] | '*' => (cell.trim() === '*' ? '*' : cell.split('+').map((c) => c.trim()));

/**
 * actuals.csv (a replay's record): each figure once, a measure with its unit, systems, sellers
 * and channels that exist, a period inside the horizon of needs.csv, and a source.
 */
export function checkActuals(checks: TableChecks): void {
  const { tables, clean } = checks;
  const ac = tables['actuals.csv'];
  if (!ac) return;
  unique(checks, 'actuals.csv', ac.rows, (r) => r.figure, 'figure', (r) => `figure ${r.figure}`);
  checkSources(checks, 'actuals.csv', ac.rows);
  const systems = new Set(tables['systems.csv']?.rows.map((r) => r.row.system));
  const categories = new Set(tables['systems.csv']?.rows.map((r) => `category:${r.row.category}`));
  const countries = new Set(tables['countries.csv']?.rows.map((r) => r.row.country));
  const channels = new Set(tables['channels.csv']?.rows.flatMap((r) => [r.row.channel, ...(r.row.group ? [`group:${r.row.group}`] : [])]));
  const horizon = horizonOf(checks);
  for (const { line, row } of ac.rows) {
    const unit = MEASURES[row.measure as Measure];
    if (unit === undefined) at(checks, 'actuals.csv', line, 'measure', 'BAD_VALUE', `expected ${Object.keys(MEASURES).join(', ')}, found "${row.measure}"`);
    else if (row.unit !== unit) at(checks, 'actuals.csv', line, 'unit', 'BAD_VALUE', `a figure of what was ${row.measure} is counted in ${unit}, found "${row.unit}"`);
    const named = codesOf(row.systems);
    if (clean.has('systems.csv') && named !== '*') {
      for (const s of named.filter((s) => !systems.has(s) && !categories.has(s))) {
        at(checks, 'actuals.csv', line, 'systems', 'UNKNOWN_SYSTEM', `system "${s}" is not in systems.csv${didYouMean(s, systems)}; name systems joined by +, a category:NAME, or *`);
      }
    }
    const sellers = codesOf(row.sellers);
    if (clean.has('countries.csv') && sellers !== '*') {
      for (const c of sellers.filter((c) => !countries.has(c))) at(checks, 'actuals.csv', line, 'sellers', 'UNKNOWN_COUNTRY', `seller "${c}" is not in countries.csv${didYouMean(c, countries)}; name countries joined by +, or *`);
    }
    if (row.channels !== undefined && row.measure !== 'spent') at(checks, 'actuals.csv', line, 'channels', 'BAD_VALUE', 'channels count only money spent: leave this empty for a figure of units');
    if (row.channels !== undefined && clean.has('channels.csv') && !channels.has(row.channels)) {
      at(checks, 'actuals.csv', line, 'channels', 'UNKNOWN_SELECTOR', `"${row.channels}" is neither a channel nor a group:NAME of channels.csv${didYouMean(row.channels, channels)}`);
    }
    if (row.to_month < row.from_month) at(checks, 'actuals.csv', line, 'to_month', 'BAD_PERIOD', `the period ends (${formatMonth(row.to_month)}) before it starts (${formatMonth(row.from_month)})`);
    if (horizon && (row.from_month < horizon.first || row.to_month > horizon.last)) {
      const column = row.from_month < horizon.first ? 'from_month' : 'to_month';
      at(checks, 'actuals.csv', line, column, 'BAD_PERIOD', `the period ${formatMonth(row.from_month)} to ${formatMonth(row.to_month)} is outside the horizon of needs.csv (${formatMonth(horizon.first)} to ${formatMonth(horizon.last)})`);
    }
  }
}
