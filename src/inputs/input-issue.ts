/** One problem found in a data folder, located to the cell where possible. */
export interface FileIssue {
  /** File name inside the data folder (or a path for command-line settings). */
  readonly file: string;
  /** 1-based line; the header is line 1. */
  readonly line: number;
  /** 1-based column; 1 when the problem concerns a whole line or file. */
  readonly column: number;
  readonly code: IssueCode;
  readonly message: string;
}

/** A problem with a command-line flag (or an option given to the library), named as the user typed it. */
export interface FlagIssue {
  /** The flag, e.g. `--set` or `--scenario`. */
  readonly flag: string;
  /** What was given with it. */
  readonly value: string;
  readonly code: IssueCode;
  readonly message: string;
}

/** A problem in the input: in a data file, or in a flag. */
export type InputIssue = FileIssue | FlagIssue;

export function isFlagIssue(issue: InputIssue): issue is FlagIssue {
  return 'flag' in issue;
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
  | 'UNKNOWN_PAYER'
  | 'UNKNOWN_SELECTOR'
  | 'UNKNOWN_MATERIAL'
  | 'UNKNOWN_LINE'
  | 'CODE_CLASH'
  | 'CHANNEL_REACHES_NOTHING'
  | 'COMMITMENT_ABOVE_CAPACITY'
  | 'BOM_CYCLE'
  | 'DUPLICATE_KEY'
  | 'CEILING_BELOW_CAPACITY'
  | 'UNKNOWN_SETTING'
  | 'UNKNOWN_SCENARIO'
  | 'UNKNOWN_TARGET'
  | 'BAD_SETTING_VALUE'
  | 'EMPTY_HORIZON';

/** `folder/file:line:column CODE message` for a file, `--flag value: CODE message` for a flag. */
export function formatInputIssue(issue: InputIssue, folder?: string): string {
  if (isFlagIssue(issue)) return `${issue.flag}${issue.value === '' ? '' : ` ${issue.value}`}: ${issue.code} ${issue.message}`;
  const where = folder ? `${folder.replace(/\/+$/, '')}/${issue.file}` : issue.file;
  return `${where}:${issue.line}:${issue.column} ${issue.code} ${issue.message}`;
}

/**
 * Stable order, so output never depends on check order: flag problems first, as given;
 * then by file, line, column, code and message.
 */
export function sortInputIssues(issues: readonly InputIssue[]): InputIssue[] {
  const flags = issues.filter(isFlagIssue);
  const files = issues.filter((i): i is FileIssue => !isFlagIssue(i));
  return [...flags, ...sortFileIssues(files)];
}

export function sortFileIssues(issues: readonly FileIssue[]): FileIssue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}
