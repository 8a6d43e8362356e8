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
