import type { z } from 'zod';
import { closestName, didYouMean } from './closest-name.js';
import { decodeCsvBytes } from './decode-csv-bytes.js';
import { sortFileIssues, type FileIssue, type InputWarning, type IssueCode } from './input-issue.js';
import { parseCsvTable } from './parse-csv-table.js';
import { parseTableRows, type Located, type ParsedTable } from './parse-table-rows.js';
import { formatMonth } from './periods.js';
import {
  INPUT_FILES,
  INPUT_FILE_NAMES,
  type BudgetRow,
  type CapacityRow,
  type CountryRow,
  type InputFileName,
  type NeedRow,
  type ScenarioRow,
  type SourceRow,
  type StockRow,
  type SystemRow,
} from './schemas.js';

/** A data folder after validation: every reference resolves, every key is unique. */
export interface DataSet {
  readonly countries: readonly CountryRow[];
  readonly systems: readonly SystemRow[];
  readonly capacity: readonly CapacityRow[];
  readonly needs: readonly NeedRow[];
  readonly budgets: readonly BudgetRow[];
  readonly stocks: readonly StockRow[];
  readonly sources: readonly SourceRow[];
  /** Kept with their lines: scenario settings are checked when a scenario is chosen. */
  readonly scenarios: readonly Located<ScenarioRow>[];
  /** 1-based column of each scenarios.csv column, for locating setting errors. */
  readonly scenarioColumns: Readonly<Record<string, number>>;
  /** Where each file's rows came from, for checks that point back at them (absent for data built in memory). */
  readonly locations?: DataLocations;
  /** What looks like a mistake but is allowed (loadDataSet adds them; see data-warnings.ts). */
  readonly warnings?: readonly InputWarning[];
}

/** Per file read: the line of each row (parallel to the DataSet's rows), each column's place, the delimiter. */
export type DataLocations = {
  readonly [F in InputFileName]?: { readonly lines: readonly number[]; readonly columns: Readonly<Record<string, number>>; readonly delimiter: ',' | ';' };
};

export type DataFiles = Partial<Record<InputFileName, Uint8Array>>;

type Tables = { [F in InputFileName]?: ParsedTable<z.infer<ReturnType<(typeof INPUT_FILES)[F]['schema']>>> };

/** Recipient of a need row when the column is empty. */
export const DEFAULT_RECIPIENT = 'UA';

/**
 * Parses and cross-checks a data folder's files; all problems come back in one list.
 * `otherFiles`: the folder's other file names, so that a missing file can be found misspelt.
 */
export function parseDataFolder(files: DataFiles, otherFiles: readonly string[] = []): { data?: DataSet; issues: FileIssue[] } {
  const issues: FileIssue[] = [];
  const tables: Tables = {};
  const clean = new Set<InputFileName>();
  const delimiters: Partial<Record<InputFileName, ',' | ';'>> = {};
  for (const name of INPUT_FILE_NAMES) {
    const bytes = files[name];
    if (bytes === undefined) {
      if (INPUT_FILES[name].required) {
        const near = closestName(name, otherFiles);
        const hint = near === undefined ? '' : `; ${near} is in the folder: if it holds the ${name.replace('.csv', '')}, rename it ${name}`;
        issues.push({ file: name, line: 1, column: 1, code: 'FILE_MISSING', message: `required file ${name} is missing${hint}` });
      }
      continue;
    }
    const decoded = decodeCsvBytes(name, bytes);
    issues.push(...decoded.issues);
    if (decoded.issues.length > 0) continue;
    const csv = parseCsvTable(name, decoded.text);
    issues.push(...csv.issues);
    if (!csv.table) continue;
    delimiters[name] = csv.table.delimiter;
    const schema = INPUT_FILES[name].schema(csv.table.delimiter);
    const result = parseTableRows(csv.table, schema);
    issues.push(...result.issues);
    (tables as Record<string, unknown>)[name] = result.parsed;
    if (result.issues.length === 0) clean.add(name);
  }
  issues.push(...checkTables(tables, clean, files['sources.csv'] !== undefined));
  if (issues.length > 0) return { issues: sortFileIssues(issues) };
  const rows = <F extends InputFileName>(f: F) => (tables[f]?.rows ?? []).map((r) => r.row);
  return {
    data: {
      countries: rows('countries.csv') as CountryRow[],
      systems: rows('systems.csv') as SystemRow[],
      capacity: rows('capacity.csv') as CapacityRow[],
      needs: rows('needs.csv') as NeedRow[],
      budgets: rows('budgets.csv') as BudgetRow[],
      stocks: rows('stocks.csv') as StockRow[],
      sources: rows('sources.csv') as SourceRow[],
      scenarios: (tables['scenarios.csv']?.rows ?? []) as Located<ScenarioRow>[],
      scenarioColumns: tables['scenarios.csv']?.columns ?? {},
      locations: Object.fromEntries(
        Object.entries(tables).map(([name, t]) => [name, { lines: t.rows.map((r) => r.line), columns: t.columns, delimiter: delimiters[name as InputFileName] ?? ',' }]),
      ) as DataLocations,
    },
    issues: [],
  };
}

