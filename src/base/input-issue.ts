/** One problem found in a data folder, located to the cell where possible. */
export interface FileIssue<C extends string = IssueCode> {
  /** File name inside the data folder (or a path for command-line settings). */
  readonly file: string;
  /** 1-based line; the header is line 1. */
  readonly line: number;
  /** 1-based column; 1 when the problem concerns a whole line or file. */
  readonly column: number;
  readonly code: C;
  readonly message: string;
}

/** A problem with a command-line flag (or an option given to the library), named as the user typed it. */
export interface FlagIssue<C extends string = IssueCode> {
  /** The flag, e.g. `--set` or `--scenario`. */
  readonly flag: string;
  /** What was given with it. */
  readonly value: string;
  readonly code: C;
  readonly message: string;
}

/** A problem in the input: in a data file, or in a flag. */
export type InputIssue = FileIssue | FlagIssue;

/**
 * Something that is allowed but probably a mistake (money outside the horizon, a line no one
 * can pay, a file rampup does not read). Located like an InputIssue; it never stops a run
 * and never changes the exit code, and every report's manifest.json lists it.
 */
export type InputWarning = FileIssue<WarningCode> | FlagIssue<WarningCode>;

export function isFlagIssue<C extends string>(issue: FileIssue<C> | FlagIssue<C>): issue is FlagIssue<C> {
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
  | 'CANDIDATE_WITH_CAPACITY'
  | 'OUTSIDE_HORIZON'
  | 'CONFLICTING_VALUES'
  | 'UNKNOWN_SETTING'
  | 'UNKNOWN_SCENARIO'
  | 'UNKNOWN_TARGET'
  | 'BAD_SETTING_VALUE'
  | 'EMPTY_HORIZON';

export type WarningCode =
  /** A file in the data folder that rampup does not read (a misspelt name, another format). */
  | 'UNKNOWN_FILE'
  /** A budget row (or part of a year row) outside the horizon: its money is never used. */
  | 'BUDGET_OUTSIDE_HORIZON'
  /** Needs for a system that no line makes (and no stock covers). */
  | 'NO_LINE_FOR_NEED'
  /** A production line that no money of the scenario may pay for. */
  | 'LINE_WITHOUT_PAYER'
  /** Money of a payer that the scenario's financing lets buy nothing. */
  | 'IDLE_BUDGET'
  /** A system whose priority is 0: a shortfall of it costs nothing, so nothing is made for it. */
  | 'ZERO_PRIORITY'
  /** A material that no line makes and no stock holds, but some product needs. */
  | 'MATERIAL_WITHOUT_SUPPLY'
  /** A material that no bom row uses. */
  | 'UNUSED_MATERIAL'
  /** An optional file with nothing in it (not even a header): read as if it were not there. */
  | 'EMPTY_OPTIONAL_FILE';

/** `folder/file:line:column CODE message` for a file, `--flag value: CODE message` for a flag; warnings say so after the place. */
export function formatInputIssue<C extends string>(issue: FileIssue<C> | FlagIssue<C>, folder?: string, kind: 'error' | 'warning' = 'error'): string {
  const tag = kind === 'warning' ? 'warning ' : '';
  if (isFlagIssue(issue)) return `${issue.flag}${issue.value === '' ? '' : ` ${issue.value}`}: ${tag}${issue.code} ${issue.message}`;
  return `${issueFile(issue, folder)}:${issue.line}:${issue.column} ${tag}${issue.code} ${issue.message}`;
}

/** The file of an issue as printed: inside the data folder when one is known. */
export function issueFile(issue: FileIssue<string>, folder?: string): string {
  return folder && !issue.file.includes('/') ? `${folder.replace(/\/+$/, '')}/${issue.file}` : issue.file;
}

/**
 * Stable order, so output never depends on check order: flag problems first, as given;
 * then by file, line, column, code and message.
 */
export function sortInputIssues<C extends string>(issues: readonly (FileIssue<C> | FlagIssue<C>)[]): (FileIssue<C> | FlagIssue<C>)[] {
  const flags = issues.filter((i): i is FlagIssue<C> => isFlagIssue(i));
  const files = issues.filter((i): i is FileIssue<C> => !isFlagIssue(i));
  return [...flags, ...sortFileIssues(files)];
}

export function sortFileIssues<C extends string>(issues: readonly FileIssue<C>[]): FileIssue<C>[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

/** The issues without repeats (the same warning found by two scenarios, say), in first-seen order. */
export function uniqueIssues<T extends FileIssue<string> | FlagIssue<string>>(issues: readonly T[]): T[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify(issue);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
