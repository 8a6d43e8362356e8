import type { Command } from 'commander';
import { InputError } from '../../base/errors.js';
import { didYouMean } from '../../inputs/closest-name.js';
import { loadDataSet } from '../../inputs/load-data-set.js';
import { readDataFolder } from '../../io/read-data-folder.js';
import { BASELINE } from '../../scenario/prepare-scenario.js';
import { runName, scenarioSetName } from '../../scenario/run-name.js';
import { scenarioNames } from '../../scenario/scenario-rows.js';
import type { CliContext } from '../cli-context.js';
import { SET_FLAGS, addFlags, folderName, type RunFlags } from '../options.js';
import { runSetAndWrite } from '../run-set.js';
import { settingsHelp } from '../settings-help.js';

const EXAMPLES = `
Every scenario as it stands writes to the reports folder itself (reports/ for the bundled data,
DIR/reports/ for --data DIR); a subset (--only) or a variant (--set) gets a folder of its own in it.

Examples:
  rampup scenarios                          every scenario of the bundled data: reports/
  rampup scenarios --data my-data           every scenario of your data: my-data/reports/
  rampup scenarios --only baseline,pooled --set budget_scale=2
                                            reports/scenarios+only=baseline,pooled+budget_scale=2/
  rampup scenarios --shard 2/8 --out study/ one slice of eight; then rampup merge study/
  rampup scenarios --xlsx                   also comparison.xlsx, and report.xlsx in every folder`;

/** `rampup scenarios`: every scenario of scenarios.csv, a folder each and a comparison. */
export function registerScenariosCommand(program: Command, cli: CliContext): void {
  addFlags(program.command('scenarios').description('solve every scenario of scenarios.csv and write a comparison'), SET_FLAGS)
    .option('--only <names>', 'comma-separated scenarios to run')
    .addHelpText('after', `${EXAMPLES}\n\n${settingsHelp()}`)
    .action(async (flags: RunFlags & { only?: string }) => {
      cli.setFolder(flags.data);
      const data = loadDataSet((await readDataFolder(flags.data)).files);
      const names = scenarioNames(data);
      const all = names.length > 0 ? names : [BASELINE];
      const only = flags.only?.split(',').map((s) => s.trim()).filter(Boolean);
      const wanted = only ?? all;
      const unknown = wanted.filter((w) => !all.includes(w) && w !== BASELINE);
      if (wanted.length === 0) {
        throw new InputError([{ flag: '--only', value: flags.only ?? '', code: 'UNKNOWN_SCENARIO', message: `name one or more scenarios, e.g. --only ${all.slice(0, 2).join(',')}; the scenarios are ${all.join(', ')}` }]);
      }
      if (unknown.length > 0) {
        throw new InputError(unknown.map((u) => ({ flag: '--only', value: u, code: 'UNKNOWN_SCENARIO' as const, message: `no scenario named "${u}"${didYouMean(u, all)}; the scenarios are ${all.join(', ')}` })));
      }
      const jobs = wanted.map((name, i) => ({ run: i + 1, scenario: name, label: runName(name, flags.set), set: flags.set }));
      const setName = scenarioSetName(only, flags.set);
      const name = flags.name !== undefined || setName !== undefined ? folderName(flags, setName ?? '') : undefined;
      await runSetAndWrite(flags, { jobs, writeFolders: true, title: 'Scenario comparison', name }, cli);
    });
}
