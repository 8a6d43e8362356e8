import { InputError } from '../errors.js';
import type { ShardTable } from '../io/read-comparison-shards.js';
import type { Table } from '../render/report-table.js';

/**
 * The shards of one study joined into the table an unsharded run writes, rows in run order;
 * runs missing from every shard are listed. Shards of different studies, or a run in two
 * shards, are input problems.
 */
export function mergeShards(shards: readonly ShardTable[], where: string): { table: Table; missing: number[] } {
  if (shards.length === 0) throw new InputError([{ flag: 'merge', value: where, code: 'FILE_MISSING', message: 'no comparison-shard-K-of-N.csv files found' }]);
  const header = shards[0]!.table.header;
  const mismatch = shards.filter((t) => t.table.header.join(',') !== header.join(','));
  if (mismatch.length > 0) {
    throw new InputError(mismatch.map((m) => ({ file: m.file, line: 1, column: 1, code: 'BAD_VALUE' as const, message: "its columns differ from the first shard's: shards of different runs?" })));
  }
  const rows = shards.flatMap((t) => t.table.rows).sort((a, b) => Number(a[0]) - Number(b[0]));
  const runs = rows.map((r) => Number(r[0]));
  const duplicate = runs.find((r, i) => i > 0 && r === runs[i - 1]);
  if (duplicate !== undefined) throw new InputError([{ flag: 'merge', value: where, code: 'DUPLICATE_KEY', message: `run ${duplicate} appears in two shards` }]);
  const present = new Set(runs);
  const missing = runs.length > 0 ? Array.from({ length: runs.at(-1)! }, (_, i) => i + 1).filter((r) => !present.has(r)) : [];
  return { table: { header, rows }, missing };
}

/** The title of a comparison page, from its table: a sweep has its key as the third column. */
export function comparisonTitle(table: Table): string {
  return table.header[2] !== 'status' ? `Sweep of ${table.header[2]}` : 'Scenario comparison';
}
