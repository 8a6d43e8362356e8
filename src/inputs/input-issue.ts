/** One problem found in a data folder, located to the cell where possible. */
export interface InputIssue {
  /** File name inside the data folder (or a path for command-line settings). */
  readonly file: string;
  /** 1-based line; the header is line 1. */
  readonly line: number;
  /** 1-based column; 1 when the problem concerns a whole line or file. */
  readonly column: number;
  readonly code: IssueCode;
  readonly message: string;
}

export type IssueCode =
  | 'FILE_MISSING'
  | 'FILE_UNREADABLE'
  | 'BAD_ENCODING'
  | 'NUL_BYTE'
  | 'EMPTY_FILE'
  | 'NO_ROWS'
  | 'CSV_SYNTAX'
  | 'MISSING_COLUMN'
  | 'UNKNOWN_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'RAGGED_ROW'
  | 'MISSING_VALUE'
  | 'NOT_A_NUMBER'
  | 'THOUSANDS_SEPARATOR'
  | 'NEGATIVE_NUMBER'
  | 'NOT_AN_INTEGER'
  | 'OUT_OF_RANGE'
  | 'BAD_PERIOD'
  | 'BAD_CODE'
  | 'BAD_VALUE'
  | 'UNKNOWN_COUNTRY'
  | 'UNKNOWN_SYSTEM'
  | 'UNKNOWN_SOURCE'
  | 'DUPLICATE_KEY'
  | 'CEILING_BELOW_CAPACITY'
  | 'UNKNOWN_SETTING'
  | 'UNKNOWN_TARGET'
  | 'BAD_SETTING_VALUE'
  | 'EMPTY_HORIZON';

export function formatInputIssue(issue: InputIssue, folder?: string): string {
  const where = folder ? `${folder.replace(/\/+$/, '')}/${issue.file}` : issue.file;
  return `${where}:${issue.line}:${issue.column} ${issue.code} ${issue.message}`;
}

/** Stable order: by file, line, column, then code, so output never depends on check order. */
export function sortInputIssues(issues: readonly InputIssue[]): InputIssue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}
