import type { TopLevelSpec } from 'vega-lite';
import type { Plan } from '../../results/plan.js';
import { chartName, round, uniqueLabels } from './chart-data.js';
import { CHART_CONFIG } from './house-style.js';

/** Sellers with a colour of their own; the others share one. */
const MAX_SELLERS = 12;

/** Money flows: one bar per payer, largest first, stacked by the country whose industry it pays. */
export function moneyFlowsChart(plan: Plan): TopLevelSpec {
  const names = new Map([...plan.input.countries, ...plan.input.payers].map((c) => [c.code, chartName(c.name)]));
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
  // A legend of more than a dozen colours cannot be read (and Vega drops entries past its limit):
  // the sellers paid most keep their own colour, the rest share one.
  const sold = new Map<string, number>();
  for (const p of byPair.values()) sold.set(p.seller, (sold.get(p.seller) ?? 0) + p.eur);
  const ranked = [...sold.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
  const shown = new Set(ranked.length > MAX_SELLERS ? ranked.slice(0, MAX_SELLERS - 1) : ranked);
  const other = `${ranked.length - shown.size} other countries`;
  const sellerLabel = (code: string) => (shown.has(code) ? (names.get(code) ?? code) : other);
  const sellers = [...[...shown].sort().map(sellerLabel), ...(shown.size < ranked.length ? [other] : [])];
  const bars = new Map<string, { payer: string; seller: string; eur: number }>();
  for (const p of byPair.values()) {
    if (!(p.eur > 0) || !label.has(p.payer)) continue;
    const seller = sellerLabel(p.seller);
    const key = `${p.payer}\u0000${seller}`;
    const bar = bars.get(key) ?? { payer: p.payer, seller, eur: 0 };
    bar.eur += p.eur;
    bars.set(key, bar);
  }
  return {
    config: CHART_CONFIG,
    data: {
      values: [...bars.values()]
        .sort((a, b) => a.payer.localeCompare(b.payer) || a.seller.localeCompare(b.seller))
        .map((p) => ({ payer: label.get(p.payer)!, seller: p.seller, million: round(p.eur / 1e6) })),
    },
    width: 560,
    height: Math.max(120, 20 * payers.length),
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'payer', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 400 } },
      x: { field: 'million', type: 'quantitative', title: 'EUR million', axis: { format: ',~f', grid: true }, stack: 'zero' },
      color: { field: 'seller', type: 'nominal', title: 'industry of', sort: sellers, scale: { scheme: 'tableau20' }, legend: { orient: 'right', columns: 1 } },
    },
  };
}
