import type { RiskStudy } from '../../analyses/risk/risk-study.js';
import type { Band, RiskDriver, RiskLine } from '../../analyses/risk/summarize-risk.js';
import { formatFixed, percent } from '../../base/format-number.js';
import type { TableSpec } from '../report-table.js';

const csvPct = (v: number | undefined) => (v === undefined ? '' : percent(v));
const humanPct = (v: number | undefined) => (v === undefined ? 'n/a' : `${v.toFixed(1)} %`);
const range = (b: Band) => (b.p10 === undefined ? 'n/a' : `${humanPct(b.p10)} to ${humanPct(b.p90)}`);
const rho = (v: number | undefined) => (v === undefined ? '' : formatFixed(v, 3));
const humanRho = (v: number | undefined) => (v === undefined ? 'n/a' : (v >= 0 ? '+' : '') + v.toFixed(2));

/** risk.csv and the bands table of summary.md and risk.html: a row per system, `*` for all at once. */
export function riskSpec(study: RiskStudy): TableSpec<RiskLine> {
  const c = `${Math.round(100 * study.confidence * 10) / 10} %`;
  return [
    { key: 'system', csv: (r) => r.system },
    { label: 'system', human: (r) => r.name },
    { key: 'fill_rate_pct', label: 'fill rate (point estimate)', align: 'num', csv: (r) => csvPct(r.point?.fillRatePct), human: (r) => humanPct(r.point?.fillRatePct) },
    { key: 'fill_rate_p10_pct', csv: (r) => csvPct(r.fillRate.p10) },
    { key: 'fill_rate_p50_pct', label: 'P50', align: 'num', csv: (r) => csvPct(r.fillRate.p50), human: (r) => humanPct(r.fillRate.p50) },
    { key: 'fill_rate_p90_pct', csv: (r) => csvPct(r.fillRate.p90) },
    { label: 'P10 to P90', align: 'num', human: (r) => range(r.fillRate) },
    { key: 'weighted_fill_rate_pct', csv: (r) => csvPct(r.point?.weightedFillRatePct) },
    { key: 'weighted_fill_rate_p10_pct', csv: (r) => csvPct(r.weightedFillRate.p10) },
    { key: 'weighted_fill_rate_p50_pct', csv: (r) => csvPct(r.weightedFillRate.p50) },
    { key: 'weighted_fill_rate_p90_pct', csv: (r) => csvPct(r.weightedFillRate.p90) },
    { key: 'promise_pct', label: `promise from ${study.from} (point estimate)`, align: 'num', csv: (r) => csvPct(r.point?.promisePct), human: (r) => humanPct(r.point?.promisePct) },
    { key: 'promise_pct_at_confidence', label: `promise held in ${c} of samples`, align: 'num', csv: (r) => csvPct(r.promiseAtConfidence), human: (r) => humanPct(r.promiseAtConfidence) },
    { key: 'point_promise_holds_pct', label: 'point promise holds in', align: 'num', csv: (r) => csvPct(r.pointPromiseHoldsPct), human: (r) => (r.pointPromiseHoldsPct === undefined ? 'n/a' : `${r.pointPromiseHoldsPct.toFixed(0)} % of samples`) },
  ];
}

/** drivers.csv and the "what moves the result" tables: every uncertain quantity, strongest first. */
export function driversSpec(study: RiskStudy): TableSpec<RiskDriver> {
  const name = new Map(study.systems.map((s) => [s.system, s.name]));
  return [
    { key: 'source', label: 'source', csv: (d) => d.dimension.source, human: (d) => d.dimension.source },
    { key: 'kind', label: 'figure', csv: (d) => d.dimension.kind, human: (d) => d.dimension.kind.replace('_', ' ') },
    { key: 'basis', label: 'basis', csv: (d) => d.dimension.basis, human: (d) => (d.dimension.graded ? d.dimension.basis : `${d.dimension.basis} (ungraded)`) },
    { key: 'graded', csv: (d) => String(d.dimension.graded) },
    { key: 'rows', label: 'rows', align: 'num', csv: (d) => String(d.dimension.rows), human: (d) => String(d.dimension.rows) },
    { key: 'low', csv: (d) => formatFixed(d.dimension.spread.low, 6) },
    { key: 'high', csv: (d) => formatFixed(d.dimension.spread.high, 6) },
    { label: 'multiplier', align: 'num', human: (d) => `${d.dimension.spread.low} to ${d.dimension.spread.high}` },
    { key: 'distribution', csv: (d) => d.dimension.spread.distribution },
    { key: 'rank_corr_weighted_fill_rate', label: 'rank corr., weighted fill rate', align: 'num', csv: (d) => rho(d.weightedFillRate), human: (d) => humanRho(d.weightedFillRate) },
    { key: 'rank_corr_fill_rate', csv: (d) => rho(d.fillRate) },
    { key: 'rank_corr_promise', label: 'rank corr., joint promise', align: 'num', csv: (d) => rho(d.promise), human: (d) => humanRho(d.promise) },
    { key: 'most_moved_system', label: 'fill rate it moves most', csv: (d) => d.system ?? '', human: (d) => (d.system === undefined ? '' : `${name.get(d.system) ?? d.system} (${humanRho(d.systemFillRate)})`) },
    { key: 'rank_corr_system_fill_rate', csv: (d) => rho(d.systemFillRate) },
    { key: 'most_moved_promise', label: 'promise it moves most', csv: (d) => d.promiseSystem ?? '', human: (d) => (d.promiseSystem === undefined ? '' : `${name.get(d.promiseSystem) ?? d.promiseSystem} (${humanRho(d.systemPromise)})`) },
    { key: 'rank_corr_system_promise', csv: (d) => rho(d.systemPromise) },
    { key: 'title', csv: (d) => d.dimension.title },
  ];
}
