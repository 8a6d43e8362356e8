import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Table } from '../base/report-file.js';
import { readReportTable } from '../inputs/read-report-table.js';

/** One shard of a risk study as written by `rampup risk --shard K/N`: its samples and its study.json text. */
export interface RiskShard {
  readonly file: string;
  readonly shard: { readonly index: number; readonly count: number };
  readonly samples: Table;
  readonly studyText: string;
}

const SHARD_FILE = /^samples-shard-(\d+)-of-(\d+)\.csv$/;

/** Every samples-shard-K-of-N.csv in the folders with its study-shard-K-of-N.json, cells back in the plain form (`.` decimals). */
export async function readRiskShards(dirs: readonly string[]): Promise<RiskShard[]> {
  const shards: RiskShard[] = [];
  for (const dir of dirs) {
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => SHARD_FILE.test(n)).sort();
    for (const name of names) {
      const [, k, n] = SHARD_FILE.exec(name)!;
      const samples = readReportTable(await readFile(join(dir, name), 'utf8'));
      const studyFile = join(dir, `study-shard-${k}-of-${n}.json`);
      const studyText = await readFile(studyFile, 'utf8').catch(() => '');
      shards.push({ file: join(dir, name), shard: { index: Number(k), count: Number(n) }, samples, studyText });
    }
  }
  return shards;
}
