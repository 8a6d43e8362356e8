import type { TopLevelSpec } from 'vega-lite';
import type { Plan } from '../../results/plan.js';
import { round, uniqueLabels } from './chart-data.js';
import { CHART_CONFIG } from './house-style.js';

/** Money flows: one bar per payer, largest first, stacked by the country whose industry it pays. */
export function moneyFlowsChart(plan: Plan): TopLevelSpec {
  const names = new Map([...plan.input.countries, ...plan.input.payers].map((c) => [c.code, c.name]));
  const byPair = new Map<string, { payer: string; seller: string; eur: number }>();
  for (const f of plan.moneyFlows) {
    const key = `${f.payer}\u0000${f.seller}`;
    const p = byPair.get(key) ?? { payer: f.payer, seller: f.seller, eur: 0 };
    p.eur += f.paidEur;
    byPair.set(key, p);
  }
  const paid = new Map<string, number>();
  for (const p of byPair.values()) paid.set(p.payer, (paid.get(p.payer) ?? 0) + p.eur);
  const payers = [...paid.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
  const labels = uniqueLabels(payers.map((code) => ({ code, label: names.get(code) ?? code })));
  const label = new Map(payers.map((code, i) => [code, labels[i]!]));
  const sellers = [...new Set([...byPair.values()].map((p) => p.seller))].sort();
  const sellerLabel = (code: string) => `${names.get(code) ?? code}`;
  return {
    config: CHART_CONFIG,
    data: {
      values: [...byPair.values()]
        .filter((p) => p.eur > 0 && label.has(p.payer))
        .sort((a, b) => a.payer.localeCompare(b.payer) || a.seller.localeCompare(b.seller))
        .map((p) => ({ payer: label.get(p.payer)!, seller: sellerLabel(p.seller), million: round(p.eur / 1e6) })),
    },
    width: 560,
    height: Math.max(120, 20 * payers.length),
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'payer', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 320 } },
      x: { field: 'million', type: 'quantitative', title: 'EUR million', axis: { format: ',~f', grid: true }, stack: 'zero' },
      color: { field: 'seller', type: 'nominal', title: 'industry of', sort: sellers.map(sellerLabel), scale: { scheme: 'tableau20' }, legend: { orient: 'right', columns: 1 } },
    },
  };
}
