import type { TopLevelSpec } from 'vega-lite';
import type { Plan } from '../../results/plan.js';
import { round, uniqueLabels } from './chart-data.js';
import { CHART_CONFIG, NAVY, PANEL_LAYOUT } from './house-style.js';

/**
 * The price of a promise: per system, the extra money (EUR million) against the share of every
 * month's need promised from the asked month. A level no money reaches has no point.
 */
export function promisePricesChart(plan: Plan): TopLevelSpec {
  const g = plan.guarantees!;
  const priced = g.systems.filter((s) => g.prices.some((p) => p.system === s.system && p.extraMoneyEur !== undefined));
  const labels = uniqueLabels(priced.map((s) => ({ code: s.system, label: s.name })));
  const values = priced.flatMap((s, i) =>
    g.prices.filter((p) => p.system === s.system && p.extraMoneyEur !== undefined).map((p) => ({ panel: labels[i]!, level: round(100 * p.level, 1), money: round(p.extraMoneyEur! / 1e6, 1) })),
  );
  return {
    config: CHART_CONFIG,
    data: { values },
    facet: { field: 'panel', type: 'nominal', title: null, sort: labels },
    columns: 3,
    ...PANEL_LAYOUT,
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
    spec: {
      width: 190,
      height: 110,
      mark: { type: 'line', point: { filled: true, size: 40 }, color: NAVY },
      encoding: {
        x: { field: 'level', type: 'quantitative', title: 'per cent of every month', scale: { domain: [0, 100] } },
        y: { field: 'money', type: 'quantitative', title: null, axis: { format: ',~f', minExtent: 48, maxExtent: 48 } },
      },
    },
  };
}
