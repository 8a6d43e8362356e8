import type { Command } from 'commander';
import { InputError } from '../../base/errors.js';
import { sortInputIssues, uniqueIssues, type InputIssue } from '../../base/input-issue.js';
import { loadDataSet } from '../../inputs/load-data-set.js';
import { parseUncertaintyFile } from '../../analyses/risk/parse-uncertainty-file.js';
import { readDataFolder } from '../../io/read-data-folder.js';
import { readUncertaintyFile } from '../../io/read-uncertainty-file.js';
import { BASELINE, prepareScenario } from '../../scenario/prepare-scenario.js';
import { scenarioNames } from '../../scenario/scenario-rows.js';
import type { CliContext } from '../cli-context.js';
import { addFlags } from '../options.js';
import { printWarnings, type ScenarioWarnings } from '../print-warnings.js';

const EXAMPLES = `
Problems (exit 2) and warnings (exit 0: allowed, but probably not meant) are listed as
FILE:LINE:COLUMN CODE message.

Examples:
  rampup validate                       the bundled data
  rampup validate --data my-data        a folder of your own (rampup init my-data writes one)`;

/** `rampup validate`: every file and every scenario of a data folder checked, every problem and warning listed. */
export function registerValidateCommand(program: Command, cli: CliContext): void {
  addFlags(program.command('validate').description('check a data folder and every scenario in it; list every problem and warning found'), ['data'])
    .addHelpText('after', EXAMPLES)
    .action(async (flags: { data: string }) => {
      cli.setFolder(flags.data);
      cli.setReadOnly();
      const folder = await readDataFolder(flags.data);
      const data = loadDataSet(folder.files, folder.otherFiles);
      const uncertainty = await readUncertaintyFile(flags.data);
      const issues: InputIssue[] = uncertainty ? [...parseUncertaintyFile(uncertainty.bytes).issues] : [];
      const scenarios: ScenarioWarnings[] = [];
      const names = scenarioNames(data);
      for (const name of names.length > 0 ? names : [BASELINE]) {
        try {
          scenarios.push({ scenario: name, warnings: prepareScenario(data, name).warnings });
        } catch (error) {
          if (error instanceof InputError) issues.push(...error.issues);
          else throw error;
        }
      }
      if (issues.length > 0) throw new InputError(sortInputIssues(issues), undefined, uniqueIssues([...(data.warnings ?? []), ...scenarios.flatMap((s) => s.warnings)]));
      const warnings = printWarnings(data.warnings ?? [], scenarios, flags.data, cli.io.err);
      cli.io.out(
        `${flags.data}: valid${warnings > 0 ? `, with ${warnings} warning${warnings === 1 ? '' : 's'} (above)` : ''}. ${data.countries.length} countries, ${data.systems.length} systems, ${data.capacity.length} production lines, ` +
          `${data.needs.length} need rows, ${data.budgets.length} budget rows, ${data.sources.length} sources, ${Math.max(1, names.length)} scenario(s).`,
      );
    });
}
