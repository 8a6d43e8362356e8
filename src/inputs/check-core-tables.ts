import { didYouMean } from './closest-name.js';
import { formatMonth } from './periods.js';
import { DEFAULT_RECIPIENT } from './recipients.js';
import { at, checkOverlappingPeriods, checkSources, unique, type TableChecks } from './table-checks.js';

/** Countries, systems, lines, needs, budgets, stocks and sources: keys, references, ceilings. */
export function checkCoreTables(checks: TableChecks): void {
  const { tables, clean } = checks;
  const countries = new Set(tables['countries.csv']?.rows.map((r) => r.row.country));
  const systems = new Set(tables['systems.csv']?.rows.map((r) => r.row.system));
  const materials = new Set(tables['materials.csv']?.rows.map((r) => r.row.material));
  const funds = new Set(tables['funds.csv']?.rows.map((r) => r.row.fund));
  // A reference into a file that has problems of its own would only repeat them.
  const knowCountries = clean.has('countries.csv');
  const knowProducts = clean.has('systems.csv') && (clean.has('materials.csv') || !tables['materials.csv']);
  const knowPayers = knowCountries && (clean.has('funds.csv') || !tables['funds.csv']);
  const country = (file: 'capacity.csv', line: number, code: string) => {
    if (knowCountries && !countries.has(code)) at(checks, file, line, 'country', 'UNKNOWN_COUNTRY', `country "${code}" is not in countries.csv${didYouMean(code, countries)}`);
  };
  const product = (file: 'capacity.csv' | 'stocks.csv', line: number, code: string) => {
    if (!knowProducts || systems.has(code) || materials.has(code)) return;
    at(checks, file, line, 'system', 'UNKNOWN_SYSTEM', `system "${code}" is not in systems.csv${materials.size > 0 ? ' nor in materials.csv' : ''}${didYouMean(code, [...systems, ...materials])}`);
  };

  const c = tables['countries.csv'];
  unique(checks, 'countries.csv', c?.rows, (r) => r.country, 'country', (r) => `country ${r.country}`);
  checkSources(checks, 'countries.csv', c?.rows);

  const s = tables['systems.csv'];
  unique(checks, 'systems.csv', s?.rows, (r) => r.system, 'system', (r) => `system ${r.system}`);
  checkSources(checks, 'systems.csv', s?.rows);

  const cap = tables['capacity.csv'];
  unique(checks, 'capacity.csv', cap?.rows, (r) => `${r.country}\u0000${r.system}\u0000${r.producer ?? ''}`, 'producer', (r) => `the line (${r.country}, ${r.system}, ${r.producer ?? 'no producer'})`);
  for (const { line, row } of cap?.rows ?? []) {
    country('capacity.csv', line, row.country);
    product('capacity.csv', line, row.system);
    if (row.max_capacity_per_month !== undefined && row.max_capacity_per_month < row.capacity_per_month) {
      at(checks, 'capacity.csv', line, 'max_capacity_per_month', 'CEILING_BELOW_CAPACITY', `max_capacity_per_month ${row.max_capacity_per_month} is below capacity_per_month ${row.capacity_per_month}`);
    }
  }
  checkSources(checks, 'capacity.csv', cap?.rows);

  const n = tables['needs.csv'];
  unique(checks, 'needs.csv', n?.rows, (r) => `${r.system}\u0000${r.recipient ?? DEFAULT_RECIPIENT}\u0000${r.period}`, 'period', (r) => `the need of ${r.recipient ?? DEFAULT_RECIPIENT} for ${r.system} in ${formatMonth(r.period)}`);
  for (const { line, row } of n?.rows ?? []) {
    if (clean.has('systems.csv') && !systems.has(row.system)) {
      at(checks, 'needs.csv', line, 'system', 'UNKNOWN_SYSTEM', `system "${row.system}" is not in systems.csv${materials.has(row.system) ? ' (it is a material: materials are consumed by lines, not needed by recipients)' : didYouMean(row.system, systems)}`);
    }
  }
  checkSources(checks, 'needs.csv', n?.rows);

  const b = tables['budgets.csv'];
  if (b) {
    const payerColumn = b.columns.payer !== undefined ? 'payer' : 'country';
    if (b.columns.payer === undefined && b.columns.country === undefined) at(checks, 'budgets.csv', 1, 'payer', 'MISSING_COLUMN', 'required column "payer" is missing (its old name "country" is read too)');
    if (b.columns.payer !== undefined && b.columns.country !== undefined) at(checks, 'budgets.csv', 1, 'country', 'DUPLICATE_COLUMN', 'both "payer" and "country": country is the old name of payer; keep one');
    const payerOf = (r: { payer?: string | undefined; country?: string | undefined }) => r.payer ?? r.country;
    for (const { line, row } of b.rows) {
      const payer = payerOf(row);
      if (payer === undefined) at(checks, 'budgets.csv', line, payerColumn, 'MISSING_VALUE', `${payerColumn}: a value is required here`);
      else if (knowPayers && !countries.has(payer) && !funds.has(payer)) {
        at(checks, 'budgets.csv', line, payerColumn, 'UNKNOWN_PAYER', `payer "${payer}" is neither a country of countries.csv nor a fund${tables['funds.csv'] ? ' of funds.csv' : ' (there is no funds.csv)'}${didYouMean(payer, [...countries, ...funds])}`);
      }
    }
    // A year row and a month row of the same year would count that money twice.
    checkOverlappingPeriods(checks, 'budgets.csv', b.rows, (r) => payerOf(r) ?? '', (r, period) => `the budget of ${payerOf(r)} for ${period}`);
    checkSources(checks, 'budgets.csv', b.rows);
  }

  const st = tables['stocks.csv'];
  unique(checks, 'stocks.csv', st?.rows, (r) => r.system, 'system', (r) => `the stock of ${r.system}`);
  for (const { line, row } of st?.rows ?? []) product('stocks.csv', line, row.system);
  checkSources(checks, 'stocks.csv', st?.rows);

  unique(checks, 'sources.csv', tables['sources.csv']?.rows, (r) => r.source, 'source', (r) => `source ${r.source}`);
}
