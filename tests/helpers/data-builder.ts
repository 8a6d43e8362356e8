import type { DataFiles } from '../../src/inputs/parse-data-folder.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { planRampUp, type PlanOptions } from '../../src/plan-ramp-up.js';

type Cell = string | number | undefined;

/** CSV text from a header and rows; undefined cells are left empty. */
export function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header.join(','), ...rows.map((r) => r.map((c) => (c === undefined ? '' : String(c))).join(','))].join('\n') + '\n';
}

export function files(texts: Record<string, string>): DataFiles {
  const out: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(texts)) out[name] = new TextEncoder().encode(text);
  return out as DataFiles;
}

export function months(first: string, count: number): string[] {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const idx = y * 12 + (m - 1) + i;
    return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
  });
}

export interface LineSpec {
  country?: string;
  system?: string;
  producer?: string;
  cap0: number;
  capmax?: number;
  ramp?: number;
  lead?: number;
  unit?: number;
  xcost?: number;
  /** delivery_lag_months */
  lag?: number;
  /** capacity.csv status (version 3): a candidate plant. */
  status?: 'existing' | 'candidate';
}

/** An options.csv row (version 3); `first` is a month index from the first month. */
export interface OptionSpec {
  country?: string;
  system?: string;
  producer?: string;
  id: string;
  add: number;
  cost: number;
  lead: number;
  ramp?: number;
  first?: number;
  offtake?: number;
}

/** An inventories.csv row (version 3); `first` is a month index from the first month. */
export interface InventorySpec {
  holder: string;
  system?: string;
  units: number;
  perMonth: number;
  first?: number;
  unit: number;
  lag?: number;
}

export interface CaseSpec {
  countries?: { code: string; gdp?: number; group?: string }[];
  systems?: { code: string; priority?: number; category?: string }[];
  lines: LineSpec[];
  /** Need per month per system (same every month) or a list per month. */
  needs: Record<string, number | number[]>;
  months: number;
  /** Budget per country per month (EUR). */
  budgets: Record<string, number>;
  stocks?: Record<string, number>;
  scenarios?: string;
  /** Version 2: funds (code -> group), channels.csv rows, commitments (per month, every month), materials and bom. */
  funds?: Record<string, string>;
  channels?: readonly { id: string; payer: string; seller: string; product?: string; share?: number; factor?: number }[];
  commitments?: readonly { country?: string; system?: string; producer?: string; quantity: number; share?: number; premium?: number }[];
  materials?: readonly string[];
  bom?: readonly { product: string; material: string; quantity: number }[];
  /** Version 3: capacity options and stock releases. */
  options?: readonly OptionSpec[];
  inventories?: readonly InventorySpec[];
}

