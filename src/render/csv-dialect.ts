import { stringify } from 'csv-stringify/sync';

/** How CSV reports are written; inputs in any of these are read without options. */
export type CsvDialect = 'rfc4180' | 'excel' | 'excel-eu';
export const CSV_DIALECTS: readonly CsvDialect[] = ['rfc4180', 'excel', 'excel-eu'];

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Writes a table of already formatted cells. `excel` adds a byte-order mark and CRLF so
 * Excel reads UTF-8 (Türkiye, Česko); `excel-eu` also uses `;` and a decimal comma.
 */
export function renderCsv(header: readonly string[], rows: readonly (readonly string[])[], dialect: CsvDialect = 'rfc4180'): string {
  const eu = dialect === 'excel-eu';
  const cells = rows.map((r) =>
    r.map((c) => {
      if (NUMBER.test(c)) return eu ? c.replace('.', ',') : c;
      // Text that starts like a formula would be run by a spreadsheet: keep it text.
      return /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
    }),
  );
  const text = stringify([header as string[], ...(cells as string[][])], {
    delimiter: eu ? ';' : ',',
    record_delimiter: dialect === 'rfc4180' ? 'unix' : 'windows',
  });
  return dialect === 'rfc4180' ? text : `\ufeff${text}`;
}
