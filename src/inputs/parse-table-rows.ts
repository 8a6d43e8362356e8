import type { z } from 'zod';
import type { CsvTable } from './parse-csv-table.js';
import { didYouMean } from './closest-name.js';
import type { FileIssue, IssueCode } from '../base/input-issue.js';

/** A parsed row with the line it came from, so later checks can point back at it. */
export interface Located<T> {
  readonly line: number;
  readonly row: T;
}

export interface ParsedTable<T> {
  readonly rows: Located<T>[];
  /** 1-based column of each known column in this file's header (absent columns are missing). */
  readonly columns: Readonly<Record<string, number>>;
}

/**
 * Checks the header against the schema's columns, then validates every row. Problems are
 * collected, never thrown, so one pass reports all of them.
 */
export function parseTableRows<S extends z.ZodObject>(
  table: CsvTable,
  schema: S,
): { parsed: ParsedTable<z.infer<S>>; issues: FileIssue[] } {
  const { file, header } = table;
  const issues: FileIssue[] = [];
  const known = Object.keys(schema.shape);
  const columns: Record<string, number> = {};
  header.forEach((name, index) => {
    if (!known.includes(name)) {
      issues.push({
        file,
        line: 1,
        column: index + 1,
        code: 'UNKNOWN_COLUMN',
        message: `unknown column "${name}"${didYouMean(name, known)}; the columns of ${file} are ${known.join(', ')}`,
      });
    } else if (columns[name] !== undefined) {
      issues.push({
        file,
        line: 1,
        column: index + 1,
        code: 'DUPLICATE_COLUMN',
        message: `column "${name}" appears twice (first in column ${columns[name]})`,
      });
    } else {
      columns[name] = index + 1;
    }
  });
  const missing = known.filter((name) => columns[name] === undefined && !isOptional(schema, name));
  for (const name of missing) {
    issues.push({
      file,
      line: 1,
      column: 1,
      code: 'MISSING_COLUMN',
      message: `required column "${name}" is missing; the header is ${header.join(',') || '(empty)'}`,
    });
  }
  if (issues.length > 0) return { parsed: { rows: [], columns }, issues };
  if (table.rows.length === 0) {
    issues.push({ file, line: 2, column: 1, code: 'NO_ROWS', message: 'the file has a header but no rows' });
  }

  const rows: Located<z.infer<S>>[] = [];
  for (const { line, cells } of table.rows) {
    if (cells.length !== header.length) {
      issues.push({ file, line, code: 'RAGGED_ROW', ...raggedRow(cells, header.length, table.delimiter) });
      continue;
    }
    const record: Record<string, string | undefined> = {};
    for (const [name, column] of Object.entries(columns)) {
      const value = (cells[column - 1] ?? '').trim();
      record[name] = value === '' ? undefined : value;
    }
    const result = schema.safeParse(record);
    if (result.success) {
      rows.push({ line, row: result.data });
      continue;
    }
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '');
      const params = (issue as { params?: { code?: IssueCode } }).params;
      issues.push({
        file,
        line,
        column: columns[name] ?? 1,
        code: params?.code ?? 'BAD_VALUE',
        message: `${name}: ${issue.message}`,
      });
    }
  }
  return { parsed: { rows, columns }, issues };
}

function isOptional(schema: z.ZodObject, name: string): boolean {
  const field = schema.shape[name] as z.ZodType | undefined;
  return field !== undefined && field.safeParse(undefined).success;
}

/**
 * Where a row with the wrong number of fields goes wrong, and why it may: in a comma file an
 * unquoted 20,000 or 0,5 is two cells, so a number split in two is named with the fix.
 */
function raggedRow(cells: readonly string[], expected: number, delimiter: ',' | ';'): { column: number; message: string } {
  const found = `expected ${expected} fields as in the header, found ${cells.length}`;
  if (cells.length < expected) {
    return { column: cells.length + 1, message: `${found}: every row needs a field for every column, empty ones included (write ,, for an empty cell)` };
  }
  if (delimiter === ',') {
    const extra = cells.length - expected;
    for (let i = 0; i + 1 < cells.length; i++) {
      if (!/^[+-]?\d{1,3}$/.test(cells[i]!.trim())) continue;
      let j = i;
      while (j + 1 < cells.length && j - i < extra && /^\d{3}$/.test(cells[j + 1]!.trim())) j++;
      if (j === i) continue;
      const parts = cells.slice(i, j + 1).map((c) => c.trim());
      return {
        column: i + 1,
        message:
          `${found}: "${parts.join(',')}" looks like one number with a thousands separator, and in a comma-separated file the comma ` +
          `splits the cell: write ${parts.join('')} (no thousands separator, a decimal point for decimals), or quote the cell`,
      };
    }
    return { column: expected + 1, message: `${found}: a comma inside a cell splits it; quote such a cell ("a, b"), and write numbers without thousands separators or decimal commas` };
  }
  return { column: expected + 1, message: `${found}: a ; inside a cell splits it; quote such a cell ("a; b")` };
}
