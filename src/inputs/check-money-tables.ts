import { checkProductSelector, productMatches, selectPayers, selectSellers, type PayerInfo, type ProductInfo } from './selectors.js';
import { at, checkSources, unique, type TableChecks } from './table-checks.js';

/** The payers and products of the tables as parsed, for selectors. */
export function payersAndProducts(checks: TableChecks): { payers: PayerInfo[]; countries: { code: string; group: string }[]; products: ProductInfo[] } {
  const { tables } = checks;
  const countries = (tables['countries.csv']?.rows ?? []).map((r) => ({ code: r.row.country, group: r.row.group ?? '' }));
  const funds = (tables['funds.csv']?.rows ?? []).map((r) => ({ code: r.row.fund, kind: 'fund' as const, group: r.row.group ?? '' }));
  const products: ProductInfo[] = [
    ...(tables['systems.csv']?.rows ?? []).map((r) => ({ code: r.row.system, kind: 'system' as const, category: r.row.category })),
    ...(tables['materials.csv']?.rows ?? []).map((r) => ({ code: r.row.material, kind: 'material' as const, category: '' })),
  ];
  return { payers: [...countries.map((c) => ({ ...c, kind: 'country' as const })), ...funds], countries, products };
}

/** funds.csv and channels.csv: keys, codes apart from countries, selectors that name something, channels that reach a line. */
export function checkMoneyTables(checks: TableChecks): void {
  const { tables, clean } = checks;
  const f = tables['funds.csv'];
  unique(checks, 'funds.csv', f?.rows, (r) => r.fund, 'fund', (r) => `fund ${r.fund}`);
  const countryCodes = new Set(tables['countries.csv']?.rows.map((r) => r.row.country));
  for (const { line, row } of f?.rows ?? []) {
    if (countryCodes.has(row.fund)) at(checks, 'funds.csv', line, 'fund', 'CODE_CLASH', `fund code "${row.fund}" is a country code: give the fund a code of its own (e.g. EU-${row.fund})`);
  }
  checkSources(checks, 'funds.csv', f?.rows);

  const ch = tables['channels.csv'];
  if (!ch) return;
  unique(checks, 'channels.csv', ch.rows, (r) => r.channel, 'channel', (r) => `channel ${r.channel}`);
  checkSources(checks, 'channels.csv', ch.rows);
  const ready = ['countries.csv', 'systems.csv', 'capacity.csv'].every((file) => clean.has(file as 'countries.csv')) && (!tables['funds.csv'] || clean.has('funds.csv')) && (!tables['materials.csv'] || clean.has('materials.csv'));
  if (!ready) return;
  const { payers, countries, products } = payersAndProducts(checks);
  const productOf = new Map(products.map((p) => [p.code, p]));
  const lines = (tables['capacity.csv']?.rows ?? []).map((r) => r.row);
  for (const { line, row } of ch.rows) {
    const who = selectPayers(row.payer, payers);
    if (!who.ok) at(checks, 'channels.csv', line, 'payer', 'UNKNOWN_SELECTOR', `payer: ${who.message}; a payer is a country, a fund, group:NAME or *`);
    const productProblem = checkProductSelector(row.product, products);
    if (productProblem) at(checks, 'channels.csv', line, 'product', 'UNKNOWN_SELECTOR', `product: ${productProblem}; a product is a system, a material, category:NAME or *`);
    const sellerProblem = row.seller === 'own' ? undefined : selectSellers(row.seller, payers[0] ?? { code: '', kind: 'fund', group: '' }, countries);
    if (sellerProblem && !sellerProblem.ok) at(checks, 'channels.csv', line, 'seller', 'UNKNOWN_SELECTOR', `seller: ${sellerProblem.message}`);
    if (!who.ok || productProblem || (sellerProblem && !sellerProblem.ok)) continue;
    const reaches = who.codes.some((code) => {
      const sellers = selectSellers(row.seller, payers.find((p) => p.code === code)!, countries);
      const sold = new Set(sellers.ok ? sellers.codes : []);
      return lines.some((l) => sold.has(l.country) && productOf.has(l.system) && productMatches(row.product, productOf.get(l.system)!));
    });
    if (!reaches) {
      at(checks, 'channels.csv', line, 'seller', 'CHANNEL_REACHES_NOTHING', `channel ${row.channel} reaches no line of capacity.csv for any of its payers (seller ${row.seller}, product ${row.product ?? '*'})`);
    }
  }
}
