import type { TopLevelSpec } from 'vega-lite';
import { OWN_EXPANSION, type Plan } from '../../results/plan.js';
import { chartName, monthMs, round, uniqueLabels, wrapLabel } from './chart-data.js';
import { CHART_CONFIG, MONTHLY_PANEL, monthlyPanels, PANEL_HEADER } from './house-style.js';

/** A sequential palette for the sources of a line's capacity: its start first, then its options. */
const SOURCES = ['#bdbdbd', '#1f4e79', '#7f9fc0', '#b5403a', '#d9a441', '#4f8a5b', '#7b5ea7', '#3d3d3d'];

/**
 * What money bought in capacity: for every line that ordered some, its capacity online by month,
 * stacked by where it came from (its starting capacity, its own expansion, each option). A plant
 * that could be built (a candidate) is marked as new in its title.
 */
export function optionsCapacityChart(plan: Plan): TopLevelSpec {
  const { input } = plan;
  const H = input.months.length;
  const lines = [...new Set(plan.orders.map((o) => o.line))];
  const systemName = new Map(input.systems.map((s) => [s.code, s.name]));
  const labels = uniqueLabels(
    lines.map((line) => ({
      code: line.id,
      label: wrapLabel(`${line.kind === 'candidate' ? 'New plant: ' : ''}${chartName(line.producer || line.country)} (${line.country}), ${chartName(systemName.get(line.system) ?? line.system)}`),
    })),
  );
  const sources = [...new Set(['Starting capacity', ...plan.orders.map((o) => sourceName(o.option))])];
  const values: { panel: string; month: number; source: string; capacity: number }[] = [];
  lines.forEach((line, i) => {
    const online = new Map<string, Float64Array>();
    for (const o of plan.orders) {
      if (o.line !== line) continue;
      const series = online.get(sourceName(o.option)) ?? new Float64Array(H);
      for (let t = o.onlineFromT; t < H; t++) series[t]! += o.ordered;
      online.set(sourceName(o.option), series);
    }
    input.months.forEach((m, t) => {
      values.push({ panel: labels[i]!, month: monthMs(m), source: 'Starting capacity', capacity: round(t < line.firstT ? 0 : line.capacityPerMonth) });
      for (const [source, series] of online) values.push({ panel: labels[i]!, month: monthMs(m), source, capacity: round(series[t]!) });
    });
  });
  return {
    config: CHART_CONFIG,
    data: { values },
    ...monthlyPanels(labels, PANEL_HEADER),
    spec: {
      ...MONTHLY_PANEL,
      mark: { type: 'area', line: false },
      encoding: {
        ...MONTHLY_PANEL.encoding,
        y: { field: 'capacity', type: 'quantitative', stack: 'zero', title: null, axis: { format: ',~f', minExtent: 56, maxExtent: 56 } },
        color: { field: 'source', type: 'nominal', sort: sources, title: null, scale: { domain: sources, range: sources.map((_, k) => SOURCES[k % SOURCES.length]!) } },
      },
    },
  };
}

const sourceName = (option: string) => (option === OWN_EXPANSION ? 'Own expansion' : `Option ${option}`);
