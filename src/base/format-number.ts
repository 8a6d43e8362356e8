/**
 * Numbers in reports: fixed decimals per kind, no exponent, no "-0", so that the same plan
 * prints the same bytes on every run and every spreadsheet reads it as a number.
 */
export function formatFixed(value: number, decimals: number): string {
  let text = value.toFixed(decimals);
  // Trimming trailing zeros keeps "12.5" rather than "12.500".
  if (decimals > 0) {
    let end = text.length;
    while (text.charCodeAt(end - 1) === 48) end--; // '0'
    if (text.charCodeAt(end - 1) === 46) end--; // '.'
    text = text.slice(0, end);
  }
  return text === '-0' ? '0' : text;
}

/** Units: three decimals (an LP plan can split units; reports do not hide that). */
export const units = (v: number) => formatFixed(v, 3);
/** Money: whole euros. */
export const euros = (v: number) => formatFixed(v, 0);
/** Percentages: two decimals. */
export const percent = (v: number) => formatFixed(v, 2);
/** Weighted shortfall and other model quantities. */
export const quantity = (v: number) => formatFixed(v, 6);

/**
 * Human-readable money for Markdown: EUR 1.23 bn / EUR 45.6 m / EUR 7,800. The unit is chosen
 * after rounding, so that EUR 999.96 m reads EUR 1.00 bn, not EUR 1000.0 m.
 */
export function humanEuros(value: number): string {
  const millions = Number((value / 1e6).toFixed(1));
  if (Math.abs(millions) >= 1000) return `EUR ${(value / 1e9).toFixed(2)} bn`;
  if (Math.abs(Math.round(value)) >= 1e6) return `EUR ${millions.toFixed(1)} m`;
  return `EUR ${GROUPED.format(Math.round(value))}`;
}

const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Human-readable count for Markdown, with thousands separators (never in CSV). */
export function humanUnits(value: number): string {
  return GROUPED.format(Math.round(value));
}

/**
 * Human-readable share for Markdown, HTML and the terminal: 0.253 -> "25.3 %". A share that is
 * not 0 or 1 never reads as one: 99.97 % is "> 99.9 %", so a gap is never shown as met.
 */
export function humanPercent(share: number): string {
  const text = `${(100 * share).toFixed(1)} %`;
  if (text === '100.0 %' && share < 1) return '> 99.9 %';
  if (text === '0.0 %' && share > 0) return '< 0.1 %';
  return text;
}

/** A Markdown table; a `|` inside a cell is escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
