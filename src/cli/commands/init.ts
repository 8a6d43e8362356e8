import type { Command } from 'commander';
import { writeExampleFolder } from '../../io/write-example-folder.js';
import type { CliContext } from '../cli-context.js';

/** `rampup init DIR`: a small, valid data folder to start from. */
export function registerInitCommand(program: Command, cli: CliContext): void {
  program
    .command('init')
    .description('write a small, valid data folder to start from')
    .argument('<dir>', 'folder to create (must be empty or absent)')
    .action(async (dir: string) => {
      const names = await writeExampleFolder(dir);
      cli.io.out(`Wrote a small data folder to ${dir}/ (${names.join(', ')}).\nNext: rampup validate --data ${dir} && rampup plan --data ${dir}`);
    });
}
