import type { Command } from 'commander';
import { writeExampleFolder } from '../../io/write-example-folder.js';
import type { CliContext } from '../cli-context.js';

const EXAMPLES = `
Examples:
  rampup init my-data                   three countries, three systems, six months, three scenarios
  rampup validate --data my-data        then edit the CSV files in a spreadsheet, and check them again
  rampup plan --data my-data            reports in my-data/reports/baseline/`;

/** `rampup init DIR`: a small, valid data folder to start from. */
export function registerInitCommand(program: Command, cli: CliContext): void {
  program
    .command('init')
    .description('write a small, valid data folder to start from')
    .argument('<dir>', 'folder to create (must be empty or absent)')
    .addHelpText('after', EXAMPLES)
    .action(async (dir: string) => {
      const names = await writeExampleFolder(dir);
      cli.io.out(`Wrote a small data folder to ${dir}/ (${names.join(', ')}).\nNext: rampup validate --data ${dir} && rampup plan --data ${dir}   (reports in ${dir}/reports/)`);
    });
}
