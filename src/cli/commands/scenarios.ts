import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { didYouMean } from '../../inputs/closest-name.js';
import { loadDataSet } from '../../inputs/load-data-set.js';
import { readDataFolder } from '../../io/read-data-folder.js';
import { BASELINE } from '../../scenario/prepare-scenario.js';
import { scenarioNames } from '../../scenario/scenario-rows.js';
import type { CliContext } from '../cli-context.js';
import { SET_FLAGS, addFlags, type RunFlags } from '../options.js';
import { runSetAndWrite } from '../run-set.js';

const EXAMPLES = `
Examples:
  rampup scenarios                          every scenario of the bundled data
  rampup scenarios --only baseline,pooled --jobs 2
  rampup scenarios --shard 2/8 --out study/   one slice of eight; then rampup merge study/`;

/** `rampup scenarios`: every scenario of scenarios.csv, a folder each and a comparison. */
export function registerScenariosCommand(program: Command, cli: CliContext): void {
  addFlags(program.command('scenarios').description('solve every scenario of scenarios.csv and write a comparison'), SET_FLAGS)
    .option('--only <names>', 'comma-separated scenarios to run')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: RunFlags & { only?: string }) => {
      cli.setFolder(flags.data);
      const data = loadDataSet((await readDataFolder(flags.data)).files);
      const names = scenarioNames(data);
      const all = names.length > 0 ? names : [BASELINE];
      const wanted = flags.only ? flags.only.split(',').map((s) => s.trim()).filter(Boolean) : all;
      const unknown = wanted.filter((w) => !all.includes(w) && w !== BASELINE);
      if (unknown.length > 0) {
        throw new InputError(unknown.map((u) => ({ flag: '--only', value: u, code: 'UNKNOWN_SCENARIO' as const, message: `no scenario named "${u}"${didYouMean(u, all)}; the scenarios are ${all.join(', ')}` })));
      }
      const jobs = wanted.map((name, i) => ({ run: i + 1, scenario: name, label: name, set: flags.set }));
      await runSetAndWrite(flags, jobs, true, 'Scenario comparison', undefined, cli);
    });
}
