import { join } from 'node:path';
import { writeFileAtomically } from '../io/write-file-atomically.js';
import { renderCsv, type CsvDialect } from '../render/csv-dialect.js';
import { renderComparisonHtml } from '../render/html/comparison-page.js';
import type { Table } from '../base/report-file.js';
import { comparisonRowsFromTable, renderComparisonMarkdown } from '../render/tables/comparison-table.js';
import { comparisonTitle } from '../run/merge-shards.js';

export interface ComparisonTables {
  readonly table: Table;
  /** comparison_by_system.csv; absent when merging shards written before it existed. */
  readonly bySystem?: Table | undefined;
}

/**
 * A set's comparison files. A shard writes its two CSV slices; a whole set (or a merge of its
 * shards) writes comparison.csv, comparison_by_system.csv, and comparison.md and .html drawn from
 * those tables, so that merged shards give the same bytes as an unsharded run.
 */
export async function writeComparison(out: string, tables: ComparisonTables, options: { csv: CsvDialect; xlsx: boolean; shard?: { index: number; count: number } | undefined }): Promise<string[]> {
  const { table, bySystem } = tables;
  if (options.shard) {
    const suffix = `-shard-${options.shard.index}-of-${options.shard.count}`;
    const names = [`comparison${suffix}.csv`, ...(bySystem ? [`comparison_by_system${suffix}.csv`] : [])];
    await writeFileAtomically(join(out, names[0]!), renderCsv(table.header, table.rows, options.csv));
    if (bySystem) await writeFileAtomically(join(out, names[1]!), renderCsv(bySystem.header, bySystem.rows, options.csv));
    return names;
  }
  const title = comparisonTitle(table);
  const sweepKey = table.header[2] !== 'status' ? table.header[2] : undefined;
  const files: [string, string | Uint8Array][] = [
    ['comparison.csv', renderCsv(table.header, table.rows, options.csv)],
    ...(bySystem ? ([['comparison_by_system.csv', renderCsv(bySystem.header, bySystem.rows, options.csv)]] as [string, string][]) : []),
    ['comparison.md', renderComparisonMarkdown(table, title, bySystem)],
    ['comparison.html', await renderComparisonHtml(comparisonRowsFromTable(table), { title, ...(sweepKey ? { sweepKey } : {}), ...(bySystem ? { bySystem } : {}) })],
  ];
  if (options.xlsx) {
    const { renderComparisonXlsx } = await import('../render/render-comparison-xlsx.js');
    files.push(['comparison.xlsx', await renderComparisonXlsx(title, table, bySystem)]);
  }
  for (const [name, content] of files) await writeFileAtomically(join(out, name), content);
  return files.map(([name]) => name);
}
