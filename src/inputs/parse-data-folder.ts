import { checkActuals } from './check-actuals.js';
import { checkCapacityOptions } from './check-capacity-options.js';
import { checkCommitments } from './check-commitments.js';
import { checkCoreTables } from './check-core-tables.js';
import { checkMaterialTables } from './check-material-tables.js';
import { checkMoneyTables } from './check-money-tables.js';
import { closestName } from './closest-name.js';
import { copyOf } from './copied-file.js';
import { decodeCsvBytes } from './decode-csv-bytes.js';
import { sortFileIssues, type FileIssue, type InputWarning } from '../base/input-issue.js';
import { parseCsvTable } from './parse-csv-table.js';
import { parseTableRows, type Located } from './parse-table-rows.js';
import {
  INPUT_FILES,
  INPUT_FILE_NAMES,
  type ActualRow,
  type BomRow,
  type BudgetRow,
  type CapacityRow,
  type ChannelRow,
  type CommitmentRow,
  type CountryRow,
  type FundRow,
  type InventoryRow,
  type InputFileName,
  type MaterialRow,
  type NeedRow,
  type OptionRow,
  type ScenarioRow,
  type SourceRow,
  type StockRow,
  type SystemRow,
} from './schemas.js';
import type { TableChecks, Tables } from './table-checks.js';

export { DEFAULT_RECIPIENT } from './recipients.js';

/** A data folder after validation: every reference resolves, every key is unique. */
export interface DataSet {
  readonly countries: readonly CountryRow[];
  readonly systems: readonly SystemRow[];
  /** Lines of systems and of materials (a line makes one product). */
  readonly capacity: readonly CapacityRow[];
  readonly needs: readonly NeedRow[];
  readonly budgets: readonly BudgetRow[];
  readonly stocks: readonly StockRow[];
  readonly sources: readonly SourceRow[];
  readonly funds: readonly FundRow[];
  /** Kept with their lines, for locating problems of scenario settings that name them. */
  readonly channels: readonly Located<ChannelRow>[];
  readonly commitments: readonly CommitmentRow[];
  /** Version 3: ways to add capacity to lines, and stocks that holders can release. */
  readonly options: readonly OptionRow[];
  readonly inventories: readonly InventoryRow[];
  readonly materials: readonly MaterialRow[];
  readonly bom: readonly BomRow[];
  /** Kept with their lines: scenario settings are checked when a scenario is chosen. */
  readonly scenarios: readonly Located<ScenarioRow>[];
  /** What happened, for a replay (actuals.csv; rampup replay). */
  readonly actuals?: readonly ActualRow[];
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

/** The optional files that hold nothing, not even a header: they are read as absent. */
export function emptyOptionalFiles(files: DataFiles): InputFileName[] {
  return INPUT_FILE_NAMES.filter((name) => {
    const bytes = files[name];
    if (bytes === undefined || INPUT_FILES[name].required) return false;
    const decoded = decodeCsvBytes(name, bytes);
    return decoded.issues.length === 0 && decoded.text.trim() === '';
  });
}

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
      const copy = otherFiles.find((other) => copyOf(other) === name);
      if (copy !== undefined) {
        // A copy in place of the file is the file under another name: reading nothing would lose its rows unnoticed.
        const message = `${name} is not in the folder, but ${copy} is, which looks like a copy of it: rename it ${name}${INPUT_FILES[name].required ? '' : ', or remove it if the folder is meant to have no ' + name.replace('.csv', '')}`;
        issues.push({ file: name, line: 1, column: 1, code: 'FILE_MISSING', message });
      } else if (INPUT_FILES[name].required) {
        const near = closestName(name, otherFiles);
        const hint = near === undefined ? '' : `; ${near} is in the folder: if it holds the ${name.replace('.csv', '')}, rename it ${name}`;
        issues.push({ file: name, line: 1, column: 1, code: 'FILE_MISSING', message: `required file ${name} is missing${hint}` });
      }
      continue;
    }
    const decoded = decodeCsvBytes(name, bytes);
    issues.push(...decoded.issues);
    if (decoded.issues.length > 0) continue;
    // An optional file saved empty means "none of these" (loadDataSet warns of it); a required one is still a problem.
    if (!INPUT_FILES[name].required && decoded.text.trim() === '') continue;
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
  const checks: TableChecks = { tables, clean, haveSources: files['sources.csv'] !== undefined, issues };
  checkCoreTables(checks);
  checkMoneyTables(checks);
  checkMaterialTables(checks);
  checkCommitments(checks);
  checkCapacityOptions(checks);
  checkActuals(checks);
  if (issues.length > 0) return { issues: sortFileIssues(issues) };
  const rows = <F extends InputFileName>(f: F) => (tables[f]?.rows ?? []).map((r) => r.row);
  return {
    data: {
      countries: rows('countries.csv') as CountryRow[],
      systems: rows('systems.csv') as SystemRow[],
      capacity: rows('capacity.csv') as CapacityRow[],
      needs: rows('needs.csv') as NeedRow[],
      budgets: (tables['budgets.csv']?.rows ?? []).map(({ row: { payer, country, ...rest } }) => ({ ...rest, payer: (payer ?? country)! })),
      stocks: rows('stocks.csv') as StockRow[],
      sources: rows('sources.csv') as SourceRow[],
      funds: rows('funds.csv') as FundRow[],
      channels: (tables['channels.csv']?.rows ?? []) as Located<ChannelRow>[],
      commitments: rows('commitments.csv') as CommitmentRow[],
      options: rows('options.csv') as OptionRow[],
      inventories: rows('inventories.csv') as InventoryRow[],
      materials: rows('materials.csv') as MaterialRow[],
      bom: rows('bom.csv') as BomRow[],
      scenarios: (tables['scenarios.csv']?.rows ?? []) as Located<ScenarioRow>[],
      scenarioColumns: tables['scenarios.csv']?.columns ?? {},
      actuals: rows('actuals.csv') as ActualRow[],
      locations: Object.fromEntries(
        Object.entries(tables).map(([name, t]) => [name, { lines: t.rows.map((r) => r.line), columns: t.columns, delimiter: delimiters[name as InputFileName] ?? ',' }]),
      ) as DataLocations,
    },
    issues: [],
  };
}
