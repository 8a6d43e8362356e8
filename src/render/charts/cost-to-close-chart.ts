import type { TopLevelSpec } from 'vega-lite';
import { humanUnits } from '../../base/format-number.js';
import { round, uniqueLabels } from './chart-data.js';
import { CHART_CONFIG, INK, NAVY } from './house-style.js';

/** Chart 4: the cost of closing each system's gap, largest first. */
export function costToCloseChart(rows: readonly { system: string; name: string; costToCloseEur: number }[]): TopLevelSpec {
  const sorted = [...rows].sort((a, b) => b.costToCloseEur - a.costToCloseEur || (a.system < b.system ? -1 : a.system > b.system ? 1 : 0));
  const labels = uniqueLabels(sorted.map((r) => ({ code: r.system, label: r.name })));
  return {
    config: CHART_CONFIG,
    data: { values: sorted.map((r, i) => ({ system: labels[i]!, costMillionEur: round(r.costToCloseEur / 1e6), label: millions(r.costToCloseEur) })) },
    width: 560,
    height: { step: 22 },
    encoding: {
      y: { field: 'system', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 400 } },
      x: { field: 'costMillionEur', type: 'quantitative', title: 'EUR million', axis: { format: ',~f', grid: true } },
    },
    layer: [
      { name: 'cost', mark: { type: 'bar', color: NAVY, height: { band: 0.7 } } },
      { name: 'cost_label', mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: INK }, encoding: { text: { field: 'label' } } },
    ],
  };
}

/** EUR as millions for a bar's label: whole millions, or one decimal below ten. */
function millions(eur: number): string {
  const m = eur / 1e6;
  if (m >= 9.95) return humanUnits(m);
  return m >= 0.05 ? m.toFixed(1) : '< 0.1';
}
