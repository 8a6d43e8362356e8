import ExcelJS from 'exceljs';

/** One sheet of the workbook: a report table of formatted cells, as in the CSV files. */
export interface XlsxTable {
  readonly sheet: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** One line of a workbook's first sheet: what it is, and its value (a number shown in `format`). */
export interface AboutLine {
  readonly label: string;
  readonly value: string | number;
  readonly format?: 'eur' | 'pct' | 'units' | 'number';
}

/**
 * A workbook: a first sheet "About" (the headline and the settings) when given, then one sheet
 * per table: plain-number cells typed as numbers and shown with thousands separators, money in
 * whole euros, `_pct` columns as percentages, units whole (the cell keeps the three decimals of
 * the CSV); the header bold and frozen, columns as wide as their text. The same tables give the
 * same bytes: the document dates are fixed and the zip entries' timestamps set to 1980-01-01.
 */
export async function renderXlsx(tables: readonly XlsxTable[], about: readonly AboutLine[] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'rampup';
  workbook.lastModifiedBy = 'rampup';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const names = sheetNames([...(about.length > 0 ? ['About'] : []), ...tables.map((t) => t.sheet)]);
  if (about.length > 0) {
    const sheet = workbook.addWorksheet(names.shift()!, { pageSetup: { ...PRINT, orientation: 'portrait' } });
    for (const line of about) {
      const row = sheet.addRow([line.label, line.value]);
      row.getCell(1).font = { bold: true };
      row.getCell(1).alignment = { vertical: 'top' };
      if (typeof line.value === 'number') row.getCell(2).numFmt = FORMATS[line.format ?? 'number'](line.value);
      const lines = typeof line.value === 'string' ? textLines(line.value, ABOUT_WIDTH) : 1;
      row.getCell(2).alignment = { horizontal: 'left', vertical: 'top', wrapText: lines > 1 };
      // A wrapped cell gets the height of its lines: spreadsheets do not grow a row for it on opening, and the next rows would overlap it.
      if (lines > 1) row.height = LINE_POINTS * lines;
    }
    sheet.getColumn(1).width = Math.max(12, ...about.map((l) => l.label.length + 2));
    sheet.getColumn(2).width = ABOUT_WIDTH;
  }
  tables.forEach((table, i) => {
    const sheet = workbook.addWorksheet(names[i]!, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }], pageSetup: { ...PRINT, printTitlesRow: '1:1' } });
    sheet.addRow([...table.header]).font = { bold: true };
    const kinds = table.header.map(columnKind);
    for (const row of table.rows) {
      const added = sheet.addRow(row.map((text, c) => cellValue(text, kinds[c]!)));
      row.forEach((text, c) => {
        const value = cellValue(text, kinds[c]!);
        if (typeof value === 'number') added.getCell(c + 1).numFmt = FORMATS[kinds[c]!](value);
      });
    }
    sheet.columns.forEach((column, c) => {
      const longest = Math.max(table.header[c]?.length ?? 0, ...table.rows.map((r) => r[c]?.length ?? 0));
      column.width = Math.min(60, Math.max(8, longest + 2));
    });
    if (table.header.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  });
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return fixZipTimestamps(bytes);
}

/**
 * Printing: A4 landscape, every column on one page wide, as many pages down as the rows need
 * (a sheet of 24 months of lines would otherwise print as hundreds of pages), the header
 * repeated on each.
 */
const PRINT = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: false } as const;

/** The About sheet's text column, in characters, and the height of one line of text in points. */
const ABOUT_WIDTH = 90;
const LINE_POINTS = 15;

/** How many lines a text takes in a column `width` characters wide: its own lines, each wrapped. */
function textLines(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / (width - 2))), 0);
}

type Kind = NonNullable<AboutLine['format']>;

/** Columns that count units (the report tables' names for them, README "Reports"). */
const UNIT_COLUMNS = new Set(['need', 'delivered', 'from_stock', 'shortfall', 'units', 'capacity_online', 'capacity_ordered', 'ceiling', 'shortfall_money_cannot_close', 'shortfall_units']);

/** How a column's numbers read, from its name: units live in names (`_eur`, `_pct`). */
function columnKind(header: string): Kind {
  if (header.endsWith('_eur')) return 'eur';
  if (header.endsWith('_pct')) return 'pct';
  return UNIT_COLUMNS.has(header) ? 'units' : 'number';
}

/** Display formats: thousands grouped, percentages as percentages, whole euros and units. */
const FORMATS: Readonly<Record<Kind, (value: number) => string>> = {
  eur: () => '#,##0',
  pct: () => '0.0%',
  units: () => '#,##0',
  number: (v) => (Number.isInteger(v) ? '#,##0' : '#,##0.0##'),
};

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * A number as the reports write it ("12.5", "0", "-3"): no exponent, no leading zero, no
 * thousands separator, at most 15 significant digits so that the number is exact. Codes such
 * as "007" or months such as "2026-01" stay text.
 */
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

function cellValue(text: string, kind: Kind): string | number | null {
  if (text === '') return null;
  if (!PLAIN_NUMBER.test(text) || text.replace(/[-.]/g, '').replace(/^0+/, '').length > 15) return text;
  // A percentage cell holds the fraction, as a spreadsheet's own percentages do (25.2 % is 0.252).
  return kind === 'pct' ? Number(text) / 100 : Number(text);
}

/** Excel's rules: 1 to 31 characters, none of []:*?/\, unique ignoring case. */
function sheetNames(wanted: readonly string[]): string[] {
  const used = new Set<string>();
  return wanted.map((name, i) => {
    const base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'|'$/g, '_').slice(0, 31) || `Sheet${i + 1}`;
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * Sets the modification time of every zip entry to the earliest DOS time (1980-01-01 00:00),
 * in its local header and in the central directory (PKWARE APPNOTE 4.3.7 and 4.3.12). exceljs
 * stamps each entry with the current time and offers no option for it; nothing else in the
 * file changes run to run, and the timestamps are covered by no checksum.
 */
function fixZipTimestamps(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const END = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const LOCAL = 0x04034b50;
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END) end--;
  if (end < 0) throw new Error('xlsx: no end of central directory in the zip written by exceljs');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = 0x21; // (1980 - 1980) << 9 | 1 << 5 | 1: 1980-01-01
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error('xlsx: unexpected zip central directory');
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error('xlsx: unexpected zip local header');
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
