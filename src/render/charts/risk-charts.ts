import type { TopLevelSpec } from 'vega-lite';
import type { RiskDriver, RiskLine } from '../../analyses/risk/summarize-risk.js';
import { round, uniqueLabels } from './chart-data.js';
import { CHART_CONFIG, INK, NAVY, RED, STEEL } from './house-style.js';

const share = (pct: number | undefined) => (pct === undefined ? null : round(pct / 100, 4));
const labelsOf = (lines: readonly RiskLine[]) => uniqueLabels(lines.map((l) => ({ code: l.system, label: l.system === '*' ? 'All systems at once' : l.name })));

/** Each system's fill rate: the P10-P90 band of the samples, their median, and the point estimate. */
export function fillRateBandsChart(lines: readonly RiskLine[]): TopLevelSpec {
  const labels = labelsOf(lines);
  const values = lines.map((l, i) => ({ system: labels[i]!, p10: share(l.fillRate.p10), p50: share(l.fillRate.p50), p90: share(l.fillRate.p90), point: share(l.point?.fillRatePct) }));
  return {
    config: CHART_CONFIG,
    data: { values },
    width: 560,
    height: { step: 22 },
    encoding: { y: { field: 'system', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 400 } } },
    layer: [
      {
        name: 'band',
        mark: { type: 'bar', color: STEEL, opacity: 0.6, height: { band: 0.55 } },
        encoding: { x: { field: 'p10', type: 'quantitative', title: null, axis: { format: '.0%', grid: true }, scale: { domain: [0, 1] } }, x2: { field: 'p90' } },
      },
      { name: 'median', mark: { type: 'tick', color: NAVY, thickness: 2.5, bandSize: 14 }, encoding: { x: { field: 'p50', type: 'quantitative' } } },
      { name: 'point', mark: { type: 'point', shape: 'diamond', filled: true, color: INK, size: 60 }, encoding: { x: { field: 'point', type: 'quantitative' } } },
    ],
  };
}

/** Each system's promise from the first month: the point estimate's and the level held with the study's confidence. */
export function promiseChart(lines: readonly RiskLine[], confidenceLabel: string): TopLevelSpec {
  const labels = labelsOf(lines);
  const series = ['Point estimate', confidenceLabel];
  const values = lines.flatMap((l, i) => [
    { system: labels[i]!, series: series[0]!, level: share(l.point?.promisePct) ?? 0 },
    { system: labels[i]!, series: series[1]!, level: share(l.promiseAtConfidence) ?? 0 },
  ]);
  return {
    config: CHART_CONFIG,
    data: { values },
    width: 560,
    height: { step: 12 },
    name: 'promise',
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'system', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 400 }, scale: { paddingInner: 0.3 } },
      yOffset: { field: 'series', type: 'nominal', sort: series, scale: { paddingInner: 0.15 } },
      x: { field: 'level', type: 'quantitative', title: null, axis: { format: '.0%', grid: true }, scale: { domain: [0, 1] } },
      color: { field: 'series', type: 'nominal', sort: series, scale: { domain: series, range: [STEEL, NAVY] } },
    },
  };
}

/** The uncertain quantities that move the weighted fill rate most: their rank correlation with it. */
export function driversChart(drivers: readonly RiskDriver[]): TopLevelSpec {
  const labels = uniqueLabels(drivers.map((d) => ({ code: d.dimension.key, label: `${d.dimension.source} (${d.dimension.kind.replace('_', ' ')})` })));
  const values = drivers.map((d, i) => ({ driver: labels[i]!, rho: round(d.weightedFillRate ?? 0, 3), sign: (d.weightedFillRate ?? 0) >= 0 ? 'raises' : 'lowers' }));
  return {
    config: CHART_CONFIG,
    data: { values },
    width: 480,
    height: { step: 20 },
    mark: { type: 'bar', height: { band: 0.7 } },
    encoding: {
      y: { field: 'driver', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 400 } },
      x: { field: 'rho', type: 'quantitative', title: 'rank correlation with the weighted fill rate', axis: { grid: true }, scale: { domain: [-1, 1] } },
      color: { field: 'sign', type: 'nominal', scale: { domain: ['raises', 'lowers'], range: [NAVY, RED] }, legend: null },
    },
  };
}
