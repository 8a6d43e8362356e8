import type { SampleOutcome } from '../../analyses/risk/run-risk-sample.js';
import type { RiskStudy, SampleFigures, SampleRow } from '../../analyses/risk/risk-study.js';
import { formatFixed, percent } from '../../base/format-number.js';
import type { Table } from '../report-table.js';

const FIGURES = ['fill_rate_pct', 'weighted_fill_rate_pct', 'promise_pct'] as const;

/** The columns of samples.csv: the results for all systems and for each, then each draw that matters. */
export function samplesHeader(study: RiskStudy): string[] {
  return [
    'sample',
    'status',
    ...FIGURES,
    ...study.systems.flatMap((s) => FIGURES.map((f) => `${f}:${s.system}`)),
    ...study.dimensions.map((d) => `draw:${d.key}`),
    'error',
  ];
}

/**
 * samples.csv: one row per sample, sample 0 the point estimate (every multiplier 1). The
 * reports are computed from this table read back (sampleRowsFromTable), so a study merged
 * from shards writes the same bytes as one run.
 */
export function samplesTable(study: RiskStudy, outcomes: readonly { outcome: SampleOutcome; multipliers: readonly number[] }[]): Table {
  const pct = (share: number | undefined) => (share === undefined ? '' : percent(100 * share));
  const rows = outcomes.map(({ outcome, multipliers }) => {
    const ok = outcome.status === 'optimal';
    const figures = (r: { fillRate: number; weightedFillRate: number; promise: number | undefined } | undefined) =>
      r === undefined ? ['', '', ''] : [pct(r.fillRate), pct(r.weightedFillRate), pct(r.promise)];
    return [
      String(outcome.sample),
      outcome.status,
      ...figures(ok ? outcome : undefined),
      ...study.systems.flatMap((s) => figures(ok ? outcome.bySystem[s.system] : undefined)),
      ...study.dimensions.map((_, d) => formatFixed(outcome.sample === 0 ? 1 : multipliers[d]!, 6)),
      ok ? '' : outcome.error,
    ];
  });
  return { header: samplesHeader(study), rows };
}

/** The rows of samples.csv as numbers, from the table (written by this run or merged from shards). */
export function sampleRowsFromTable(study: RiskStudy, table: Table): SampleRow[] {
  const col = new Map(table.header.map((h, i) => [h, i]));
  return table.rows.map((row) => {
    const cell = (name: string) => row[col.get(name) ?? -1] ?? '';
    const num = (name: string) => (cell(name) === '' ? undefined : Number(cell(name)));
    const figures = (suffix: string): SampleFigures | undefined => {
      const fill = num(`fill_rate_pct${suffix}`);
      const weighted = num(`weighted_fill_rate_pct${suffix}`);
      return fill === undefined || weighted === undefined ? undefined : { fillRatePct: fill, weightedFillRatePct: weighted, promisePct: num(`promise_pct${suffix}`) };
    };
    const bySystem = new Map<string, SampleFigures>();
    for (const s of study.systems) {
      const f = figures(`:${s.system}`);
      if (f) bySystem.set(s.system, f);
    }
    return {
      sample: Number(cell('sample')),
      status: cell('status') === 'optimal' ? 'optimal' : 'failed',
      error: cell('error'),
      all: figures(''),
      bySystem,
      draws: study.dimensions.map((d) => num(`draw:${d.key}`) ?? 1),
    };
  });
}
