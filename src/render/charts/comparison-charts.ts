import type { TopLevelSpec } from 'vega-lite';
import type { ComparisonRow } from '../../results/plan.js';
import { uniqueLabels } from './chart-data.js';
import { CHART_CONFIG } from './house-style.js';

/** Fill rate and weighted fill rate per scenario, as grouped bars. */
export function fillRateChart(rows: readonly ComparisonRow[]): TopLevelSpec {
  const labels = scenarioLabels(rows);
  const series = ['Fill rate', 'Weighted by priority'];
  return {
    config: CHART_CONFIG,
    data: {
      values: rows.flatMap((r, i) => [
        { scenario: labels[i]!, series: series[0]!, value: r.fillRate },
        { scenario: labels[i]!, series: series[1]!, value: r.weightedFillRate },
      ]),
    },
    width: 560,
    height: { step: 12 },
    name: 'fill',
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'scenario', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 400 }, scale: { paddingInner: 0.3 } },
      yOffset: { field: 'series', type: 'nominal', sort: series, scale: { paddingInner: 0.15 } },
      x: { field: 'value', type: 'quantitative', title: null, axis: { format: '.0%', grid: true }, scale: { domain: [0, 1] } },
      color: { field: 'series', type: 'nominal', sort: series, scale: { domain: series, range: ['#1f4e79', '#7f9fc0'] } },
    },
  };
}

/** Money spent over money made available per scenario: a pale bar with a dark one inside it. */
export function moneyChart(rows: readonly ComparisonRow[]): TopLevelSpec {
  const labels = scenarioLabels(rows);
  return {
    config: CHART_CONFIG,
    data: { values: rows.map((r, i) => ({ scenario: labels[i]!, budget: r.budgetEur / 1e6, spent: r.totalCostEur / 1e6 })) },
    width: 560,
    height: { step: 26 },
    encoding: { y: { field: 'scenario', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 400 } } },
    layer: [
      {
        name: 'available',
        mark: { type: 'bar', color: '#d5dde6', height: { band: 0.8 } },
        encoding: { x: { field: 'budget', type: 'quantitative', title: 'EUR million', axis: { format: ',~f', grid: true } } },
      },
      {
        name: 'used',
        mark: { type: 'bar', color: '#1f4e79', height: { band: 0.4 } },
        encoding: { x: { field: 'spent', type: 'quantitative' } },
      },
    ],
  };
}

/** The sweep's curve: fill rate and weighted fill rate against the swept value. */
export function sweepChart(rows: readonly ComparisonRow[], sweepKey: string): TopLevelSpec {
  const series = ['Fill rate', 'Weighted by priority'];
  const points = [...rows].sort((a, b) => (a.sweepValue ?? 0) - (b.sweepValue ?? 0));
  return {
    config: CHART_CONFIG,
    data: {
      values: points.flatMap((r) => [
        { x: r.sweepValue ?? 0, series: series[0]!, value: r.fillRate },
        { x: r.sweepValue ?? 0, series: series[1]!, value: r.weightedFillRate },
      ]),
    },
    width: 560,
    height: 260,
    encoding: {
      x: { field: 'x', type: 'quantitative', title: sweepKey, scale: { zero: false }, axis: { grid: false } },
      y: { field: 'value', type: 'quantitative', title: null, axis: { format: '.0%' }, scale: { domain: [0, 1] } },
      color: { field: 'series', type: 'nominal', sort: series, scale: { domain: series, range: ['#1f4e79', '#7f9fc0'] } },
    },
    layer: [
      { name: 'curve', mark: { type: 'line' } },
      { name: 'point', mark: { type: 'point', filled: true, size: 28 } },
    ],
  };
}

/** A label per scenario; repeated names get their place in the set. */
export function scenarioLabels(rows: readonly ComparisonRow[]): string[] {
  return uniqueLabels(rows.map((r, i) => ({ code: String(i + 1), label: r.scenario })));
}
