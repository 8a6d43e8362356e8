import fc from 'fast-check';
import type { DataFiles } from '../../src/inputs/parse-data-folder.js';
import { COUNTRY_CODES, FIRST_MONTH, dataFilesOf, dataSpecArb, monthOf, type DataSpec, type DataSpecLimits } from './arbitraries.js';
import { csv, files } from './data-builder.js';

/**
 * Random valid folders with the version-2 files (funds, channels, commitments, delivery lags,
 * materials), as a readable spec: the base folder of arbitraries.ts plus the new parts.
 */
export interface V2Spec {
  readonly base: DataSpec;
  /** [line index] delivery lag in months. */
  readonly lags: readonly number[];
  /** fund code -> monthly budget, EUR. */
  readonly funds: Readonly<Record<string, number>>;
  readonly channels: readonly V2Channel[];
  /** [line index] output already sold every month (0 = none), at most the line's capacity. */
  readonly committed: readonly number[];
  readonly materials: readonly string[];
  readonly bom: readonly { product: string; material: string; quantity: number }[];
  readonly materialLines: readonly { country: string; material: string; cap0: number; capmax: number; lead: number; unitEur: number; xcostEur: number; lag: number }[];
  readonly materialStocks: Readonly<Record<string, number>>;
  readonly financing: 'channels' | 'national' | 'pooled';
}

export interface V2Channel {
  readonly id: string;
  readonly payer: string;
  readonly seller: string;
  readonly product: string;
  readonly share: number;
  readonly factor: number;
}

export const FUND_CODES = ['EU-A', 'EU-B'] as const;
const MATERIAL_CODES = ['mat-1', 'mat-2'] as const;

const extrasArb = (limits: DataSpecLimits) =>
  fc.record({
    lags: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: limits.maxLines, maxLength: limits.maxLines }),
    funds: fc.array(fc.constantFrom(0, 0.3, 1, 3), { minLength: 0, maxLength: 2 }),
    channels: fc.array(
      fc.record({
        payer: fc.integer({ min: 0, max: 8 }),
        seller: fc.integer({ min: 0, max: 6 }),
        product: fc.integer({ min: 0, max: 5 }),
        share: fc.constantFrom(1, 1, 0.7, 0.3),
        factor: fc.constantFrom(1, 1, 1.1, 1.5),
      }),
      { minLength: 0, maxLength: 6 },
    ),
    committed: fc.array(fc.constantFrom(0, 0, 0.3, 0.6, 1), { minLength: limits.maxLines, maxLength: limits.maxLines }),
    materialCount: fc.integer({ min: 0, max: 2 }),
    bom: fc.array(fc.record({ product: fc.nat(), quantity: fc.constantFrom(0.5, 1, 2.5) }), { minLength: 0, maxLength: 3 }),
    chain: fc.boolean(),
    materialLines: fc.array(
      fc.record({ country: fc.nat(), material: fc.nat(), cap0: fc.integer({ min: 0, max: 400 }), growth: fc.constantFrom(0, 200), lead: fc.integer({ min: 0, max: 3 }), unitEur: fc.constantFrom(0, 5, 50), lag: fc.integer({ min: 0, max: 1 }) }),
      { minLength: 0, maxLength: 3 },
    ),
    materialStock: fc.array(fc.constantFrom(0, 0, 100, 1000), { minLength: 2, maxLength: 2 }),
    financing: fc.constantFrom('channels', 'channels', 'national', 'pooled'),
  });

export function v2SpecArb(limits: DataSpecLimits): fc.Arbitrary<V2Spec> {
  return fc.tuple(dataSpecArb(limits), extrasArb(limits)).map(([base, x]) => {
    const funds = Object.fromEntries(x.funds.map((level, i) => [FUND_CODES[i]!, Math.round(level * 1e5)]));
    const materials = MATERIAL_CODES.slice(0, x.materialCount);
    const bom: { product: string; material: string; quantity: number }[] = materials.length === 0 ? [] : x.bom.map((b, i) => ({ product: base.systems[b.product % base.systems.length]!.code, material: materials[i % materials.length]!, quantity: b.quantity }));
    if (materials.length === 2 && x.chain) bom.push({ product: 'mat-2', material: 'mat-1', quantity: 1.5 });
    const uniqueBom = [...new Map(bom.map((b) => [`${b.product}/${b.material}`, b])).values()];
    const countries = base.countries.map((c) => c.code);
    const materialLines = materials.length === 0 ? [] : x.materialLines.map((l) => ({
      country: countries[l.country % countries.length]!,
      material: materials[l.material % materials.length]!,
      cap0: l.cap0,
      capmax: l.cap0 + l.growth,
      lead: l.lead,
      unitEur: l.unitEur,
      xcostEur: l.unitEur * 10,
      lag: l.lag,
    }));
    const dedupedLines = [...new Map(materialLines.map((l) => [`${l.country}/${l.material}`, l])).values()];
    const payers = [...countries, ...Object.keys(funds), '*', 'group:core'];
    const sellers = [...countries, 'own', '*'];
    const products = ['*', ...base.systems.map((s) => s.code), 'category:ammunition', ...materials];
    const channels = x.channels
      .map((c, i) => ({ id: `ch-${i + 1}`, payer: payers[c.payer % payers.length]!, seller: sellers[c.seller % sellers.length]!, product: products[c.product % products.length]!, share: c.share, factor: c.factor }))
      .filter((c) => channelReaches(c, base, dedupedLines, Object.keys(funds)));
    return {
      base,
      lags: x.lags.slice(0, base.lines.length),
      funds,
      channels,
      committed: base.lines.map((l, i) => Math.floor(l.cap0 * x.committed[i]!)),
      materials,
      bom: uniqueBom,
      materialLines: dedupedLines,
      materialStocks: Object.fromEntries(materials.map((m, i) => [m, x.materialStock[i]!])),
      financing: channels.length === 0 && x.financing === 'channels' ? 'national' : x.financing,
    };
  });
}

