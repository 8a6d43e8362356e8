import { Option, type Command } from 'commander';
import { join } from 'node:path';
import { InputError } from '../../base/errors.js';
import { loadDataSet } from '../../inputs/load-data-set.js';
import { readDataFolder } from '../../io/read-data-folder.js';
import { writeReportFolder } from '../../io/write-report-folder.js';
import { planRampUp } from '../../plan-ramp-up.js';
import { ownedEntries } from '../../render/report-file-owners.js';
import { BUNDLED_REPLAY } from '../../io/bundled-data.js';
import { comparable, WITHIN, type CalibrationRow } from '../../results/calibration.js';
import { calibrationAmount } from '../../render/tables/calibration-table.js';
import { startChartRenderer } from '../../run/chart-renderer.js';
import { prepareScenario } from '../../scenario/prepare-scenario.js';
import { runName } from '../../scenario/run-name.js';
import type { CliContext } from '../cli-context.js';
import { fitTable } from '../fit-table.js';
import { addFlags, engineOf, folderName, outFolder, type RunFlags } from '../options.js';
import { printWarnings } from '../print-warnings.js';
import { settingsFile } from '../run-set.js';
import { planHooks } from './plan.js';

const EXAMPLES = `
The data folder holds the world as it stood at the start of a past period, and actuals.csv what
happened in it. The plan's figures go beside the record in calibration.csv and report.html:
within 0.8 to 1.25 of the record, below it (less was possible than happened: a data error to
fix), or above it (with the reason actuals.csv gives).

Examples:
  rampup replay                                 the year 2025: reports/replay/
  rampup replay --scenario purl-closed          a scenario of the replay folder
  rampup replay --data my-replay                your own: my-replay/reports/replay/`;

/** `rampup replay`: plan a past period and compare it with what happened. */
export function registerReplayCommand(program: Command, cli: CliContext): void {
  addFlags(
    program
      .command('replay')
      .description('plan a past period (the bundled 2025 by default) and compare the plan with what happened (actuals.csv): calibration.csv, and a section of report.html')
      .addOption(new Option('--data <dir>', 'a replay folder: data files as they stood, and actuals.csv').default(BUNDLED_REPLAY, 'the bundled replay of 2025')),
    ['scenario', 'set', 'out', 'name', 'solver', 'method', 'timeLimit', 'tieBreak', 'spread', 'csv', 'json', 'xlsx'],
  )
    .addHelpText('after', EXAMPLES)
    .action(async (flags: RunFlags) => {
      cli.setFolder(flags.data);
      const charts = startChartRenderer();
      try {
        const run = runName(flags.scenario, flags.set);
        const { folder: runFolder, settingsText } = folderName(flags, run === 'baseline' ? 'replay' : `replay+${run}`);
        const folder = await readDataFolder(flags.data);
        const data = loadDataSet(folder.files, folder.otherFiles);
        if ((data.actuals ?? []).length === 0) {
          throw new InputError([{ file: 'actuals.csv', line: 1, column: 1, code: 'FILE_MISSING', message: 'a replay compares the plan with what happened: actuals.csv is missing or empty (rampup replay --help has its columns)' }], flags.data);
        }
        const prepared = prepareScenario(data, flags.scenario, flags.set);
        printWarnings(data.warnings ?? [], [{ scenario: run, warnings: prepared.warnings }], flags.data, cli.io.err);
        const outcome = await planRampUp(data, folder.inputs, {
          scenario: { name: flags.scenario, set: flags.set, runName: run, prepared },
          engine: engineOf(flags),
          analyses: { replay: true },
          output: { csv: flags.csv, xlsx: Boolean(flags.xlsx) },
          hooks: planHooks(1, charts, false),
        });
        const target = join(outFolder(flags), runFolder);
        await writeReportFolder(target, [...outcome.files, ...settingsFile(settingsText)], ownedEntries('replay'));
        printCalibration(outcome.plan.calibration ?? [], target, Boolean(flags.json), cli.io.out);
      } finally {
        await charts?.close();
      }
    });
}

function printCalibration(rows: readonly CalibrationRow[], target: string, json: boolean, out: (text: string) => void): void {
  if (json) {
    const figures = rows.map((r) => ({ figure: r.actual.figure, modelled: r.modelled, reported: r.actual.quantity, reportedInScope: comparable(r.actual), ratio: r.ratio, verdict: r.verdict, reason: r.reason }));
    out(`${JSON.stringify({ reports: target, figures }, null, 2)}\n`);
    return;
  }
  const count = (v: CalibrationRow['verdict']) => rows.filter((r) => r.verdict === v).length;
  const lines = [
    `rampup replay: ${rows.length} figures of what happened against what the model says was possible: ${count('within')} within ${WITHIN.low} to ${WITHIN.high}, ${count('model above record')} above, ${count('model below record')} below`,
    ...fitTable(['figure', 'modelled', 'reported (in scope)', 'ratio', 'verdict'], rows.map((r) => [r.actual.figure, calibrationAmount(r, r.modelled), calibrationAmount(r, comparable(r.actual)), r.ratio.toFixed(2), r.verdict]), Math.max(80, process.stdout.columns ?? 100)).map((l) => `  ${l}`),
    `  reports: ${target}/: calibration.csv has each figure's reason and source; report.html the chart`,
  ];
  out(`${lines.join('\n')}\n`);
}
