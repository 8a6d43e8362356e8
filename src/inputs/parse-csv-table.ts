import { parse, CsvError } from 'csv-parse/sync';
import type { FileIssue } from '../base/input-issue.js';

export interface CsvRow {
  /** 1-based line of the record in the file. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  /** `;` files come from spreadsheets set to a European locale: they may use a decimal comma. */
  readonly delimiter: ',' | ';';
}

/** The delimiter is read off the header line: `;` when it has more of them than commas. */
export function detectDelimiter(text: string): ',' | ';' {
  const end = text.search(/\r?\n/);
  const first = end < 0 ? text : text.slice(0, end);
  const semicolons = first.split(';').length - 1;
  const commas = first.split(',').length - 1;
  return semicolons > commas ? ';' : ',';
}

/** Splits CSV text into a header and rows with their line numbers; never throws on bad text. */
export function parseCsvTable(
  file: string,
  text: string,
): { table?: CsvTable; issues: FileIssue[] } {
  if (text.trim() === '') {
    return {
      issues: [{ file, line: 1, column: 1, code: 'EMPTY_FILE', message: 'the file is empty; expected a header line' }],
    };
  }
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const info = error as CsvError & { lines?: number; column?: number };
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
        const at = unclosedQuote(text, delimiter);
        return {
          issues: [{ file, ...at, code: 'CSV_SYNTAX', message: 'a quoted field opens here and is never closed; add the closing "' }],
        };
      }
      return {
        issues: [
          {
            file,
            line: info.lines ?? 1,
            column: 1,
            code: 'CSV_SYNTAX',
            message: `${error.message.replace(/^Invalid Record Length: /, '')} (${error.code})`,
          },
        ],
      };
    }
    throw error;
  }
  const [head, ...rest] = records;
  if (!head) {
    return {
      issues: [{ file, line: 1, column: 1, code: 'EMPTY_FILE', message: 'the file is empty; expected a header line' }],
    };
  }
  const header = head.record.map((name) => name.trim());
  const rows = rest
    .filter(({ record }) => record.some((cell) => cell.trim() !== ''))
    .map(({ record, info }) => ({ line: info.lines, cells: record }));
  return { table: { file, header, rows, delimiter }, issues: [] };
}

/** Where the quote that csv-parse found unclosed was opened (it reports the end of the file). */
function unclosedQuote(text: string, delimiter: string): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let open: { line: number; column: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (open && text[i + 1] === '"') i++;
      // The column is the field's number, as everywhere else in the issue list.
      else open = open ? undefined : { line, column: text.slice(lineStart, i).split(delimiter).length };
    } else if (ch === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return open ?? { line, column: 1 };
}