/** The payers a channel's payer cell names in a spec (as contract.md defines the selectors). */
export function payersOf(selector: string, spec: DataSpec, funds: readonly string[]): string[] {
  const countries = spec.countries;
  if (selector === '*') return [...countries.map((c) => c.code), ...funds];
  if (selector.startsWith('group:')) return countries.filter((c) => c.group === selector.slice(6)).map((c) => c.code);
  return [selector];
}

/** Whether a channel of `payer` reaches a line of `country` making `product`. */
export function reaches(c: V2Channel, payer: string, country: string, product: string, spec: DataSpec): boolean {
  const sellerOk = c.seller === '*' || (c.seller === 'own' ? payer === country : c.seller === country);
  const category = spec.systems.find((s) => s.code === product)?.category;
  const productOk = c.product === '*' || c.product === product || (c.product.startsWith('category:') && category === c.product.slice(9));
  return sellerOk && productOk;
}

function channelReaches(c: V2Channel, spec: DataSpec, materialLines: readonly { country: string; material: string }[], funds: readonly string[]): boolean {
  const lines = [...spec.lines.map((l) => ({ country: l.country, product: l.system })), ...materialLines.map((l) => ({ country: l.country, product: l.material }))];
  return payersOf(c.payer, spec, funds).some((p) => lines.some((l) => reaches(c, p, l.country, l.product, spec)));
}

/** The CSV files of a version-2 spec. */
export function v2FilesOf(spec: V2Spec): DataFiles {
  const base = dataFilesOf(spec.base);
  const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
  const texts: Record<string, string> = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, text(v)]));
  const b = spec.base;
  texts['capacity.csv'] = csv(
    ['country', 'system', 'producer', 'capacity_per_month', 'max_capacity_per_month', 'max_expansion_per_month', 'lead_time_months', 'unit_cost_eur', 'expansion_cost_eur', 'delivery_lag_months'],
    [
      ...b.lines.map((l, i) => [l.country, l.system, l.producer, l.cap0, l.capmax, l.ramp, l.lead, l.unitEur, l.xcostEur, spec.lags[i]]),
      ...spec.materialLines.map((l) => [l.country, l.material, 'M', l.cap0, l.capmax, undefined, l.lead, l.unitEur, l.xcostEur, l.lag]),
    ],
  );
  const fundRows = Object.entries(spec.funds);
  if (fundRows.length > 0) {
    texts['funds.csv'] = csv(['fund', 'name'], fundRows.map(([code]) => [code, `Fund ${code}`]));
    texts['budgets.csv'] = `${text(base['budgets.csv']).trimEnd()}\n${fundRows.map(([code, eur]) => `${code},${FIRST_MONTH.slice(0, 4)},${eur * 12}`).join('\n')}\n`;
  }
  if (spec.channels.length > 0) {
    texts['channels.csv'] = csv(['channel', 'payer', 'seller', 'product', 'max_share', 'price_factor'], spec.channels.map((c) => [c.id, c.payer, c.seller, c.product, c.share, c.factor]));
  }
  const committed = b.lines.flatMap((l, i) => (spec.committed[i]! > 0 ? Array.from({ length: b.months }, (_, t) => [l.country, l.system, l.producer, monthOf(t), spec.committed[i]]) : []));
  if (committed.length > 0) texts['commitments.csv'] = csv(['country', 'system', 'producer', 'period', 'quantity'], committed);
  if (spec.materials.length > 0) {
    texts['materials.csv'] = csv(['material', 'name', 'unit'], spec.materials.map((m) => [m, `Material ${m}`, 't']));
    if (spec.bom.length > 0) texts['bom.csv'] = csv(['system', 'material', 'quantity_per_unit'], spec.bom.map((e) => [e.product, e.material, e.quantity]));
    const stocks = Object.entries(spec.materialStocks).filter(([, q]) => q > 0);
    if (stocks.length > 0 || b.stocks) texts['stocks.csv'] = csv(['system', 'quantity'], [...Object.entries(b.stocks ?? {}), ...stocks]);
  }
  texts['scenarios.csv'] = `scenario,description,setting,target,value\nbaseline,the money as it flows,financing,,${spec.financing}\n`;
  return files(texts);
}

export { COUNTRY_CODES };