function checkTables(tables: Tables, clean: ReadonlySet<InputFileName>, haveSources: boolean): FileIssue[] {
  const issues: FileIssue[] = [];
  const at = (file: InputFileName, line: number, column: string, code: IssueCode, message: string) =>
    issues.push({ file, line, column: tables[file]?.columns[column] ?? 1, code, message });

  const countries = new Set(tables['countries.csv']?.rows.map((r) => r.row.country));
  const systems = new Set(tables['systems.csv']?.rows.map((r) => r.row.system));
  const sources = new Set(tables['sources.csv']?.rows.map((r) => r.row.source));
  // A reference into a file that has problems of its own would only repeat them.
  const checkCountries = clean.has('countries.csv');
  const checkSystems = clean.has('systems.csv');
  const checkSources = clean.has('sources.csv') || !haveSources;

  const unique = <T>(file: InputFileName, rows: readonly Located<T>[] | undefined, key: (row: T) => string, column: string, what: (row: T) => string) => {
    const seen = new Map<string, number>();
    for (const { line, row } of rows ?? []) {
      const k = key(row);
      const first = seen.get(k);
      if (first !== undefined) at(file, line, column, 'DUPLICATE_KEY', `${what(row)} appears twice (first on line ${first})`);
      else seen.set(k, line);
    }
  };
  const refs = <T>(file: InputFileName, rows: readonly Located<T>[] | undefined, pick: (row: T) => { country?: string; system?: string; source?: string | undefined }) => {
    for (const { line, row } of rows ?? []) {
      const { country, system, source } = pick(row);
      if (country !== undefined && checkCountries && !countries.has(country)) {
        at(file, line, 'country', 'UNKNOWN_COUNTRY', `country "${country}" is not in countries.csv${didYouMean(country, countries)}`);
      }
      if (system !== undefined && checkSystems && !systems.has(system)) {
        at(file, line, 'system', 'UNKNOWN_SYSTEM', `system "${system}" is not in systems.csv${didYouMean(system, systems)}`);
      }
      if (source !== undefined && checkSources && !sources.has(source)) {
        at(file, line, 'source', 'UNKNOWN_SOURCE', haveSources ? `source "${source}" is not in sources.csv${didYouMean(source, sources)}` : `source "${source}" is named but there is no sources.csv`);
      }
    }
  };

  const c = tables['countries.csv'];
  unique('countries.csv', c?.rows, (r) => r.country, 'country', (r) => `country ${r.country}`);
  refs('countries.csv', c?.rows, (r) => ({ source: r.source }));

  const s = tables['systems.csv'];
  unique('systems.csv', s?.rows, (r) => r.system, 'system', (r) => `system ${r.system}`);
  refs('systems.csv', s?.rows, (r) => ({ source: r.source }));

  const cap = tables['capacity.csv'];
  unique('capacity.csv', cap?.rows, (r) => `${r.country}\u0000${r.system}\u0000${r.producer ?? ''}`, 'producer',
    (r) => `the line (${r.country}, ${r.system}, ${r.producer ?? 'no producer'})`);
  refs('capacity.csv', cap?.rows, (r) => ({ country: r.country, system: r.system, source: r.source }));
  for (const { line, row } of cap?.rows ?? []) {
    if (row.max_capacity_per_month !== undefined && row.max_capacity_per_month < row.capacity_per_month) {
      at('capacity.csv', line, 'max_capacity_per_month', 'CEILING_BELOW_CAPACITY',
        `max_capacity_per_month ${row.max_capacity_per_month} is below capacity_per_month ${row.capacity_per_month}`);
    }
  }

  const n = tables['needs.csv'];
  unique('needs.csv', n?.rows, (r) => `${r.system}\u0000${r.recipient ?? DEFAULT_RECIPIENT}\u0000${r.period}`, 'period',
    (r) => `the need of ${r.recipient ?? DEFAULT_RECIPIENT} for ${r.system} in ${formatMonth(r.period)}`);
  refs('needs.csv', n?.rows, (r) => ({ system: r.system, source: r.source }));

  const b = tables['budgets.csv'];
  // A year row and a month row of the same year would count that money twice.
  const years = new Map<string, number>();
  const months = new Map<string, number>();
  for (const { line, row } of b?.rows ?? []) {
    const yearKey = `${row.country}\u0000${row.period.year}`;
    if (row.period.month === undefined) {
      const clash = years.get(yearKey) ?? months.get(yearKey);
      if (clash !== undefined) at('budgets.csv', line, 'period', 'DUPLICATE_KEY', `the budget of ${row.country} for ${row.period.year} overlaps line ${clash}`);
      else years.set(yearKey, line);
    } else {
      const monthKey = `${row.country}\u0000${row.period.month}`;
      const clash = years.get(yearKey) ?? months.get(monthKey);
      if (clash !== undefined) at('budgets.csv', line, 'period', 'DUPLICATE_KEY', `the budget of ${row.country} for ${formatMonth(row.period.month)} overlaps line ${clash}`);
      else {
        months.set(monthKey, line);
        if (!months.has(yearKey)) months.set(yearKey, line);
      }
    }
  }
  refs('budgets.csv', b?.rows, (r) => ({ country: r.country, source: r.source }));

  const st = tables['stocks.csv'];
  unique('stocks.csv', st?.rows, (r) => r.system, 'system', (r) => `the stock of ${r.system}`);
  refs('stocks.csv', st?.rows, (r) => ({ system: r.system, source: r.source }));

  unique('sources.csv', tables['sources.csv']?.rows, (r) => r.source, 'source', (r) => `source ${r.source}`);
  return issues;
}
