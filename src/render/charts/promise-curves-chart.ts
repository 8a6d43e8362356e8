import type { TopLevelSpec } from 'vega-lite';
import type { Plan } from '../../results/plan.js';
import { monthMs, round, uniqueLabels } from './chart-data.js';
import { CHART_CONFIG, GREY, INK, MONTH_X, NAVY, PANEL_LAYOUT, linesLayer } from './house-style.js';

const PROMISE = 'Promise, if served first';
const UNLIMITED = 'With unlimited money';
const ALL = 'Promise, all at once';

/**
 * One panel per system: its promise curve (what can be promised from each start month on,
 * if that system is served first), the same with unlimited money, and behind them, as an
 * area, the share of each month's need the plan itself delivers.
 */
export function promiseCurvesChart(plan: Plan): TopLevelSpec {
  const g = plan.guarantees!;
  const { input } = plan;
  const curves = [...g.systems, g.joint];
  const labels = uniqueLabels(curves.map((c) => ({ code: c.system, label: c.system === '*' ? 'All systems at once' : c.name })));
  const values = curves.flatMap((curve, i) => {
    const need = input.months.map(() => 0);
    const delivered = input.months.map(() => 0);
    for (const n of plan.needs) {
      if (n.need.recipient !== g.recipient || (curve.system !== '*' && n.need.system !== curve.system)) continue;
      need[n.need.t]! += n.need.quantity * (curve.system === '*' ? n.need.weight : 1);
      delivered[n.need.t]! += n.delivered * (curve.system === '*' ? n.need.weight : 1);
    }
    return curve.points.map((p) => ({
      panel: labels[i]!,
      month: monthMs(input.months[p.from]!),
      [curve.system === '*' ? ALL : PROMISE]: round(p.level, 4),
      [UNLIMITED]: round(p.levelUnlimited, 4),
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
