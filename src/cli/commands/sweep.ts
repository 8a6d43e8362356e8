import type { Command } from 'commander';
import { InputError } from '../../base/errors.js';
import { runName, sweepName } from '../../scenario/run-name.js';
import { isRangeFlag, parseRange } from '../../scenario/set-flag.js';
import type { CliContext } from '../cli-context.js';
import { SET_FLAGS, addFlags, folderName, type RunFlags } from '../options.js';
import { runSetAndWrite } from '../run-set.js';
import { settingsHelp } from '../settings-help.js';

const HELP = `
The one --set (or --range) whose value is FROM:TO:STEP is swept; other --set flags hold for every run.
Without --out, a sweep writes to a folder named after it in the reports folder
(e.g. reports/sweep+baseline+budget_scale=0.5to3by0.25/), never over the scenarios' comparison.

Examples:
  rampup sweep --set budget_scale=0.5:3:0.25            how much money buys how much fill rate
  rampup sweep --set budget_scale:group:core=1:4:0.5 --scenario core-11 --set financing=pooled
  rampup sweep --set need_scale=1:2:0.5 --write-plans   keep every run's report folder too`;

/** `rampup sweep`: one setting over a range, a comparison row per value. */
export function registerSweepCommand(program: Command, cli: CliContext): void {
  addFlags(program.command('sweep').description('solve a range of one setting, e.g. a budget curve'), [...SET_FLAGS, 'scenario'])
    .option('--range <key=FROM:TO:STEP>', 'the swept setting and its range (or give it as --set KEY=FROM:TO:STEP)')
    .option('--write-plans', "also write every run's report folder")
    .addHelpText('after', `${HELP}\n\n${settingsHelp()}`)
    .action(async (flags: RunFlags & { range?: string; writePlans?: boolean }) => {
      cli.setFolder(flags.data);
      const ranges = [...(flags.range ? [flags.range] : []), ...flags.set.filter(isRangeFlag)];
      if (ranges.length !== 1) {
        throw new InputError([
          { flag: '--set', value: ranges.join(' '), code: 'BAD_SETTING_VALUE', message: `a sweep needs exactly one setting with a range KEY=FROM:TO:STEP (e.g. budget_scale=0.5:3:0.25); found ${ranges.length}` },
        ]);
      }
      const sweep = parseRange(ranges[0]!);
      if (typeof sweep === 'string') throw new InputError([{ flag: flags.range ? '--range' : '--set', value: ranges[0]!, code: 'BAD_SETTING_VALUE', message: sweep }]);
      const fixed = flags.set.filter((flag) => !isRangeFlag(flag));
      const jobs = sweep.values.map((value, i) => {
        const set = [...fixed, `${sweep.key}=${value}`];
        return { run: i + 1, scenario: flags.scenario, label: runName(flags.scenario, set), set, sweepValue: value };
      });
      const name = folderName(flags, sweepName(flags.scenario, sweep.key, sweep.range, fixed));
      await runSetAndWrite(flags, { jobs, writeFolders: Boolean(flags.writePlans), title: `Sweep of ${sweep.key}`, sweepKey: sweep.key, name }, cli);
    });
}
