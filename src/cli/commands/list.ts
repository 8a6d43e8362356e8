import type { Command } from 'commander';
import { InputError } from '../../base/errors.js';
import { didYouMean } from '../../inputs/closest-name.js';
import { loadDataSet } from '../../inputs/load-data-set.js';
import { readDataFolder } from '../../io/read-data-folder.js';
import { LISTS, listDataSet, type ListName } from '../../scenario/list-data-set.js';
import type { CliContext } from '../cli-context.js';
import { addFlags } from '../options.js';
import { fitNote, fitTable } from '../fit-table.js';
import { printWarnings } from '../print-warnings.js';

const EXAMPLES = `
Examples:
  rampup list scenarios                 the scenarios of the bundled data and their settings
  rampup list settings                  what --set takes, and the codes, groups and categories it may name
  rampup list countries --data my-data  the countries of your data, their lines and budgets
  rampup list systems --json            as JSON, for scripts`;

/** `rampup list`: the scenarios, systems, countries or settings of a data folder, without solving anything. */
export function registerListCommand(program: Command, cli: CliContext): void {
  addFlags(program.command('list').description(`list the ${LISTS.join(', ')} of a data folder (solves nothing)`).argument('<what>', LISTS.join(', ')), ['data', 'json'])
    .addHelpText('after', EXAMPLES)
    .action(async (what: string, flags: { data: string; json?: boolean }) => {
      cli.setFolder(flags.data);
      cli.setReadOnly();
      if (!(LISTS as readonly string[]).includes(what)) {
        throw new InputError([{ flag: 'list', value: what, code: 'BAD_VALUE', message: `rampup can list ${LISTS.join(', ')}${didYouMean(what, LISTS)}` }]);
      }
      const folder = await readDataFolder(flags.data);
      const data = loadDataSet(folder.files, folder.otherFiles);
      printWarnings(data.warnings ?? [], [], flags.data, cli.io.err);
      const listing = listDataSet(data, what as ListName);
      if (flags.json) {
        cli.io.out(JSON.stringify(listing.rows.map((r) => Object.fromEntries(listing.header.map((h, i) => [h, r[i]]))), null, 2));
        return;
      }
      // As wide as the terminal (COLUMNS, or 100 when it is not one): long cells wrap in their column.
      const width = Math.max(60, process.stdout.isTTY ? process.stdout.columns : Number(process.env.COLUMNS) || 100);
      for (const line of fitTable(listing.header, listing.rows, width)) cli.io.out(line);
      if (listing.notes.length > 0) cli.io.out(['', ...listing.notes.flatMap((n) => fitNote(n, width))].join('\n'));
    });
}
