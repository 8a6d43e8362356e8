import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readNumber } from '../inputs/cells.js';
import type { Table } from '../render/report-table.js';

/** A shard's comparison file, read back to the plain form (`.` decimals) whatever its dialect. */
export interface ShardTable {
  readonly file: string;
  readonly table: Table;
}

const SHARD_FILE = /^comparison-shard-\d+-of-\d+\.csv$/;

/** Every comparison-shard-K-of-N.csv in the folders, in name order per folder. */
export async function readComparisonShards(dirs: readonly string[]): Promise<ShardTable[]> {
  const tables: ShardTable[] = [];
  for (const dir of dirs) {
    const names = (await readdir(dir)).filter((n) => SHARD_FILE.test(n)).sort();
    for (const name of names) {
      const text = (await readFile(join(dir, name), 'utf8')).replace(/^\ufeff/, '');
      const delimiter = text.split('\n')[0]!.includes(';') ? ';' : ',';
      const [header, ...rows] = parse(text, { delimiter, relax_column_count: false }) as string[][];
      // Back to the plain form, so that the merged files are written in the dialect asked for.
      const plain = rows.map((r) =>
        r.map((c) => {
          const n = readNumber(c, delimiter);
          return typeof n === 'number' && c !== '' ? String(n) : c;
        }),
      );
      tables.push({ file: join(dir, name), table: { header: header!, rows: plain } });
    }
  }
  return tables;
}
