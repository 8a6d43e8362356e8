import type { Table } from './report-table.js';
import { renderXlsx } from './render-xlsx.js';
import { comparisonAbout } from './xlsx-about.js';

/** comparison.xlsx: what was compared, then comparison.csv and comparison_by_system.csv as sheets. */
export function renderComparisonXlsx(title: string, table: Table, bySystem: Table | undefined): Promise<Uint8Array> {
  return renderXlsx([{ sheet: 'comparison', ...table }, ...(bySystem ? [{ sheet: 'comparison_by_system', ...bySystem }] : [])], comparisonAbout(title, table));
}
