import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { sortInputIssues, type InputIssue } from '../../inputs/input-issue.js';
import { loadDataSet } from '../../inputs/load-data-set.js';
import { parseUncertaintyFile } from '../../analyses/risk/parse-uncertainty-file.js';
import { readDataFolder } from '../../io/read-data-folder.js';
import { readUncertaintyFile } from '../../io/read-uncertainty-file.js';
import { BASELINE, prepareScenario } from '../../scenario/prepare-scenario.js';
import { scenarioNames } from '../../scenario/scenario-rows.js';
import type { CliContext } from '../cli-context.js';
import { addFlags } from '../options.js';

/** `rampup validate`: every file and every scenario of a data folder checked, every problem listed. */
export function registerValidateCommand(program: Command, cli: CliContext): void {
  addFlags(program.command('validate').description('check a data folder and every scenario in it; list every problem found'), ['data']).action(async (flags: { data: string }) => {
    cli.setFolder(flags.data);
    const data = loadDataSet((await readDataFolder(flags.data)).files);
    const uncertainty = await readUncertaintyFile(flags.data);
    const issues: InputIssue[] = uncertainty ? [...parseUncertaintyFile(uncertainty.bytes).issues] : [];
    const names = scenarioNames(data);
    for (const name of names.length > 0 ? names : [BASELINE]) {
      try {
        prepareScenario(data, name);
      } catch (error) {
        if (error instanceof InputError) issues.push(...error.issues);
        else throw error;
      }
    }
    if (issues.length > 0) throw new InputError(sortInputIssues(issues));
    cli.io.out(
      `${flags.data}: valid. ${data.countries.length} countries, ${data.systems.length} systems, ${data.capacity.length} production lines, ` +
        `${data.needs.length} need rows, ${data.budgets.length} budget rows, ${data.sources.length} sources, ${Math.max(1, names.length)} scenario(s).`,
    );
  });
}
