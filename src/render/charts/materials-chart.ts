import type { TopLevelSpec } from 'vega-lite';
import type { Plan } from '../../results/plan.js';
import { monthMs, round, uniqueLabels } from './chart-data.js';
import { CHART_CONFIG, INK, MONTHLY_PANEL, NAVY, RED, STEEL, linesLayer, monthlyPanels } from './house-style.js';

/** Each material's supply against its use, by month: capacity of its lines, what they made, what was used, the stock. */
export function materialsChart(plan: Plan): TopLevelSpec {
  const { input } = plan;
  const used = input.materials.filter((m) => plan.materials.some((mm) => mm.material === m.code));
  const labels = uniqueLabels(used.map((m) => ({ code: m.code, label: `${m.name} (${m.unit})` })));
  const values = plan.materials.map((mm) => ({
    panel: labels[used.findIndex((m) => m.code === mm.material)]!,
    month: monthMs(input.months[mm.t]!),
    'Capacity online': round(mm.capacityOnline),
    Made: round(mm.produced),
    Used: round(mm.consumed),
    Stock: round(mm.stock),
  }));
  return {
    config: CHART_CONFIG,
    data: { values },
    ...monthlyPanels(labels),
    spec: {
      ...MONTHLY_PANEL,
      layer: [
        linesLayer(
          [
            { field: 'Capacity online', color: INK, dashed: true },
            { field: 'Made', color: NAVY, dashed: false },
            { field: 'Used', color: RED, dashed: false },
            { field: 'Stock', color: STEEL, dashed: true },
          ],
          input.months.length,
        ),
      ],
    },
  };
}
