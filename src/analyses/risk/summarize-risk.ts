import { correlationOfRanks, levelHeldWith, quantile, ranks } from './risk-statistics.js';
import type { RiskDimension } from './risk-dimensions.js';
import type { RiskStudy, SampleFigures, SampleRow } from './risk-study.js';

/** P10, P50 and P90 over the solved samples, in percent. */
export interface Band {
  readonly p10: number | undefined;
  readonly p50: number | undefined;
  readonly p90: number | undefined;
}

/** One line of risk.csv: a system, or `*` for all systems at once. */
export interface RiskLine {
  readonly system: string;
  readonly name: string;
  /** The point estimate (the data as it stands). */
  readonly point: SampleFigures | undefined;
  readonly fillRate: Band;
  readonly weightedFillRate: Band;
  /** The promise level (from `from`) that at least `confidence` of the samples reach. */
  readonly promiseAtConfidence: number | undefined;
  /** Share of samples (percent) in which the point estimate's promise still holds. */
  readonly pointPromiseHoldsPct: number | undefined;
}

/** How strongly one uncertain quantity moves the results: Spearman's rank correlation over the samples. */
export interface RiskDriver {
  readonly dimension: RiskDimension;
  readonly weightedFillRate: number | undefined;
  readonly fillRate: number | undefined;
  readonly promise: number | undefined;
  /** The system whose fill rate it moves most, and how. */
  readonly system: string | undefined;
  readonly systemFillRate: number | undefined;
  /** The system whose promise it moves most, and how. */
  readonly promiseSystem: string | undefined;
  readonly systemPromise: number | undefined;
}

export interface RiskSummary {
  readonly solved: number;
  readonly failed: readonly SampleRow[];
  readonly lines: readonly RiskLine[];
  /** Strongest first (by the weighted fill rate, then the joint promise). */
  readonly drivers: readonly RiskDriver[];
  /**
   * A rank correlation this strong arises by chance with probability below 0.3 % (3 standard
   * errors, 1/sqrt(n - 1) each): with a hundred or more sources, weaker ones are mostly noise.
   */
  readonly chanceLevel: number;
}

const strength = (r: number | undefined) => (r === undefined ? -1 : Math.abs(r));

/**
 * The drivers that move a result beyond chance, strongest first, at most `count`. The most
 * moved system is the best of many systems, so it must clear a higher bar (4 standard errors).
 */
export function clearDrivers(summary: RiskSummary, count: number): RiskDriver[] {
  const clear = (d: RiskDriver) =>
    strength(d.weightedFillRate) >= summary.chanceLevel ||
    strength(d.promise) >= summary.chanceLevel ||
    Math.max(strength(d.systemFillRate), strength(d.systemPromise)) >= (4 / 3) * summary.chanceLevel;
  return summary.drivers.filter(clear).slice(0, count);
}

/** The bands, confident promises and drivers of a study, from its samples (sample 0 the point estimate). */
export function summarizeRisk(study: RiskStudy, rows: readonly SampleRow[]): RiskSummary {
  const point = rows.find((r) => r.sample === 0);
  const solved = rows.filter((r) => r.sample > 0 && r.status === 'optimal');
  const line = (system: string, name: string, pick: (r: SampleRow) => SampleFigures | undefined): RiskLine => {
    const figures = solved.map(pick).filter((f): f is SampleFigures => f !== undefined);
    const band = (of: (f: SampleFigures) => number): Band => {
      const values = figures.map(of);
      return { p10: quantile(values, 0.1), p50: quantile(values, 0.5), p90: quantile(values, 0.9) };
    };
    const promises = figures.map((f) => f.promisePct).filter((p): p is number => p !== undefined);
    const pointFigures = point ? pick(point) : undefined;
    const pointPromise = pointFigures?.promisePct;
    return {
      system,
      name,
      point: pointFigures,
      fillRate: band((f) => f.fillRatePct),
      weightedFillRate: band((f) => f.weightedFillRatePct),
      promiseAtConfidence: levelHeldWith(promises, study.confidence),
      pointPromiseHoldsPct:
        pointPromise === undefined || promises.length === 0 ? undefined : (100 * promises.filter((p) => p >= pointPromise - 1e-9).length) / promises.length,
    };
  };
  const lines = [
    ...study.systems.map((s) => line(s.system, s.name, (r) => r.bySystem.get(s.system))),
    line('*', 'all systems at once', (r) => r.all),
  ];

  // Ranks taken once per series: a study of 10,000 samples correlates every draw with 27 of them.
  const rankOf = (values: readonly (number | undefined)[]) => (values.every((v) => v !== undefined) ? ranks(values as number[]) : undefined);
  const all = solved.map((r) => r.all!);
  const results = {
    weightedFillRate: rankOf(all.map((f) => f.weightedFillRatePct)),
    fillRate: rankOf(all.map((f) => f.fillRatePct)),
    promise: rankOf(all.map((f) => f.promisePct)),
  };
  const bySystem = study.systems.map((s) => ({
    system: s.system,
    fillRate: rankOf(solved.map((r) => r.bySystem.get(s.system)?.fillRatePct ?? 0))!,
    promise: rankOf(solved.map((r) => r.bySystem.get(s.system)?.promisePct ?? 0))!,
  }));
  const drivers = study.dimensions.map((dimension, d): RiskDriver => {
    const draws = ranks(solved.map((r) => r.draws[d]!));
    const rho = (series: readonly number[] | undefined) => (series === undefined ? undefined : correlationOfRanks(draws, series));
    let system: string | undefined;
    let systemFillRate: number | undefined;
    let promiseSystem: string | undefined;
    let systemPromise: number | undefined;
    for (const s of bySystem) {
      const fill = rho(s.fillRate);
      if (strength(fill) > strength(systemFillRate)) [system, systemFillRate] = [s.system, fill];
      const promise = rho(s.promise);
      if (strength(promise) > strength(systemPromise)) [promiseSystem, systemPromise] = [s.system, promise];
    }
    return {
      dimension,
      weightedFillRate: rho(results.weightedFillRate),
      fillRate: rho(results.fillRate),
      promise: rho(results.promise),
      system,
      systemFillRate,
      promiseSystem,
      systemPromise,
    };
  });
  drivers.sort(
    (a, b) =>
      strength(b.weightedFillRate) - strength(a.weightedFillRate) ||
      strength(b.promise) - strength(a.promise) ||
      Math.max(strength(b.systemFillRate), strength(b.systemPromise)) - Math.max(strength(a.systemFillRate), strength(a.systemPromise)) ||
      (a.dimension.key < b.dimension.key ? -1 : a.dimension.key > b.dimension.key ? 1 : 0),
  );
  const chanceLevel = 3 / Math.sqrt(Math.max(1, solved.length - 1));
  return { solved: solved.length, failed: rows.filter((r) => r.status === 'failed'), lines, drivers, chanceLevel };
}
