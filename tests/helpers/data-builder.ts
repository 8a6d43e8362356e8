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
  commitments?: readonly { country?: string; system?: string; producer?: string; quantity: number }[];
  materials?: readonly string[];
  bom?: readonly { product: string; material: string; quantity: number }[];
}

/** A data folder in memory for a small hand-checkable case. */
export function caseFiles(spec: CaseSpec): DataFiles {
  const ms = months('2026-01', spec.months);
  const countries: NonNullable<CaseSpec['countries']> = spec.countries ?? [...new Set([...spec.lines.map((l) => l.country ?? 'AA'), ...Object.keys(spec.budgets)])].map((code) => ({ code }));
  const materials = new Set(spec.materials ?? []);
  const systems: NonNullable<CaseSpec['systems']> =
    spec.systems ?? [...new Set([...spec.lines.map((l) => l.system ?? 's'), ...Object.keys(spec.needs)])].filter((code) => !materials.has(code)).map((code) => ({ code }));
  const funds = new Set(Object.keys(spec.funds ?? {}));
  const texts: Record<string, string> = {
    'countries.csv': csv(['country', 'name', 'gdp_eur', 'group'], countries.filter((c) => !funds.has(c.code)).map((c) => [c.code, `Country ${c.code}`, c.gdp ?? 1e12, c.group])),
    'systems.csv': csv(['system', 'name', 'category', 'unit', 'priority'], systems.map((s) => [s.code, `System ${s.code}`, s.category ?? 'cat', 'unit', s.priority ?? 1])),
    'capacity.csv': csv(
      ['country', 'system', 'producer', 'capacity_per_month', 'max_capacity_per_month', 'max_expansion_per_month', 'lead_time_months', 'unit_cost_eur', 'expansion_cost_eur', 'delivery_lag_months'],
      spec.lines.map((l) => [l.country ?? 'AA', l.system ?? 's', l.producer ?? 'P', l.cap0, l.capmax, l.ramp, l.lead, l.unit ?? 1, l.xcost, l.lag]),
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
    texts['commitments.csv'] = csv(
      ['country', 'system', 'producer', 'period', 'quantity'],
      spec.commitments.flatMap((c) => ms.map((m) => [c.country ?? 'AA', c.system ?? 's', c.producer ?? 'P', m, c.quantity])),
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
