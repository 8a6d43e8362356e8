import { Command, InvalidArgumentError, Option } from 'commander';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { EXAMPLE_DATA } from '../init/example-data.js';
import { readDataFolder } from '../io/read-data-folder.js';
import { safeFolderName, writeReportFolder } from '../io/write-report-folder.js';
import { writeFileAtomically } from '../io/write-file-atomically.js';
import { BASELINE, loadDataSet, planRampUp, prepareScenario } from '../plan-ramp-up.js';
import { CSV_DIALECTS, type CsvDialect } from '../render/csv-dialect.js';
import { scenarioNames } from '../scenario/scenario-settings.js';
import { SOLVERS } from '../solve/solver-registry.js';
import { TOOL_VERSION } from '../version.js';
import { startChartRenderer } from '../render/chart-renderer.js';
import { EXIT, reportError } from './exit-codes.js';
import { printPlanSummary } from './print-plan-summary.js';
import { addScenarioCommands } from './scenario-commands.js';

/** The bundled data set, found from the installed package (dist/cli -> ../../data). */
export const BUNDLED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

const collect = (value: string, previous: string[]) => [...previous, value];

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds > 0');
  return n;
}

function csvDialect(value: string): CsvDialect {
  if (!(CSV_DIALECTS as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${CSV_DIALECTS.join(', ')}`);
  return value as CsvDialect;
}

interface PlanCommandOptions {
  data: string;
  scenario: string;
  set: string[];
  out: string;
  solver: string;
  method: string;
  timeLimit?: number;
  csv: CsvDialect;
  json?: boolean;
  sensitivity?: boolean;
  explain: boolean;
  writeLp?: string;
  writeMps?: string;
  from?: string;
  xlsx?: boolean;
}

/** Parses the command line, runs one command and returns its exit code (never throws). */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  let folder: string | undefined;
  const program = new Command('rampup')
    .description('Plan a defence-industrial ramp-up: who makes what, when, and who pays, as a linear program.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t.trimEnd()), writeErr: (t) => io.err(t.trimEnd()) })
    .showHelpAfterError('(run rampup --help for usage)');

  const dataOption = () => new Option('--data <dir>', 'data folder').default(BUNDLED_DATA, 'the bundled data set');

  const planCommand = (name: string, description: string, guarantees: boolean) =>
    program
      .command(name)
      .description(description)
      .addOption(dataOption())
      .option('--scenario <name>', 'scenario of scenarios.csv', BASELINE)
      .option('--set <key=value>', 'a scenario setting, applied after the scenario\'s rows (repeatable)', collect, [])
      .option('--out <dir>', 'folder for the reports', 'reports')
      .addOption(new Option('--solver <name>', 'LP engine').choices(SOLVERS.map((s) => s.name)).default('highs'))
      .addOption(new Option('--method <name>', 'HiGHS method').choices(['auto', 'simplex', 'ipm']).default('auto'))
      .option('--time-limit <seconds>', 'stop a solve after this many seconds', positiveNumber)
      .option('--csv <dialect>', `CSV dialect: ${CSV_DIALECTS.join(', ')}`, csvDialect, 'rfc4180')
      .option('--json', 'print the summary as JSON')
      .option('--sensitivity', 'also re-solve with +10 % money per country (a non-marginal value of money)')
      .option('--no-explain', 'skip the unlimited-money solve (cost to close, earliest months)')
      .option('--xlsx', 'also write report.xlsx: a sheet per report table')
      .option('--write-lp <file>', 'write the stage-1 program in CPLEX LP format')
      .option('--write-mps <file>', 'write the stage-1 program in MPS format')
      .action(async (opts: PlanCommandOptions) => {
        folder = opts.data;
        // Started first: the chart libraries load on another thread while this one solves.
        const charts = startChartRenderer();
        try {
          const { files, inputs } = await readDataFolder(opts.data);
          const data = loadDataSet(files);
          const outcome = await planRampUp(data, inputs, {
            scenario: opts.scenario,
            set: opts.set,
            solver: opts.solver,
            method: opts.method,
            csv: opts.csv,
            explain: opts.explain,
            sensitivity: Boolean(opts.sensitivity),
            xlsx: Boolean(opts.xlsx),
            ...(guarantees ? { guarantees: opts.from !== undefined ? { from: opts.from } : {} } : {}),
            exportFormats: [...(opts.writeLp ? (['lp'] as const) : []), ...(opts.writeMps ? (['mps'] as const) : [])],
            ...(opts.timeLimit !== undefined ? { timeLimitSeconds: opts.timeLimit } : {}),
            ...(charts ? { renderSvg: charts.render } : {}),
          });
          if (opts.writeLp) await writeFileAtomically(opts.writeLp, outcome.exported.lp!);
          if (opts.writeMps) await writeFileAtomically(opts.writeMps, outcome.exported.mps!);
          const target = join(opts.out, safeFolderName(outcome.scenario.name));
          const start = performance.now();
          await writeReportFolder(target, outcome.files);
          const written = performance.now() - start;
          printPlanSummary(outcome, target, written, Boolean(opts.json), io.out);
        } finally {
          await charts?.close();
        }
      });

  planCommand('plan', 'solve one scenario and write its reports to <out>/<scenario>/', false).addHelpText(
    'after',
    `
Examples:
  rampup plan                                   plan the bundled data (baseline)
  rampup plan --scenario pooled --out out/      one scenario of scenarios.csv
  rampup plan --set budget_scale=2 --set exclude=US
  rampup plan --data my-data/ --csv excel-eu    reports for a European-locale spreadsheet
  rampup plan --write-lp model.lp               the LP, to re-solve with any solver`,
  );

  planCommand('guarantees', 'what share of each month\'s need can be promised, per system and for all at once; writes guarantees.csv', true)
    .option('--from <YYYY-MM>', 'also price a 100 % guarantee from this month')
    .addHelpText(
      'after',
      `
Examples:
  rampup guarantees                             the bundled baseline
  rampup guarantees --scenario core-plus --from 2026-07`,
    );

  program
    .command('validate')
    .description('check a data folder and every scenario in it; list every problem found')
    .addOption(dataOption())
    .action(async (opts: { data: string }) => {
      folder = opts.data;
      const { files } = await readDataFolder(opts.data);
      const data = loadDataSet(files);
      const issues = [];
      const names = scenarioNames(data);
      for (const name of names.length > 0 ? names : [BASELINE]) {
        try {
          prepareScenario(data, name);
        } catch (error) {
          if (error instanceof InputError) issues.push(...error.issues);
          else throw error;
        }
      }
      if (issues.length > 0) throw new InputError(issues);
      io.out(
        `${opts.data}: valid. ${data.countries.length} countries, ${data.systems.length} systems, ${data.capacity.length} production lines, ` +
          `${data.needs.length} need rows, ${data.budgets.length} budget rows, ${data.sources.length} sources, ${Math.max(1, names.length)} scenario(s).`,
      );
    });

  program
    .command('init')
    .description('write a small, valid data folder to start from')
    .argument('<dir>', 'folder to create (must be empty or absent)')
    .action(async (dir: string) => {
      const existing = await readdir(dir).catch(() => [] as string[]);
      if (existing.length > 0) {
        throw new InputError([{ file: dir, line: 1, column: 1, code: 'BAD_VALUE', message: `folder "${dir}" is not empty; choose a new folder` }]);
      }
      await mkdir(dir, { recursive: true });
      for (const [name, content] of Object.entries(EXAMPLE_DATA)) await writeFile(join(dir, name), content, { flag: 'wx' });
      io.out(`Wrote a small data folder to ${dir}/ (${Object.keys(EXAMPLE_DATA).join(', ')}).\nNext: rampup validate --data ${dir} && rampup plan --data ${dir}`);
    });

  addScenarioCommands(program, BUNDLED_DATA, io, (code) => (exitCode = code), (f) => (folder = f));

  try {
    await program.parseAsync(['node', 'rampup', ...argv]);
  } catch (error) {
    exitCode = reportError(error, folder, io.err);
  }
  return exitCode;
}
