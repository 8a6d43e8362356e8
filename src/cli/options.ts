import { Command, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError } from '../base/errors.js';
import { didYouMean } from '../inputs/closest-name.js';
import { BUNDLED_DATA, BUNDLED_REPLAY } from '../io/bundled-data.js';
import { WINDOWS_COLON, runFolder, type RunFolder } from '../scenario/run-name.js';
import type { EngineChoice } from '../plan-options.js';
import { CSV_DIALECTS, type CsvDialect } from '../render/csv-dialect.js';
import { parseShard } from '../run/scenario-job.js';
import { BASELINE } from '../scenario/prepare-scenario.js';
import { DEFAULT_SOLVER, SOLVERS, SOLVER_METHODS } from '../solve/solver-registry.js';

/** Every flag the run commands share, as commander hands them over. */
export interface RunFlags {
  data: string;
  /** Absent: outFolder() decides from the data folder. */
  out?: string;
  name?: string;
  scenario: string;
  set: string[];
  solver: string;
  method: string;
  timeLimit?: number;
  tieBreak: 'soonest' | 'none';
  spread: 'proportional' | 'none';
  csv: CsvDialect;
  json?: boolean;
  xlsx?: boolean;
  jobs: number;
  shard?: { index: number; count: number };
}

const collect = (value: string, previous: string[]) => [...previous, value];

function positiveSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds > 0');
  return n;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number >= 1');
  return n;
}

function csvDialect(value: string): CsvDialect {
  if (!(CSV_DIALECTS as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${CSV_DIALECTS.join(', ')}${didYouMean(value, CSV_DIALECTS)}`);
  return value as CsvDialect;
}

function shard(value: string): { index: number; count: number } {
  const parsed = parseShard(value);
  if (!parsed) throw new InvalidArgumentError('expected K/N with 1 <= K <= N, e.g. 3/10');
  return parsed;
}

/** Each shared flag, declared once; a command picks the ones it takes. */
const FLAGS = {
  data: () => new Option('--data <dir>', 'data folder').default(BUNDLED_DATA, 'the bundled data set'),
  scenario: () => new Option('--scenario <name>', 'scenario of scenarios.csv').default(BASELINE),
  set: () => new Option('--set <key=value>', "a scenario setting, applied after the scenario's rows (repeatable)").argParser(collect).default([]),
  out: () => new Option('--out <dir>', 'folder for the reports (default: reports/ for the bundled data, DIR/reports/ for --data DIR)'),
  name: () => new Option('--name <name>', 'name of the report folder (default: the scenario and its --set flags, e.g. baseline+budget_scale=2)'),
  solver: () => new Option('--solver <name>', 'LP engine').choices(SOLVERS.map((s) => s.name)).default(DEFAULT_SOLVER),
  method: () => new Option('--method <name>', 'engine method (HiGHS)').choices(SOLVER_METHODS).default(SOLVER_METHODS[0]),
  timeLimit: () => new Option('--time-limit <seconds>', 'stop each solve after this many seconds').argParser(positiveSeconds),
  tieBreak: () =>
    new Option('--tie-break <rule>', 'of the best, cheapest plans: soonest delivers as early as possible (a third solve); none takes the first found').choices(['soonest', 'none']).default('soonest'),
  spread: () =>
    new Option('--spread <rule>', "who pays where money is left over (stage 4): proportional spreads spending so each payer spends the same share of its money as far as its channels allow; none takes the first found").choices(['proportional', 'none']).default('proportional'),
  csv: () => new Option('--csv <dialect>', `CSV dialect: ${CSV_DIALECTS.join(', ')}`).argParser(csvDialect).default('rfc4180'),
  json: () => new Option('--json', 'print the results as JSON'),
  xlsx: () => new Option('--xlsx', 'also write report.xlsx: a sheet per report table'),
  jobs: () => new Option('--jobs <n>', 'worker threads').argParser(positiveInteger).default(availableParallelism()),
  shard: () => new Option('--shard <K/N>', 'run only the K-th of N slices (join them with rampup merge)').argParser(shard),
} as const;

export type FlagName = keyof typeof FLAGS;

/** The flags of one plan (plan, guarantees). */
export const PLAN_FLAGS: readonly FlagName[] = ['data', 'scenario', 'set', 'out', 'name', 'solver', 'method', 'timeLimit', 'tieBreak', 'spread', 'csv', 'json', 'xlsx'];
/** The flags of a set of plans (scenarios, sweep). */
export const SET_FLAGS: readonly FlagName[] = ['data', 'out', 'name', 'set', 'jobs', 'solver', 'method', 'timeLimit', 'tieBreak', 'spread', 'csv', 'shard', 'xlsx', 'json'];

export function addFlags(command: Command, names: readonly FlagName[]): Command {
  for (const name of names) command.addOption(FLAGS[name]());
  return command;
}

/** The engine the shared flags choose (plain data: it crosses to worker threads). */
export function engineOf(flags: RunFlags): EngineChoice {
  return {
    solver: flags.solver,
    method: flags.method,
    tieBreak: flags.tieBreak,
    spread: flags.spread,
    ...(flags.timeLimit !== undefined ? { timeLimitSeconds: flags.timeLimit } : {}),
  };
}

/** How `:` is spelt in folder names: as itself, except where the file system refuses it. */
const COLON = process.platform === 'win32' ? WINDOWS_COLON : ':';

/**
 * Where reports go: --out when given; otherwise reports/ for the bundled data (and its replay) and DIR/reports/
 * for --data DIR, so that runs of other data never mix with the bundled reports. A set that is
 * not every scenario as it stands (a sweep, --only, --set) gets a folder of its own in it.
 */
export function outFolder(flags: Pick<RunFlags, 'data' | 'out'>, set?: RunFolder): string {
  if (flags.out !== undefined) return flags.out;
  const bundled = [BUNDLED_DATA, BUNDLED_REPLAY].some((folder) => resolve(flags.data) === resolve(folder));
  const base = bundled ? 'reports' : join(flags.data, 'reports');
  return set === undefined ? base : join(base, set.folder);
}

/** The folder of a run named by what it is (shortened when long: runFolder). */
export function folderOfRun(run: string): RunFolder {
  return runFolder(run, COLON);
}

/** The run's (or set's) folder: --name, checked, as given; or the folder of the name that says what it is. */
export function folderName(flags: Pick<RunFlags, 'name'>, fallback: string): RunFolder {
  if (flags.name === undefined) return folderOfRun(fallback);
  if (!/^[A-Za-z0-9._,=+@-]{1,120}$/.test(flags.name) || flags.name.startsWith('.')) {
    throw new InputError([{ flag: '--name', value: flags.name, code: 'BAD_VALUE', message: 'a folder name of letters, digits and . _ , = + @ - only (no / or spaces), at most 120 characters' }]);
  }
  return { folder: flags.name };
}
