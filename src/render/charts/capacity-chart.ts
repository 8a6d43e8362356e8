import type { TopLevelSpec } from 'vega-lite';
import { ceilingOf, growthOf } from '../../results/gap-causes.js';
import type { Plan } from '../../results/plan.js';
import { monthMs, round, uniqueLabels, wrapLabel } from './chart-data.js';
import { CHART_CONFIG, INK, MONTHLY_PANEL, NAVY, PANEL_HEADER, STEEL, linesLayer, monthlyPanels } from './house-style.js';

/** Chart 2: capacity online against the ceiling, every line of a system added up, one panel per system. */
export function capacityChart(plan: Plan): TopLevelSpec {
  const { input } = plan;
  const systems = input.systems.filter((s) => input.lines.some((l) => l.system === s.code));
  const labels = uniqueLabels(systems.map((s) => ({ code: s.code, label: wrapLabel(`${s.name} (${s.unit}s)`) })));
  const values: { panel: string; month: number; Ceiling: number; 'Capacity online': number; Made: number }[] = [];
  // One pass over the lines and their months (lineMonths is ordered line by line).
  const H = input.months.length;
  const position = new Map(systems.map((s, i) => [s.code, i]));
  const ceiling = new Float64Array(systems.length);
  const online = new Float64Array(systems.length * H);
  const made = new Float64Array(systems.length * H);
  const growth = growthOf(input);
  input.lines.forEach((line, l) => {
    const i = position.get(line.system)!;
    ceiling[i]! += ceilingOf(line, growth[l]!);
    for (let t = 0; t < H; t++) {
      const lm = plan.lineMonths[l * H + t]!;
      online[i * H + t]! += lm.capacityOnline;
      made[i * H + t]! += lm.units;
    }
  });
  systems.forEach((_, i) => {
    input.months.forEach((m, t) =>
      values.push({ panel: labels[i]!, month: monthMs(m), Ceiling: round(ceiling[i]!), 'Capacity online': round(online[i * H + t]!), Made: round(made[i * H + t]!) }),
    );
  });
  return {
    config: CHART_CONFIG,
    data: { values },
    ...monthlyPanels(labels, PANEL_HEADER),
    spec: {
      ...MONTHLY_PANEL,
      layer: [
        {
          name: 'online_area',
          mark: { type: 'area', opacity: 0.12, color: NAVY },
          encoding: { y: { field: 'Capacity online', type: 'quantitative' } },
        },
        linesLayer([
          { field: 'Ceiling', color: INK, dashed: true },
          { field: 'Capacity online', color: NAVY, dashed: false },
          { field: 'Made', color: STEEL, dashed: false },
        ], input.months.length),
      ],
    },
  };
}
