import type { z } from 'zod';
import type { CsvTable } from './parse-csv-table.js';
import type { FileIssue, IssueCode } from './input-issue.js';

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
        message: `unknown column "${name}"; the columns of ${file} are ${known.join(', ')}`,
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
      issues.push({
        file,
        line,
        column: Math.min(cells.length, header.length) + 1,
        code: 'RAGGED_ROW',
        message: `expected ${header.length} fields as in the header, found ${cells.length}`,
      });
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
