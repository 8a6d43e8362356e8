import { InvalidArgumentError, type Command } from 'commander';
import { join } from 'node:path';
import { loadDataSet } from '../../inputs/load-data-set.js';
import { readDataFolder } from '../../io/read-data-folder.js';
import { writeFileAtomically } from '../../io/write-file-atomically.js';
import { writeReportFolder } from '../../io/write-report-folder.js';
import { planRampUp, type PlanHooks } from '../../plan-ramp-up.js';
import { ownedEntries } from '../../render/report-file-owners.js';
import { startChartRenderer } from '../../run/chart-renderer.js';
import { engineLoadHook } from '../../run/prefer-baseline-wasm-compiler.js';
import { promiseCurvesOnWorker } from '../../run/promise-curves-on-worker.js';
import { solveInWorker } from '../../run/solve-in-worker.js';
import { solveUnlimitedOnWorker } from '../../run/unlimited-on-worker.js';
import { horizonMonth } from '../../scenario/horizon-month.js';
import { prepareScenario } from '../../scenario/prepare-scenario.js';
import { runName } from '../../scenario/run-name.js';
import type { CliContext } from '../cli-context.js';
import { findRunFolder } from '../../io/read-run-folder.js';
import { PLAN_FLAGS, addFlags, engineOf, folderName, folderOfRun, outFolder, type RunFlags } from '../options.js';
import { writeRunComparison } from '../write-run-comparison.js';
import { printPlanSummary } from '../print-plan-summary.js';
import { printWarnings } from '../print-warnings.js';
import { settingsFile } from '../run-set.js';
import { settingsHelp } from '../settings-help.js';

interface PlanFlags extends RunFlags {
  sensitivity?: boolean;
  explain: boolean;
  writeLp?: string;
  writeMps?: string;
  from?: string;
  recipient: string;
  against?: string;
  levels: number[];
}

/** `--levels 50,75,90,100`: per cent, each above 0 and at most 100, in ascending order. */
function levelList(text: string): number[] {
  const levels = text.split(',').map((s) => Number(s.trim()));
  if (levels.some((l) => !Number.isFinite(l) || l <= 0 || l > 100)) throw new InvalidArgumentError('expected per cent above 0 and at most 100, separated by commas, e.g. 50,75,90,100');
  return [...new Set(levels)].sort((a, b) => a - b);
}

const PLAN_EXAMPLES = `
Examples:
  rampup plan                                   the bundled data as it stands: reports/baseline/
  rampup plan --scenario pooled                 one scenario of scenarios.csv: reports/pooled/
  rampup plan --set budget_scale=2 --set exclude=US
                                                settings on top: reports/baseline+budget_scale=2+exclude=US/
  rampup plan --data my-data --csv excel-eu     your data, for a European-locale spreadsheet: my-data/reports/baseline/
  rampup plan --scenario pooled --name my-study --xlsx
                                                a folder name of your choice, and report.xlsx
  rampup plan --write-lp model.lp               the LP, to re-solve with any solver
  rampup plan --set budget_scale:DE=2 --set 'channel_share:purl-*=0' --against baseline
                                                and what it changes against reports/baseline/, per system and year`;

const GUARANTEE_EXAMPLES = `
Examples:
  rampup guarantees                             the bundled baseline
  rampup guarantees --scenario core-plus --from 2026-07
                                                what can be promised from July 2026, and what 50, 75, 90 and 100 % of each system's need would cost
  rampup guarantees --from 2027-01 --levels 25,50   other levels to price
  rampup guarantees --from 2026-07 --set budget_scale:DE=2 --set budget_scale:FR=2 --set 'channel_share:purl-*=0' --against baseline
                                                what doubled German and French budgets without PURL change,
                                                per system and year, and the promises from July 2026`;

/** `rampup plan` and `rampup guarantees`: one scenario, its reports and its terminal summary. */
export function registerPlanCommands(program: Command, cli: CliContext): void {
  planCommand(program, cli, 'plan', 'solve one scenario and write its reports to <out>/<run>/', false).addHelpText('after', `${PLAN_EXAMPLES}\n\n${settingsHelp()}`);
  planCommand(program, cli, 'guarantees', "what can be promised, from every start month, per system (if served first) and for all at once; writes promises.csv and guarantees.csv", true)
    .option('--from <YYYY-MM>', 'the month promises start from, and are priced from (default: the first month)')
    .option('--levels <list>', 'the levels to price, per cent of every month\'s need', levelList, [50, 75, 90, 100])
    .option('--recipient <code>', 'whom the promises are to', 'UA')
    .addHelpText('after', `${GUARANTEE_EXAMPLES}\n\n${settingsHelp()}`);
}

