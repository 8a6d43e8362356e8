import type { z } from 'zod';
import { didYouMean } from './closest-name.js';
import type { FileIssue, IssueCode } from '../base/input-issue.js';
import type { Located, ParsedTable } from './parse-table-rows.js';
import type { INPUT_FILES, InputFileName } from './schemas.js';

export type Tables = { [F in InputFileName]?: ParsedTable<z.infer<ReturnType<(typeof INPUT_FILES)[F]['schema']>>> };

/** What every cross-file check shares: the parsed tables, which of them are clean, and where problems go. */
export interface TableChecks {
  readonly tables: Tables;
  /** Files without problems of their own: references into others would only repeat them. */
  readonly clean: ReadonlySet<InputFileName>;
  readonly haveSources: boolean;
  readonly issues: FileIssue[];
}

/** Records a problem at a row's cell. */
export function at(checks: TableChecks, file: InputFileName, line: number, column: string, code: IssueCode, message: string): void {
  checks.issues.push({ file, line, column: checks.tables[file]?.columns[column] ?? 1, code, message });
}

/** A key that may appear once; the repeat is located, the first occurrence named. */
export function unique<T>(checks: TableChecks, file: InputFileName, rows: readonly Located<T>[] | undefined, key: (row: T) => string, column: string, what: (row: T) => string): void {
  const seen = new Map<string, number>();
  for (const { line, row } of rows ?? []) {
    const k = key(row);
    const first = seen.get(k);
    if (first !== undefined) at(checks, file, line, column, 'DUPLICATE_KEY', `${what(row)} appears twice (first on line ${first})`);
    else seen.set(k, line);
  }
}

/** Every `source` cell names a row of sources.csv. */
export function checkSources<T extends { source?: string | undefined }>(checks: TableChecks, file: InputFileName, rows: readonly Located<T>[] | undefined): void {
  if (checks.haveSources && !checks.clean.has('sources.csv')) return;
  const sources = new Set(checks.tables['sources.csv']?.rows.map((r) => r.row.source));
  for (const { line, row } of rows ?? []) {
    if (row.source === undefined || sources.has(row.source)) continue;
    at(checks, file, line, 'source', 'UNKNOWN_SOURCE', checks.haveSources ? `source "${row.source}" is not in sources.csv${didYouMean(row.source, sources)}` : `source "${row.source}" is named but there is no sources.csv`);
  }
}

/**
 * Periods of one key that overlap: a year row overlaps every month row of that year.
 * `describe` names the key for the message.
 */
export function checkOverlappingPeriods<T extends { period: { year: number; month?: number } }>(
  checks: TableChecks,
  file: InputFileName,
  rows: readonly Located<T>[] | undefined,
  key: (row: T) => string,
  describe: (row: T, period: string) => string,
): void {
  const years = new Map<string, number>();
  const months = new Map<string, number>();
  const monthText = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  for (const { line, row } of rows ?? []) {
    const yearKey = `${key(row)}\u0000${row.period.year}`;
    if (row.period.month === undefined) {
      const clash = years.get(yearKey) ?? months.get(yearKey);
      if (clash !== undefined) at(checks, file, line, 'period', 'DUPLICATE_KEY', `${describe(row, String(row.period.year))} overlaps line ${clash}`);
      else years.set(yearKey, line);
    } else {
      const monthKey = `${key(row)}\u0000${row.period.month}`;
      const clash = years.get(yearKey) ?? months.get(monthKey);
      if (clash !== undefined) at(checks, file, line, 'period', 'DUPLICATE_KEY', `${describe(row, monthText(row.period.month))} overlaps line ${clash}`);
      else {
        months.set(monthKey, line);
        if (!months.has(yearKey)) months.set(yearKey, line);
      }
    }
  }
}
