import type { TopLevelSpec } from 'vega-lite';
import type { Plan } from '../../results/plan.js';
import { humanEuros } from '../../base/format-number.js';
import { chartName, round, uniqueLabels } from './chart-data.js';
import { CHART_CONFIG, GREY, NAVY, STEEL } from './house-style.js';

/**
 * Chart 3: each country's share of the budgets, of the money paid, and of GDP, as grouped bars;
 * the countries that pay most first, each named with what it paid.
 */
export function budgetSharesChart(plan: Plan): TopLevelSpec {
  const countries = [...plan.payers].sort((a, b) => b.paidEur - a.paidEur || b.budgetEur - a.budgetEur || (b.gdpShare ?? 0) - (a.gdpShare ?? 0) || a.name.localeCompare(b.name));
  const totalBudget = countries.reduce((a, c) => a + c.budgetEur, 0);
  const totalPaid = countries.reduce((a, c) => a + c.paidEur, 0);
  const paid = plan.input.financing.kind === 'pooled' ? 'Share of money paid into the pool' : 'Share of money spent';
  const series = ['Share of budgets', paid, 'Share of payers\' GDP'];
  const labels = uniqueLabels(countries.map((c) => ({ code: c.code, label: chartName(c.name) }))).map((label, i) => `${label} (${humanEuros(countries[i]!.paidEur)})`);
  const share = (part: number, whole: number) => (whole > 0 ? round(part / whole, 6) : 0);
  const values = countries.flatMap((c, i) => [
    { country: labels[i]!, series: series[0]!, share: share(c.budgetEur, totalBudget) },
    { country: labels[i]!, series: series[1]!, share: share(c.paidEur, totalPaid) },
    { country: labels[i]!, series: series[2]!, share: round(c.gdpShare ?? 0, 6) },
  ]);
  return {
    config: CHART_CONFIG,
    data: { values },
    width: 560,
    height: { step: 11 },
    name: 'shares',
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'country', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 400 }, scale: { paddingInner: 0.3 } },
      yOffset: { field: 'series', type: 'nominal', sort: series, scale: { paddingInner: 0.15 } },
      x: { field: 'share', type: 'quantitative', title: null, axis: { format: '.0%', grid: true }, scale: { zero: true, nice: true } },
      color: { field: 'series', type: 'nominal', sort: series, scale: { domain: series, range: [STEEL, NAVY, GREY] } },
    },
  };
}
