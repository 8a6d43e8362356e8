import { parse, CsvError } from 'csv-parse/sync';
import type { InputIssue } from './input-issue.js';

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
function detectDelimiter(text: string): ',' | ';' {
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
): { table?: CsvTable; issues: InputIssue[] } {
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
