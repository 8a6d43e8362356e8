import type { TopLevelSpec } from 'vega-lite';
import type { Plan, PlanSummary } from '../../results/plan.js';
import { monthMs, round, uniqueLabels, wrapLabel } from './chart-data.js';
import { CHART_CONFIG, INK, MONTHLY_PANEL, NAVY, PANEL_HEADER, RED, linesLayer, monthlyPanels } from './house-style.js';

/** Chart 1: need and delivery over time, one panel per system with its own y scale, the gap shaded. */
export function needDeliveredChart(plan: Plan, summary: PlanSummary): TopLevelSpec {
  const { input } = plan;
  const labels = uniqueLabels(summary.systems.map((s) => ({ code: s.system, label: wrapLabel(`${s.name} (${s.unit}s)`) })));
  const values: { panel: string; month: number; Need: number; Delivered: number }[] = [];
  summary.systems.forEach((s, i) => {
    const need = input.months.map(() => 0);
    const delivered = input.months.map(() => 0);
    for (const n of plan.needs) {
      if (n.need.system !== s.system) continue;
      need[n.need.t]! += n.need.quantity;
      delivered[n.need.t]! += n.delivered;
    }
    input.months.forEach((m, t) => values.push({ panel: labels[i]!, month: monthMs(m), Need: round(need[t]!), Delivered: round(delivered[t]!) }));
  });
  return {
    config: CHART_CONFIG,
    data: { values },
    ...monthlyPanels(labels, PANEL_HEADER),
    spec: {
      ...MONTHLY_PANEL,
      layer: [
        {
          name: 'shortfall',
          mark: { type: 'area', opacity: 0.3 },
          encoding: {
            y: { field: 'Delivered', type: 'quantitative' },
            y2: { field: 'Need' },
            fill: { datum: 'Shortfall', scale: { range: [RED] }, legend: { symbolType: 'square', symbolOpacity: 0.3 } },
          },
        },
        linesLayer([
          { field: 'Need', color: INK, dashed: true },
          { field: 'Delivered', color: NAVY, dashed: false },
        ], input.months.length),
      ],
    },
  };
}
