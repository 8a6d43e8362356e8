import type { TopLevelSpec } from 'vega-lite';
import { WITHIN, type CalibrationRow } from '../../results/calibration.js';
import { chartName, round, uniqueLabels } from './chart-data.js';
import { CHART_CONFIG, GREY, INK, NAVY, RED, STEEL } from './house-style.js';

/**
 * The replay: each figure of 2025 as the model's figure over the record, on a log scale (twice
 * and half are as far from 1), the band where the model reproduces the record shaded.
 */
export function calibrationChart(rows: readonly CalibrationRow[]): TopLevelSpec {
  const labels = uniqueLabels(rows.map((r) => ({ code: r.actual.figure, label: chartName(r.actual.description, 60) })));
  const ratios = rows.map((r) => Math.max(r.ratio, 0.01));
  const domain = [Math.min(0.1, ...ratios) * 0.9, Math.max(10, ...ratios) * 1.1].map((v) => round(v));
  return {
    config: CHART_CONFIG,
    width: 480,
    height: { step: 24 },
    data: { values: rows.map((r, i) => ({ figure: labels[i]!, ratio: round(Math.max(r.ratio, 0.01)), verdict: r.verdict, low: WITHIN.low, high: WITHIN.high })) },
    encoding: { y: { field: 'figure', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 420 } } },
    layer: [
      { name: 'within_band', mark: { type: 'bar', color: GREY, opacity: 0.35, height: { band: 1 } }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
      {
        name: 'ratio',
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          x: { field: 'ratio', type: 'quantitative', title: 'modelled possible / reported (log scale; the band is 0.8 to 1.25)', scale: { type: 'log', domain }, axis: { grid: true, format: '~g' } },
          color: { field: 'verdict', type: 'nominal', title: null, scale: { domain: ['model below record', 'within', 'model above record'], range: [RED, NAVY, STEEL] } },
        },
      },
      { name: 'one', mark: { type: 'rule', color: INK, strokeDash: [3, 3] }, encoding: { x: { datum: 1 } } },
    ],
  } as TopLevelSpec;
}
