import { productMatches, selectPayers, selectSellers, type PayerInfo, type ProductInfo } from '../inputs/selectors.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import type { PlanChannel, PlanCountry, PlanLine, PlanPayer } from './plan-input.js';
import type { ScenarioSettings } from './scenario-settings.js';
import { lastMatch, targetMatchesChannel } from './targets.js';

/**
 * The channels of channels.csv for the scenario's payers and lines: a row whose payer cell
 * names several payers becomes one channel per payer, each with the row's share and factor.
 * Channels of excluded payers, and channels that reach no line of the scenario, are dropped.
 */
export function planChannels(data: DataSet, settings: ScenarioSettings, payers: readonly PlanPayer[], countries: readonly PlanCountry[], lines: readonly PlanLine[]): PlanChannel[] {
  const payerInfo: PayerInfo[] = payers.map((p) => ({ code: p.code, kind: p.kind, group: p.group }));
  const productInfo = new Map<string, ProductInfo>([
    ...data.systems.map((s) => [s.system, { code: s.system, kind: 'system' as const, category: s.category }] as const),
    ...data.materials.map((m) => [m.material, { code: m.material, kind: 'material' as const, category: '' }] as const),
  ]);
  const out: PlanChannel[] = [];
  for (const { row } of data.channels) {
    const selected = selectPayers(row.payer, payerInfo);
    if (!selected.ok) continue; // every payer it names is excluded in this scenario
    const share = lastMatch(settings.channelShare, (t) => targetMatchesChannel(t, row.channel), row.max_share ?? 1);
    for (const code of selected.codes) {
      const payer = payerInfo.find((p) => p.code === code)!;
      const sellers = selectSellers(row.seller, payer, countries);
      const sold = new Set(sellers.ok ? sellers.codes : []);
      const reach = lines.flatMap((l, i) => (sold.has(l.country) && productMatches(row.product, productInfo.get(l.system)!) ? [i] : []));
      if (reach.length === 0) continue;
      out.push({
        id: selected.codes.length > 1 || row.payer !== code ? `${row.channel}:${code}` : row.channel,
        channel: row.channel,
        ...(row.group !== undefined ? { group: row.group } : {}),
        payer: code,
        priceFactor: row.price_factor ?? 1,
        maxShare: share,
        lines: reach,
      });
    }
  }
  return out;
}
