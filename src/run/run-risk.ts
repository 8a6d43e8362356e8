import { fileURLToPath } from 'node:url';
import { InputError } from '../base/errors.js';
import { prepareRiskStudy, riskJobs, type RiskOptions } from '../analyses/risk/prepare-risk-study.js';
import type { RiskStudy } from '../analyses/risk/risk-study.js';
import { runRiskSample, type RiskJob, type SampleOutcome } from '../analyses/risk/run-risk-sample.js';
import type { RiskSummary } from '../analyses/risk/summarize-risk.js';
import { parseUncertaintyFile } from '../analyses/risk/parse-uncertainty-file.js';
import type { UncertaintyRule } from '../analyses/risk/uncertainty-rules.js';
import { sortInputIssues } from '../base/input-issue.js';
import { parseDataFolder, type DataFiles } from '../inputs/parse-data-folder.js';
import type { ReportFile } from '../base/report-file.js';
import type { CsvDialect } from '../render/csv-dialect.js';
import { renderRiskFiles, renderRiskShardFiles } from '../render/render-risk-files.js';
import { samplesTable } from '../render/tables/risk-samples-table.js';
import type { InputFileHash } from '../results/manifest.js';
import { engineContext, type EngineChoice } from '../solve/solve-context.js';
import { runWorkerPool } from './run-worker-pool.js';
import { solveInWorker } from './solve-in-worker.js';
import { shardJobs } from './scenario-job.js';

export interface RiskRunOptions extends RiskOptions {
  /** The engine of every sample's plan (tie-break soonest by default, as rampup plan). */
  readonly engine?: EngineChoice;
  readonly csv?: CsvDialect;
  /** Worker threads (default 1: this thread). */
  readonly jobs?: number;
  /** Plan only every N-th sample from K (and the point estimate): the files of one shard. */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly onSample?: (done: number, total: number) => void;
}

export interface RiskOutcome {
  readonly study: RiskStudy;
  /** The risk folder's files; for a shard, its samples and study files. */
  readonly files: readonly ReportFile[];
  /** Undefined for a shard (its bands would be those of a slice). */
  readonly summary: RiskSummary | undefined;
  /** Samples of this run without a plan. */
  readonly failed: readonly Extract<SampleOutcome, { status: 'failed' }>[];
}

const WORKER = fileURLToPath(new URL('./risk-worker.js', import.meta.url));

/**
 * `rampup risk` as a library function: the data folder's files and its uncertainty.csv (if
 * any) checked together, the study prepared, its samples planned on a pool of workers, and
 * the risk folder's files rendered (or a shard's).
 */
export async function runRisk(files: DataFiles, uncertainty: Uint8Array | undefined, inputs: readonly InputFileHash[], options: RiskRunOptions = {}): Promise<RiskOutcome> {
  const parsed = parseDataFolder(files);
  const rules: { rules: UncertaintyRule[]; issues: typeof parsed.issues } = uncertainty ? parseUncertaintyFile(uncertainty) : { rules: [], issues: [] };
  if (!parsed.data || rules.issues.length > 0) throw new InputError(sortInputIssues([...parsed.issues, ...rules.issues]));
  const engine = options.engine ?? {};
  const ctx = engineContext(engine, { isolate: solveInWorker });
  const tieBreak = !ctx.adapter.features.tieBreak ? 'not available with this solver' : (engine.tieBreak ?? 'soonest');
  const solver = { name: ctx.adapter.name, version: await ctx.adapter.version(), method: engine.method ?? ctx.adapter.methods[0]!, tieBreak };
  const { study, spec } = prepareRiskStudy(parsed.data, rules.rules, inputs, options, solver);
  const numbers = shardJobs(Array.from({ length: study.sampling.samples }, (_, i) => ({ run: i + 1 })), options.shard).map((j) => j.run);
  const jobs = riskJobs(study, numbers);
  const data = parsed.data;
  const outcomes = await runWorkerPool<RiskJob, SampleOutcome>(jobs, {
    worker: WORKER,
    workerData: { files, spec, engine },
    threads: options.jobs ?? 1,
    inThread: () => (job) => runRiskSample(data, spec, job, ctx),
    ...(options.onSample ? { onResult: (_r: SampleOutcome, done: number, total: number) => options.onSample!(done, total) } : {}),
  });
  const table = samplesTable(study, outcomes.map((outcome, i) => ({ outcome, multipliers: jobs[i]!.multipliers })));
  const failed = outcomes.filter((o): o is Extract<SampleOutcome, { status: 'failed' }> => o.status === 'failed');
  const csv = options.csv ?? 'rfc4180';
  if (options.shard) return { study, files: renderRiskShardFiles(study, table, csv, options.shard), summary: undefined, failed };
  const rendered = await renderRiskFiles(study, table, csv);
  return { study, files: rendered.files, summary: rendered.summary, failed };
}
