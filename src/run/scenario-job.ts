import type { CsvDialect } from '../render/csv-dialect.js';

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
}

export interface JobOptions {
  readonly solver?: string;
  readonly method?: string;
  readonly timeLimitSeconds?: number;
  readonly csv?: CsvDialect;
  /** Render the report files (false for sweeps that only need the comparison row). */
  readonly reports: boolean;
  readonly xlsx?: boolean;
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

/** Parses `KEY=FROM:TO:STEP` into the setting (with target) and its values, inclusive of TO. */
export function parseSweep(text: string): { key: string; values: number[] } | string {
  const eq = text.lastIndexOf('=');
  if (eq < 0) return `"${text}" is not of the form KEY=FROM:TO:STEP`;
  const key = text.slice(0, eq);
  const parts = text.slice(eq + 1).split(':').map(Number);
  if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p))) return `"${text.slice(eq + 1)}" is not FROM:TO:STEP (three numbers)`;
  const [from, to, step] = parts as [number, number, number];
  if (step <= 0 || to < from) return `the range ${from}:${to}:${step} is empty (need FROM <= TO and STEP > 0)`;
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > 1_000_000) return `the range has ${count} values; at most 1,000,000`;
  // Rounded so 0.1 steps print as 0.3, not 0.30000000000000004.
  return { key, values: Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(10))) };
}
