import type { Command } from 'commander';
import { join } from 'node:path';
import { readComparisonShards } from '../../io/read-comparison-shards.js';
import { readRiskShards } from '../../io/read-risk-shards.js';
import type { CsvDialect } from '../../render/csv-dialect.js';
import { mergeShards } from '../../run/merge-shards.js';
import type { CliContext } from '../cli-context.js';
import { addFlags } from '../options.js';
import { writeComparison } from '../write-comparison.js';
import { writeMergedRisk } from '../write-merged-risk.js';

const EXAMPLES = `
Every shard 1..N must be there, once: otherwise nothing is written and the exit code is 2.

Examples:
  rampup sweep --set budget_scale=0.5:3:0.25 --shard 1/2 --out study/   (and --shard 2/2, anywhere)
  rampup merge study/                        writes study/comparison.csv, .md, .html
  rampup merge node1/ node2/ --out study/    shards from several machines
  rampup merge risk-a/ risk-b/ --out risk/   samples of rampup risk --shard K/N`;

/** `rampup merge`: the shards of a study joined into the files an unsharded run writes. */
export function registerMergeCommand(program: Command, cli: CliContext): void {
  addFlags(
    program
      .command('merge')
      .description('join the comparison files of shards (--shard K/N) into one comparison.csv, or the samples of risk shards into a risk folder')
      .argument('<dirs...>', 'folders holding comparison-shard-K-of-N.csv (or samples-shard-K-of-N.csv) files')
      .option('--out <dir>', 'where to write the merged files (default: the first folder)'),
    ['csv', 'xlsx'],
  )
    .addHelpText('after', EXAMPLES)
    .action(async (dirs: string[], flags: { out?: string; csv: CsvDialect; xlsx?: boolean }) => {
      // Everything is read and checked first: an incomplete set of shards writes nothing.
      const out = flags.out ?? dirs[0]!;
      const risk = await readRiskShards(dirs);
      const shards = await readComparisonShards(dirs);
      const tables = shards.length > 0 || risk.length === 0 ? mergeShards(shards, dirs.join(' ')) : undefined;
      if (risk.length > 0) await writeMergedRisk(risk, out, flags.csv, cli.io.out);
      if (!tables) return;
      await writeComparison(out, tables, { csv: flags.csv, xlsx: Boolean(flags.xlsx) });
      cli.io.out(`merged ${shards.length} shard file(s), ${tables.table.rows.length} runs, into ${join(out, 'comparison.csv')}`);
      cli.io.out(`open ${join(out, 'comparison.html')} to compare the runs`);
    });
}
