import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { safeFolderName } from '../../io/write-report-folder.js';
import { isRangeFlag, parseRange } from '../../scenario/set-flag.js';
import type { CliContext } from '../cli-context.js';
import { SET_FLAGS, addFlags, type RunFlags } from '../options.js';
import { runSetAndWrite } from '../run-set.js';

const HELP = `
The one --set (or --range) whose value is FROM:TO:STEP is swept; other --set flags hold for every run.

Examples:
  rampup sweep --set budget_scale=0.5:3:0.25            how much money buys how much fill rate
  rampup sweep --set budget_scale:group:core=1:4:0.5 --scenario core-11 --set financing=pooled`;

/** `rampup sweep`: one setting over a range, a comparison row per value. */
export function registerSweepCommand(program: Command, cli: CliContext): void {
  addFlags(program.command('sweep').description('solve a range of one setting, e.g. a budget curve'), [...SET_FLAGS, 'scenario'])
    .option('--range <key=FROM:TO:STEP>', 'the swept setting and its range (or give it as --set KEY=FROM:TO:STEP)')
    .option('--write-plans', "also write every run's report folder")
    .addHelpText('after', HELP)
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
      const jobs = sweep.values.map((value, i) => ({
        run: i + 1,
        scenario: flags.scenario,
        label: `${flags.scenario}-${safeFolderName(sweep.key)}-${value}`,
        set: [...fixed, `${sweep.key}=${value}`],
        sweepValue: value,
      }));
      await runSetAndWrite(flags, jobs, Boolean(flags.writePlans), `Sweep of ${sweep.key}`, sweep.key, cli);
    });
}
