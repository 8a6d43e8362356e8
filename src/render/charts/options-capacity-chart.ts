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
  // Colours by an option's place on its line (a legend of every option id would run to dozens); the panel names them.
  const optionsOf = (line: Plan['orders'][number]['line']) => [...new Set(plan.orders.filter((o) => o.line === line && o.option !== OWN_EXPANSION).map((o) => o.option))];
  const labels = uniqueLabels(
    lines.map((line) => {
      const options = optionsOf(line).map((o, k) => `${ordinal(k)} = ${o}`);
      const title = `${line.kind === 'candidate' ? 'New plant: ' : ''}${chartName(line.producer || line.country)} (${line.country}), ${chartName(systemName.get(line.system) ?? line.system)}`;
      return { code: line.id, label: wrapLabel(options.length > 0 ? `${title}; option ${options.join(', ')}` : title) };
    }),
  );
  const sourceOf = (line: Plan['orders'][number]['line'], option: string) => (option === OWN_EXPANSION ? 'Own expansion' : `Option ${ordinal(optionsOf(line).indexOf(option))}`);
  const most = Math.max(0, ...lines.map((l) => optionsOf(l).length));
  const sources = ['Starting capacity', 'Own expansion', ...Array.from({ length: most }, (_, k) => `Option ${ordinal(k)}`)].filter(
    (s) => s === 'Starting capacity' || plan.orders.some((o) => sourceOf(o.line, o.option) === s),
  );
  const values: { panel: string; month: number; source: string; capacity: number }[] = [];
  lines.forEach((line, i) => {
    const online = new Map<string, Float64Array>();
    for (const o of plan.orders) {
      if (o.line !== line) continue;
      const series = online.get(sourceOf(line, o.option)) ?? new Float64Array(H);
      for (let t = o.onlineFromT; t < H; t++) series[t]! += o.ordered;
      online.set(sourceOf(line, o.option), series);
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

/** An option's place on its line, counted from 1. */
const ordinal = (k: number) => String(k + 1);
