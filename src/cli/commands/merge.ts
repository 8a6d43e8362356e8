import type { Command } from 'commander';
import { join } from 'node:path';
import { PartialFailure } from '../../errors.js';
import { readComparisonShards } from '../../io/read-comparison-shards.js';
import { readRiskShards } from '../../io/read-risk-shards.js';
import { writeFileAtomically } from '../../io/write-file-atomically.js';
import { CSV_DIALECTS, type CsvDialect } from '../../render/csv-dialect.js';
import { renderCsv } from '../../render/csv-dialect.js';
import { mergeShards } from '../../run/merge-shards.js';
import type { CliContext } from '../cli-context.js';
import { writeComparisonPages } from '../run-set.js';
import { writeMergedRisk } from '../write-merged-risk.js';

/** `rampup merge`: the shards of a study joined into the files an unsharded run writes. */
export function registerMergeCommand(program: Command, cli: CliContext): void {
  program
    .command('merge')
    .description('join the comparison files of shards (--shard K/N) into one comparison.csv, or the samples of risk shards into a risk folder')
    .argument('<dirs...>', 'folders holding comparison-shard-K-of-N.csv (or samples-shard-K-of-N.csv) files')
    .option('--out <dir>', 'where to write comparison.csv and comparison.md (default: the first folder)')
    .option('--csv <dialect>', `CSV dialect: ${CSV_DIALECTS.join(', ')}`, 'rfc4180')
    .action(async (dirs: string[], flags: { out?: string; csv: CsvDialect }) => {
      const out = flags.out ?? dirs[0]!;
      const risk = await readRiskShards(dirs);
      if (risk.length > 0) await writeMergedRisk(risk, out, flags.csv, cli.io.out);
      const shards = await readComparisonShards(dirs);
      if (shards.length === 0 && risk.length > 0) return;
      const { table, missing } = mergeShards(shards, dirs.join(' '));
      await writeFileAtomically(join(out, 'comparison.csv'), renderCsv(table.header, table.rows, flags.csv));
      await writeComparisonPages(out, table);
      cli.io.out(`merged ${shards.length} shard file(s), ${table.rows.length} runs, into ${join(out, 'comparison.csv')}`);
      if (missing.length > 0) throw new PartialFailure([`runs missing from the shards: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', ...' : ''}`]);
    });
}
