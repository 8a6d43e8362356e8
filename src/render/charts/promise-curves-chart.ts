import type { TopLevelSpec } from 'vega-lite';
import type { Plan } from '../../results/plan.js';
import { monthMs, round, uniqueLabels } from './chart-data.js';
import { CHART_CONFIG, GREY, INK, MONTH_X, NAVY, PANEL_LAYOUT, linesLayer } from './house-style.js';

const PROMISE = 'Promise, if served first';
const UNLIMITED = 'With unlimited money';
const ALL = 'Promise, all at once';
const FREE = 'If the months before were free';

/**
 * One panel per system, category and all at once: its promise curve (what can be promised from
 * each start month on, keeping what the plan delivers before it, if served first), the same
 * with unlimited money, version 2's curve (the months before free), and behind them, as an
 * area, the share of each month's need the plan itself delivers (weighted by priority where
 * several systems are promised at once).
 */
export function promiseCurvesChart(plan: Plan): TopLevelSpec {
  const g = plan.guarantees!;
  const { input } = plan;
  const curves = [...g.systems, ...g.categories, g.joint];
  const labels = uniqueLabels(curves.map((c) => ({ code: c.system, label: c.system === '*' ? 'All systems at once' : c.name })));
  const values = curves.flatMap((curve, i) => {
    const need = input.months.map(() => 0);
    const delivered = input.months.map(() => 0);
    const several = curve.systems.length > 1;
    for (const n of plan.needs) {
      if (n.need.recipient !== g.recipient || !curve.systems.includes(n.need.system)) continue;
      need[n.need.t]! += n.need.quantity * (several ? n.need.weight : 1);
      delivered[n.need.t]! += n.delivered * (several ? n.need.weight : 1);
    }
    return curve.points.map((p) => ({
      panel: labels[i]!,
      month: monthMs(input.months[p.from]!),
      [several ? ALL : PROMISE]: round(p.level, 4),
      [UNLIMITED]: round(p.levelUnlimited, 4),
      [FREE]: round(p.levelEarlierFree, 4),
      plan: need[p.from]! > 0 ? round(delivered[p.from]! / need[p.from]!, 4) : 1,
    }));
  });
  return {
    config: CHART_CONFIG,
    data: { values },
    facet: { field: 'panel', type: 'nominal', title: null, sort: labels },
    columns: 3,
    ...PANEL_LAYOUT,
    resolve: { axis: { x: 'independent' } },
    spec: {
      width: 190,
      height: 110,
      encoding: { x: MONTH_X },
      layer: [
        {
          name: 'plan_fill',
          mark: { type: 'area', opacity: 0.35, color: GREY, interpolate: 'step-after' },
          encoding: { y: { field: 'plan', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', title: null, minExtent: 40, maxExtent: 40 } } },
        },
        shares(
          linesLayer(
            [
              { field: PROMISE, color: NAVY, dashed: false },
              { field: ALL, color: INK, dashed: false },
              { field: UNLIMITED, color: NAVY, dashed: true },
              { field: FREE, color: GREY, dashed: true },
            ],
            input.months.length,
          ),
        ),
      ],
    },
  };
}

/** The lines on the same 0-100 % axis as the area behind them. */
function shares(layer: ReturnType<typeof linesLayer>) {
  return { ...layer, encoding: { ...layer.encoding, y: { ...layer.encoding.y, scale: { domain: [0, 1] }, axis: { format: '.0%', minExtent: 40, maxExtent: 40 } } } };
}
