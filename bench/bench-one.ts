/**
 * One benchmark run in a process of its own (started by run-benchmarks.ts, so that sizes do
 * not share a heap): read and validate a data folder, plan its baseline, write the reports,
 * and print one JSON line of measurements (BenchRun) on stdout.
 *
 *   node dist-bench/bench-one.js (--data DIR | --generate CxSxT [--seed N]) [--scenario NAME]
 *     [--solver highs] [--method auto] [--time-limit SECONDS] [--reports DIR]
 *
 * Exit code 0 when a plan was made, 1 otherwise; the JSON line is printed either way.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  InputError,
  SolveError,
  formatInputIssue,
  loadDataSet,
  planRampUp,
  preferBaselineWasmCompiler,
  readDataFolder,
  solveUnlimitedOnWorker,
  startChartRenderer,
  writeReportFolder,
  type DataFiles,
  type GapCause,
  type SolveStats,
} from 'rampup';
import { generateDataFolder, parseFolderSize } from './generate-data-folder.js';

/** What one run measured; the line bench-one prints and run-benchmarks collects. */
export interface BenchRun {
  readonly status: string;
  /** Why the run has no plan, when it has none. */
  readonly message?: string;
  readonly solver: string;
  readonly method: string;
  readonly data: { readonly countries: number; readonly systems: number; readonly months: number; readonly lines: number; readonly needRows: number } | undefined;
  readonly model: { readonly variables: number; readonly constraints: number; readonly nonzeros: number } | undefined;
  /** Milliseconds: generate (--generate only), read (read + validate), the manifest's phases, write. */
  readonly timingsMs: Readonly<Record<string, number>>;
  /** What the engine did in each solve (PlanOutcome.solveStats): iterations, warm starts, IPM fallbacks. */
  readonly solveStats?: Readonly<Record<string, SolveStats>>;
  /** From the start of the process to the end of the run, module loading included. */
  readonly processMs: number;
  /** process.resourceUsage().maxRSS at the end, in MiB. */
  readonly peakRssMiB: number;
  readonly plan?: {
    readonly weightedShortfall: number;
    readonly totalCostEur: number;
    readonly fillRate: number;
    /** Need rows (system x recipient x month) short, by cause. */
    readonly gapsByCause: Partial<Record<GapCause, number>>;
  };
}

async function main(): Promise<BenchRun> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      generate: { type: 'string' },
      seed: { type: 'string', default: '1' },
      solver: { type: 'string', default: 'highs' },
      method: { type: 'string', default: 'auto' },
      'time-limit': { type: 'string' },
      reports: { type: 'string' },
      scenario: { type: 'string' },
    },
  });
  const solver = values.solver;
  const method = values.method;
  const timeLimitSeconds = values['time-limit'] === undefined ? undefined : Number(values['time-limit']);
  const timingsMs: Record<string, number> = {};
  const since = (start: number) => Math.round((performance.now() - start) * 100) / 100;
  let data: BenchRun['data'];
  let model: BenchRun['model'];
  let solveStats: BenchRun['solveStats'];
  const finish = (rest: Pick<BenchRun, 'status'> & Partial<BenchRun>): BenchRun => ({
    solver,
    method,
    data,
    model,
    timingsMs,
    ...(solveStats !== undefined ? { solveStats } : {}),
    processMs: Math.round(performance.now()),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    ...rest,
  });

  // As the CLI does: the chart libraries load on another thread while this one solves.
  const charts = startChartRenderer();
  try {
    let files: DataFiles;
    let inputs: readonly { file: string; sha256: string }[] = [];
    let start = performance.now();
    if (values.generate !== undefined) {
      const size = parseFolderSize(values.generate);
      if (!size) return finish({ status: 'bad-usage', message: `--generate expects CxSxT, e.g. 31x30x36; got "${values.generate}"` });
      const texts = generateDataFolder({ ...size, seed: Number(values.seed) });
      const encoder = new TextEncoder();
      files = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, encoder.encode(text)]));
      timingsMs.generate = since(start);
      start = performance.now();
    } else if (values.data !== undefined) {
      ({ files, inputs } = await readDataFolder(values.data));
    } else {
      return finish({ status: 'bad-usage', message: 'give --data DIR or --generate CxSxT' });
    }
    const dataSet = loadDataSet(files);
    timingsMs.read = since(start);
    data = {
      countries: dataSet.countries.length,
      systems: dataSet.systems.length,
      months: new Set(dataSet.needs.map((n) => n.period)).size,
      lines: dataSet.capacity.length,
      needRows: dataSet.needs.length,
    };

    const outcome = await planRampUp(dataSet, inputs, {
      ...(values.scenario !== undefined ? { scenario: { name: values.scenario } } : {}),
      engine: { solver, method, ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}) },
      hooks: {
        beforeEngineLoad: preferBaselineWasmCompiler,
        ...(charts ? { renderSvg: charts.render } : {}),
        // As rampup plan runs it: a large model's cost to close on a worker thread beside the plan.
        unlimitedMoney: solveUnlimitedOnWorker,
      },
    });
    model = outcome.manifest.model;
    Object.assign(timingsMs, outcome.timings);
    solveStats = outcome.solveStats;

    // Without --reports, into a temporary folder that goes again afterwards.
    const scratch = values.reports === undefined ? await mkdtemp(join(tmpdir(), 'rampup-bench-')) : undefined;
    start = performance.now();
    await writeReportFolder(values.reports ?? join(scratch!, 'reports'), outcome.files);
    timingsMs.write = since(start);
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });

    const gapsByCause: Partial<Record<GapCause, number>> = {};
    for (const n of outcome.plan.needs) if (n.cause !== undefined) gapsByCause[n.cause] = (gapsByCause[n.cause] ?? 0) + 1;
    return finish({
      status: outcome.manifest.status,
      plan: { weightedShortfall: outcome.plan.weightedShortfall, totalCostEur: outcome.plan.totalCostEur, fillRate: outcome.summary.fillRate, gapsByCause },
    });
  } catch (error) {
    if (error instanceof InputError) return finish({ status: 'invalid-input', message: error.issues.slice(0, 4).map((i) => formatInputIssue(i)).join(' | ') });
    if (error instanceof SolveError) return finish({ status: error.status, message: [error.message, ...error.explanation].slice(0, 4).join(' | ') });
    return finish({ status: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    await charts?.close();
  }
}

const run = await main();
process.stdout.write(`${JSON.stringify(run)}\n`);
process.exitCode = run.status === 'optimal' ? 0 : 1;