/** A data folder in memory for a small hand-checkable case. */
export function caseFiles(spec: CaseSpec): DataFiles {
  const ms = months('2026-01', spec.months);
  const countries: NonNullable<CaseSpec['countries']> =
    spec.countries ?? [...new Set([...spec.lines.map((l) => l.country ?? 'AA'), ...(spec.inventories ?? []).map((i) => i.holder), ...Object.keys(spec.budgets)])].map((code) => ({ code }));
  const materials = new Set(spec.materials ?? []);
  const systems: NonNullable<CaseSpec['systems']> =
    spec.systems ?? [...new Set([...spec.lines.map((l) => l.system ?? 's'), ...Object.keys(spec.needs)])].filter((code) => !materials.has(code)).map((code) => ({ code }));
  const funds = new Set(Object.keys(spec.funds ?? {}));
  const texts: Record<string, string> = {
    'countries.csv': csv(['country', 'name', 'gdp_eur', 'group'], countries.filter((c) => !funds.has(c.code)).map((c) => [c.code, `Country ${c.code}`, c.gdp ?? 1e12, c.group])),
    'systems.csv': csv(['system', 'name', 'category', 'unit', 'priority'], systems.map((s) => [s.code, `System ${s.code}`, s.category ?? 'cat', 'unit', s.priority ?? 1])),
    'capacity.csv': csv(
      ['country', 'system', 'producer', 'capacity_per_month', 'max_capacity_per_month', 'max_expansion_per_month', 'lead_time_months', 'unit_cost_eur', 'expansion_cost_eur', 'delivery_lag_months', ...(spec.lines.some((l) => l.status) ? ['status'] : [])],
      spec.lines.map((l) => [l.country ?? 'AA', l.system ?? 's', l.producer ?? 'P', l.cap0, l.capmax, l.ramp, l.lead, l.unit ?? 1, l.xcost, l.lag, ...(spec.lines.some((x) => x.status) ? [l.status] : [])]),
    ),
    'needs.csv': csv(
      ['system', 'period', 'quantity'],
      Object.entries(spec.needs).flatMap(([system, q]) => ms.map((m, i) => [system, m, Array.isArray(q) ? q[i] : q])),
    ),
    'budgets.csv': csv(['payer', 'period', 'budget_eur'], Object.entries(spec.budgets).flatMap(([c, b]) => ms.map((m) => [c, m, b]))),
  };
  if (spec.funds) texts['funds.csv'] = csv(['fund', 'name', 'group'], Object.entries(spec.funds).map(([code, group]) => [code, `Fund ${code}`, group || undefined]));
  if (spec.channels) {
    texts['channels.csv'] = csv(
      ['channel', 'payer', 'seller', 'product', 'max_share', 'price_factor'],
      spec.channels.map((c) => [c.id, c.payer, c.seller, c.product, c.share, c.factor]),
    );
  }
  if (spec.commitments) {
    const deferrable = spec.commitments.some((c) => c.share !== undefined);
    texts['commitments.csv'] = csv(
      ['country', 'system', 'producer', 'period', 'quantity', ...(deferrable ? ['deferrable_share', 'deferral_cost_eur_per_unit_month'] : [])],
      spec.commitments.flatMap((c) => ms.map((m) => [c.country ?? 'AA', c.system ?? 's', c.producer ?? 'P', m, c.quantity, ...(deferrable ? [c.share, c.premium] : [])])),
    );
  }
  if (spec.options) {
    texts['options.csv'] = csv(
      ['country', 'system', 'producer', 'option', 'max_capacity_added', 'cost_per_capacity_eur', 'lead_time_months', 'max_order_per_month', 'first_order_month', 'offtake_months'],
      spec.options.map((o) => [o.country ?? 'AA', o.system ?? 's', o.producer ?? 'P', o.id, o.add, o.cost, o.lead, o.ramp, o.first === undefined ? undefined : ms[o.first], o.offtake]),
    );
  }
  if (spec.inventories) {
    texts['inventories.csv'] = csv(
      ['holder', 'system', 'units', 'max_per_month', 'first_month', 'unit_cost_eur', 'delivery_lag_months'],
      spec.inventories.map((i) => [i.holder, i.system ?? 's', i.units, i.perMonth, i.first === undefined ? undefined : ms[i.first], i.unit, i.lag]),
    );
  }
  if (spec.materials) texts['materials.csv'] = csv(['material', 'name', 'unit'], spec.materials.map((m) => [m, `Material ${m}`, 'kg']));
  if (spec.bom) texts['bom.csv'] = csv(['system', 'material', 'quantity_per_unit'], spec.bom.map((b) => [b.product, b.material, b.quantity]));
  if (spec.stocks) texts['stocks.csv'] = csv(['system', 'quantity'], Object.entries(spec.stocks));
  if (spec.scenarios) texts['scenarios.csv'] = spec.scenarios;
  return files(texts);
}

export async function planCase(spec: CaseSpec, options: PlanOptions = {}) {
  return planRampUp(loadDataSet(caseFiles(spec)), [], options);
}

/** Shortfall per month of one system, in month order. */
export function shortfallByMonth(outcome: Awaited<ReturnType<typeof planCase>>, system = 's'): number[] {
  return outcome.plan.needs.filter((n) => n.need.system === system).map((n) => Math.round(n.shortfall * 1e4) / 1e4);
}

/** A text report of a plan outcome by file name. */
export function reportText(outcome: { files: readonly { name: string; content: string | Uint8Array }[] }, name: string): string {
  const file = outcome.files.find((f) => f.name === name);
  if (!file) throw new Error(`no ${name} among ${outcome.files.map((f) => f.name).join(', ')}`);
  if (typeof file.content !== 'string') throw new Error(`${name} is not text`);
  return file.content;
}