/** The shell's hooks of one plan: threads for the side work, the engine's isolation and its compiler tier. */
export function planHooks(plans: number, charts: ReturnType<typeof startChartRenderer>, guarantees: boolean): PlanHooks {
  const hook = engineLoadHook(plans);
  return {
    isolate: solveInWorker,
    unlimitedMoney: solveUnlimitedOnWorker,
    ...(guarantees ? { promiseCurves: promiseCurvesOnWorker } : {}),
    ...(hook ? { beforeEngineLoad: hook } : {}),
    ...(charts ? { renderSvg: charts.render } : {}),
  };
}

function planCommand(program: Command, cli: CliContext, name: string, description: string, guarantees: boolean): Command {
  return addFlags(program.command(name).description(description), PLAN_FLAGS)
    .option('--sensitivity', 'also re-solve with +10 % money per payer, funds included (a non-marginal value of money)')
    .option('--no-explain', 'skip the unlimited-money solve (cost to close, earliest months)')
    .option('--write-lp <file>', 'write the stage-1 program in CPLEX LP format')
    .option('--write-mps <file>', 'write the stage-1 program in MPS format')
    .option('--against <run>', 'then compare this run with another (a report folder, or a run name in the reports folder), as rampup compare RUN THIS does')
    .action(async (flags: PlanFlags) => {
      cli.setFolder(flags.data);
      // Started first: the chart libraries load on another thread while this one solves.
      const charts = startChartRenderer();
      try {
        const run = flags.name ?? runName(flags.scenario, flags.set);
        const { folder: runFolder, settingsText } = folderName(flags, run);
        const folder = await readDataFolder(flags.data);
        const data = loadDataSet(folder.files, folder.otherFiles);
        // Settings and --from checked, and warnings printed, before the solve.
        const prepared = prepareScenario(data, flags.scenario, flags.set);
        if (guarantees && flags.from !== undefined) horizonMonth(flags.from, prepared.input.months, '--from');
        const against = flags.against === undefined ? undefined : await findRunFolder(flags.against, '--against', outFolder(flags), (r) => folderOfRun(r).folder);
        printWarnings(data.warnings ?? [], [{ scenario: run, warnings: prepared.warnings }], flags.data, cli.io.err);
        const outcome = await planRampUp(data, folder.inputs, {
          scenario: { name: flags.scenario, set: flags.set, runName: run, prepared },
          engine: engineOf(flags),
          analyses: {
            explain: flags.explain,
            sensitivity: Boolean(flags.sensitivity),
            ...(guarantees ? { guarantees: { recipient: flags.recipient, levels: flags.levels, ...(flags.from !== undefined ? { from: flags.from } : {}) } } : {}),
          },
          output: { csv: flags.csv, xlsx: Boolean(flags.xlsx), exportFormats: [...(flags.writeLp ? (['lp'] as const) : []), ...(flags.writeMps ? (['mps'] as const) : [])] },
          // The promise curves and the sensitivity runs solve hundreds of times: worth the optimising compiler.
          hooks: planHooks(guarantees || Boolean(flags.sensitivity) ? Infinity : 1, charts, guarantees),
        });
        if (flags.writeLp) await writeFileAtomically(flags.writeLp, outcome.exported.lp!);
        if (flags.writeMps) await writeFileAtomically(flags.writeMps, outcome.exported.mps!);
        const target = join(outFolder(flags), runFolder);
        const start = performance.now();
        const { kept } = await writeReportFolder(target, [...outcome.files, ...settingsFile(settingsText)], ownedEntries(guarantees ? 'guarantees' : 'plan'));
        const writeMs = performance.now() - start;
        const json = Boolean(flags.json);
        if (!against) return printPlanSummary(outcome, { target, writeMs, kept }, json, cli.io.out);
        if (!json) printPlanSummary(outcome, { target, writeMs, kept }, json, cli.io.out);
        const compared = await writeRunComparison(against, target, { from: flags.from, csv: flags.csv, json, flagA: '--against', quiet: json }, cli.io.out);
        if (json) printPlanSummary(outcome, { target, writeMs, kept, against: { ...compared.comparison, out: compared.target } }, json, cli.io.out);
      } finally {
        await charts?.close();
      }
    });
}
