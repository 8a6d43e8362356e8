import { didYouMean } from './closest-name.js';
import { formatMonth } from './periods.js';
import { at, checkSources, unique, type TableChecks } from './table-checks.js';

type LineKey = { country: string; system: string; producer?: string | undefined };
const lineKey = (r: LineKey) => `${r.country}\u0000${r.system}\u0000${r.producer ?? ''}`;
const lineName = (r: LineKey) => `(${r.country}, ${r.system}, ${r.producer ?? 'no producer'})`;

/**
 * Version 3's levers: options.csv names lines of capacity.csv, once per id, ordered within the
 * horizon; inventories.csv names known holders and products and releases no more a month than
 * it holds; a candidate plant starts with no capacity.
 */
export function checkCapacityOptions(checks: TableChecks): void {
  const { tables, clean } = checks;
  for (const { line, row } of tables['capacity.csv']?.rows ?? []) {
    if (row.status === 'candidate' && row.capacity_per_month > 0) {
      at(checks, 'capacity.csv', line, 'capacity_per_month', 'CANDIDATE_WITH_CAPACITY',
        `a candidate plant has no capacity until it is built: write 0 here (found ${row.capacity_per_month}) and its capacity as options in options.csv or as max_capacity_per_month`);
    }
  }
  checkOptions(checks, horizonOf(checks));
  const inv = tables['inventories.csv'];
  if (!inv) return;
  unique(checks, 'inventories.csv', inv.rows, (r) => `${r.holder}\u0000${r.system}`, 'system', (r) => `the stock of ${r.system} held by ${r.holder}`);
  checkSources(checks, 'inventories.csv', inv.rows);
  const countries = new Set(tables['countries.csv']?.rows.map((r) => r.row.country));
  const products = new Set([...(tables['systems.csv']?.rows.map((r) => r.row.system) ?? []), ...(tables['materials.csv']?.rows.map((r) => r.row.material) ?? [])]);
  const knowProducts = clean.has('systems.csv') && (clean.has('materials.csv') || !tables['materials.csv']);
  for (const { line, row } of inv.rows) {
    if (clean.has('countries.csv') && !countries.has(row.holder)) at(checks, 'inventories.csv', line, 'holder', 'UNKNOWN_COUNTRY', `holder "${row.holder}" is not in countries.csv${didYouMean(row.holder, countries)}`);
    if (knowProducts && !products.has(row.system)) at(checks, 'inventories.csv', line, 'system', 'UNKNOWN_SYSTEM', `system "${row.system}" is not in systems.csv${didYouMean(row.system, products)}`);
    if (row.max_per_month > row.units) {
      at(checks, 'inventories.csv', line, 'max_per_month', 'OUT_OF_RANGE', `${row.max_per_month} a month is more than the ${row.units} units held: at most ${row.units} can be released in all`);
    }
  }
}

/** The months of needs.csv (the data's own horizon), when it is clean. */
export function horizonOf(checks: TableChecks): { first: number; last: number } | undefined {
  if (!checks.clean.has('needs.csv')) return undefined;
  const periods = (checks.tables['needs.csv']?.rows ?? []).map((r) => r.row.period);
  if (periods.length === 0) return undefined;
  let first = Infinity;
  let last = -Infinity;
  for (const p of periods) (first = Math.min(first, p)), (last = Math.max(last, p));
  return { first, last };
}

function checkOptions(checks: TableChecks, horizon: { first: number; last: number } | undefined): void {
  const { tables, clean } = checks;
  const op = tables['options.csv'];
  if (!op) return;
  unique(checks, 'options.csv', op.rows, (r) => `${lineKey(r)}\u0000${r.option}`, 'option', (r) => `option ${r.option} of line ${lineName(r)}`);
  checkSources(checks, 'options.csv', op.rows);
  const lines = new Set((tables['capacity.csv']?.rows ?? []).map((r) => lineKey(r.row)));
  for (const { line, row } of op.rows) {
    if (clean.has('capacity.csv') && !lines.has(lineKey(row))) {
      at(checks, 'options.csv', line, 'producer', 'UNKNOWN_LINE', `no line ${lineName(row)} in capacity.csv; an option adds capacity to a line (a plant that could be built is a line with status candidate)`);
    }
    const first = row.first_order_month;
    if (horizon && first !== undefined && (first < horizon.first || first > horizon.last)) {
      at(checks, 'options.csv', line, 'first_order_month', 'OUTSIDE_HORIZON',
        `first_order_month ${formatMonth(first)} is outside the horizon of needs.csv (${formatMonth(horizon.first)} to ${formatMonth(horizon.last)}); leave it empty for an option that can be ordered from the start`);
    }
  }
}
