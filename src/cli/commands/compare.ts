import type { Command } from 'commander';
import { findRunFolder } from '../../io/read-run-folder.js';
import type { CsvDialect } from '../../render/csv-dialect.js';
import type { CliContext } from '../cli-context.js';
import { addFlags, folderOfRun, outFolder } from '../options.js';
import { writeRunComparison } from '../write-run-comparison.js';

const EXAMPLES = `
A and B are report folders (paths), or the names of runs in the reports folder (reports/ for the
bundled data, DIR/reports/ for --data DIR). The comparison goes into a folder of its own beside B
(compare+A+vs+B/): comparison_by_year.csv, comparison_money_flows.csv and comparison.md.

Examples:
  rampup compare baseline baseline+budget_scale:DE=2        B against A, per system and year
  rampup compare reports/baseline reports/pooled --from 2026-07
                                                            and the promises from July 2026 (needs rampup guarantees in each)
  rampup plan --set budget_scale=2 --against baseline       the same, right after a plan`;

interface CompareFlags {
  data: string;
  out?: string;
  from?: string;
  csv: CsvDialect;
  json?: boolean;
}

/** `rampup compare A B`: what B delivers, promises and pays against A, per system and year. */
export function registerCompareCommand(program: Command, cli: CliContext): void {
  addFlags(
    program
      .command('compare')
      .description('compare two runs: per system and year, need, delivered and the difference; the promise from --from; the money flows that changed most')
      .argument('<run-a>', 'the run compared against: a report folder, or a run name in the reports folder')
      .argument('<run-b>', 'the run compared: a report folder, or a run name')
      .option('--from <YYYY-MM>', 'start month of the promises compared (default: the --from of their rampup guarantees, else the first month)')
      .option('--out <dir>', 'where the comparison folder goes (default: beside B)'),
    ['data', 'csv', 'json'],
  )
    .addHelpText('after', EXAMPLES)
    .action(async (runA: string, runB: string, flags: CompareFlags) => {
      const reports = outFolder({ data: flags.data });
      const folderOf = (run: string) => folderOfRun(run).folder;
      const [a, b] = [await findRunFolder(runA, 'compare', reports, folderOf), await findRunFolder(runB, 'compare', reports, folderOf)];
      await writeRunComparison(a, b, { from: flags.from, csv: flags.csv, json: Boolean(flags.json), out: flags.out }, cli.io.out);
    });
}
