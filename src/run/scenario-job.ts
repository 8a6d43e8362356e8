import type { EngineChoice, OutputChoice } from '../plan-options.js';
import type { PreparedScenario } from '../scenario/prepare-scenario.js';

/** One plan to make in a scenario set or sweep; `run` is its 1-based place in the full set. */
export interface ScenarioJob {
  readonly run: number;
  /** Scenario of scenarios.csv the job starts from. */
  readonly scenario: string;
  /** Name of its report folder and comparison row. */
  readonly label: string;
  /** `--set` flags applied after the scenario's rows (the sweep's value among them). */
  readonly set: readonly string[];
  readonly sweepValue?: number;
  /** The scenario as the shell already prepared it from the same data (checked before the set ran): not prepared again. */
  readonly prepared?: PreparedScenario;
}

/**
 * The plan options every job of a set shares: the part of PlanOptions that crosses to a
 * worker thread (no functions), and whether to render the report files at all.
 */
export interface JobOptions {
  readonly engine: EngineChoice;
  readonly output: Pick<OutputChoice, 'csv' | 'xlsx'>;
  /** Render the report files (false for sweeps that only need the comparison row). */
  readonly reports: boolean;
  /** About how many jobs each thread plans (the engine's compiler tier depends on it); 1 if absent. */
  readonly jobsPerThread?: number;
}

/** Parses `K/N` (1-based shard K of N). */
export function parseShard(text: string): { index: number; count: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/** Shard K of N takes every N-th job starting at K, so shards stay balanced when costs vary by position. */
export function shardJobs<T extends { run: number }>(jobs: readonly T[], shard: { index: number; count: number } | undefined): T[] {
  if (!shard) return [...jobs];
  return jobs.filter((job) => (job.run - 1) % shard.count === shard.index - 1);
}
