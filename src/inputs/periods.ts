/** A month as an integer index: year * 12 + (month - 1). Keeps arithmetic on horizons trivial. */
export type MonthIndex = number;

const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

export function parseMonth(text: string): MonthIndex | undefined {
  const m = MONTH.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return undefined;
  return year * 12 + (month - 1);
}

export function parseYear(text: string): number | undefined {
  const m = YEAR.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  return year < 1900 || year > 2200 ? undefined : year;
}

export function formatMonth(index: MonthIndex): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * How to write a month that did not parse, when the text says what was meant: "2026-7" and
 * "2026-07-01" are 2026-07, "Jul-26" or "July 2026" (a spreadsheet's date format) too; a date
 * such as 01/07/2026 is named as a spreadsheet's conversion, without guessing day or month;
 * "07/2026" and "7.2026" (month first) are 2026-07, and a spreadsheet's date serial number
 * (46204, days since 1899-12-30) is read back to the month it stands for.
 */
export function monthHint(text: string): string {
  const t = text.trim();
  const pad = (m: number) => String(m).padStart(2, '0');
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return ` (write ${m[1]}-${pad(Number(m[2]))})`;
  m = /^(\d{4})-(\d{2})-\d{2}([ T].*)?$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return ` (a date: write the month, ${m[1]}-${m[2]})`;
  m = /^([A-Za-z]{3})[a-z]*[-. /']+(\d{2}|\d{4})$/.exec(t);
  const month = m ? MONTH_NAMES.indexOf(m[1]!.toLowerCase()) : -1;
  if (m && month >= 0) return ` (write ${m[2]!.length === 2 ? `20${m[2]}` : m[2]}-${pad(month + 1)})`;
  m = /^(\d{1,2})[-/. ](\d{4})$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return ` (write ${m[2]}-${pad(Number(m[1]))}: year first)`;
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(t)) return ': a spreadsheet turned the month into a date; format the column as Text and write YYYY-MM, e.g. 2026-01';
  m = /^(\d{5})(\.\d+)?$/.exec(t);
  if (m && Number(m[1]) >= EXCEL_2000 && Number(m[1]) < EXCEL_2100) {
    const date = new Date(EXCEL_EPOCH + Number(m[1]) * 86_400_000);
    const month = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
    return `: a spreadsheet's date number (${month}-${pad(date.getUTCDate())}); format the column as Text and write the month, ${month}`;
  }
  return '';
}

/** Spreadsheet dates are days since 1899-12-30; serial numbers of the years 2000 to 2099. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const EXCEL_2000 = 36_526;
const EXCEL_2100 = 73_051;
