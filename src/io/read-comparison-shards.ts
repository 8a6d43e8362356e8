import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../base/errors.js';
import type { Table } from '../base/report-file.js';
import { readReportTable } from '../inputs/read-report-table.js';

/** A shard's comparison file, read back to the plain form (`.` decimals) whatever its dialect. */
export interface ShardTable {
  readonly file: string;
  /** comparison.csv's shard, or comparison_by_system.csv's. */
  readonly kind: 'comparison' | 'comparison_by_system';
  /** K and N of comparison-shard-K-of-N.csv. */
  readonly index: number;
  readonly count: number;
  readonly table: Table;
}

const SHARD_FILE = /^(comparison|comparison_by_system)-shard-(\d+)-of-(\d+)\.csv$/;

/** Every shard file in the folders, in name order per folder; a folder that does not exist is a flag problem. */
export async function readComparisonShards(dirs: readonly string[]): Promise<ShardTable[]> {
  const tables: ShardTable[] = [];
  const missing = [];
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => undefined);
    if (names === undefined) {
      missing.push({ flag: 'merge', value: dir, code: 'FILE_MISSING' as const, message: 'no such folder: give the folders the shards were written to (their --out)' });
      continue;
    }
    for (const name of names.filter((n) => SHARD_FILE.test(n)).sort()) {
      const [, kind, index, count] = SHARD_FILE.exec(name)!;
      const table = readReportTable(await readFile(join(dir, name), 'utf8'));
      tables.push({ file: join(dir, name), kind: kind as ShardTable['kind'], index: Number(index), count: Number(count), table });
    }
  }
  if (missing.length > 0) throw new InputError(missing);
  return tables;
}
