/**
 * The selectors of channels.csv (and the reach of a channel): who pays, which sellers and
 * which products. Pure functions shared by the input checks and the scenario.
 */
import { didYouMean } from './closest-name.js';

/** A payer as a selector sees it: a country or a fund, with its group. */
export interface PayerInfo {
  readonly code: string;
  readonly kind: 'country' | 'fund';
  readonly group: string;
}

/** A product as a selector sees it: a system (with its category) or a material. */
export interface ProductInfo {
  readonly code: string;
  readonly kind: 'system' | 'material';
  readonly category: string;
}

/** What a selector names, or why it names nothing known. */
export type Selection = { readonly ok: true; readonly codes: readonly string[] } | { readonly ok: false; readonly message: string };

const GROUP = 'group:';
const CATEGORY = 'category:';

/** The payers a channel's `payer` cell names: a country, a fund, `group:NAME` (countries and funds) or `*`. */
export function selectPayers(selector: string, payers: readonly PayerInfo[]): Selection {
  if (selector === '*') return { ok: true, codes: payers.map((p) => p.code) };
  if (selector.startsWith(GROUP)) {
    const name = selector.slice(GROUP.length);
    const codes = payers.filter((p) => p.group === name).map((p) => p.code);
    return codes.length > 0 ? { ok: true, codes } : { ok: false, message: `no country or fund has group "${name}"${didYouMean(name, payers.map((p) => p.group).filter(Boolean))}` };
  }
  return payers.some((p) => p.code === selector)
    ? { ok: true, codes: [selector] }
    : { ok: false, message: `"${selector}" is neither a country of countries.csv nor a fund of funds.csv${didYouMean(selector, payers.map((p) => p.code))}` };
}

/**
 * The seller countries a channel's `seller` cell names for one payer: a country,
 * `group:NAME`, `own` (the payer itself, when it is a country) or `*`.
 */
export function selectSellers(selector: string, payer: PayerInfo, countries: readonly { code: string; group: string }[]): Selection {
  if (selector === '*') return { ok: true, codes: countries.map((c) => c.code) };
  if (selector === 'own') return { ok: true, codes: payer.kind === 'country' ? [payer.code] : [] };
  if (selector.startsWith(GROUP)) {
    const name = selector.slice(GROUP.length);
    const codes = countries.filter((c) => c.group === name).map((c) => c.code);
    return codes.length > 0 ? { ok: true, codes } : { ok: false, message: `no country has group "${name}"${didYouMean(name, countries.map((c) => c.group).filter(Boolean))}` };
  }
  return countries.some((c) => c.code === selector)
    ? { ok: true, codes: [selector] }
    : { ok: false, message: `"${selector}" is not a country of countries.csv (or own, *, group:NAME)${didYouMean(selector, countries.map((c) => c.code))}` };
}

/** Whether a channel's `product` cell (a system, a material, `category:NAME` or `*`; empty = `*`) takes a product. */
export function productMatches(selector: string | undefined, product: ProductInfo): boolean {
  if (selector === undefined || selector === '*') return true;
  if (selector.startsWith(CATEGORY)) return product.kind === 'system' && product.category === selector.slice(CATEGORY.length);
  return product.code === selector;
}

/** Why a product selector names nothing known, or undefined when it is fine. */
export function checkProductSelector(selector: string | undefined, products: readonly ProductInfo[]): string | undefined {
  if (selector === undefined || selector === '*') return undefined;
  if (selector.startsWith(CATEGORY)) {
    const name = selector.slice(CATEGORY.length);
    return products.some((p) => p.kind === 'system' && p.category === name) ? undefined : `no system has category "${name}"${didYouMean(name, products.map((p) => p.category).filter(Boolean))}`;
  }
  return products.some((p) => p.code === selector) ? undefined : `"${selector}" is neither a system nor a material${didYouMean(selector, products.map((p) => p.code))}`;
}
