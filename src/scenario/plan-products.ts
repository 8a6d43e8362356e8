import type { DataSet } from '../inputs/parse-data-folder.js';
import { DEFAULT_RECIPIENT } from '../inputs/recipients.js';
import type { PlanBomEntry, PlanLine, PlanMaterial, PlanNeed, PlanSystem } from './plan-input.js';
import type { ScenarioSettings } from './scenario-settings.js';
import { lastMatch, targetMatchesPayer, targetMatchesProduct } from './targets.js';

export const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Systems and materials with their opening stocks, and what each product consumes. */
export function planProducts(data: DataSet): { systems: PlanSystem[]; materials: PlanMaterial[]; bom: PlanBomEntry[] } {
  const stock = new Map(data.stocks.map((s) => [s.system, s.quantity]));
  return {
    systems: data.systems
      .map((s) => ({ code: s.system, name: s.name, category: s.category, unit: s.unit, priority: s.priority, stock: stock.get(s.system) ?? 0 }))
      .sort((a, b) => byCode(a.code, b.code)),
    materials: data.materials.map((m) => ({ code: m.material, name: m.name, unit: m.unit, stock: stock.get(m.material) ?? 0 })).sort((a, b) => byCode(a.code, b.code)),
    bom: data.bom.map((r) => ({ product: r.system, material: r.material, quantityPerUnit: r.quantity_per_unit })).sort((a, b) => byCode(a.product, b.product) || byCode(a.material, b.material)),
  };
}

/**
 * The lines of the participating countries, scaled, with their output already sold per month.
 * A commitment above the (scaled) starting capacity is cut to it: the other customers' orders
 * come first, and Ukraine's share cannot go below nothing.
 */
export function planLines(data: DataSet, settings: ScenarioSettings, excluded: ReadonlySet<string>, first: number, horizon: number): PlanLine[] {
  const categoryOf = new Map(data.systems.map((s) => [s.system, s.category]));
  const materials = new Set(data.materials.map((m) => m.material));
  const countryRows = new Map(data.countries.map((c) => [c.country, c]));
  const lineKey = (country: string, product: string, producer: string | undefined) => `${country}\u0000${product}\u0000${producer ?? ''}`;
  const committed = new Map<string, number[]>();
  for (const c of data.commitments) {
    const perMonth = committed.get(lineKey(c.country, c.system, c.producer)) ?? new Array<number>(horizon).fill(0);
    committed.set(lineKey(c.country, c.system, c.producer), perMonth);
    const months = c.period.month !== undefined ? [c.period.month] : Array.from({ length: 12 }, (_, m) => c.period.year * 12 + m);
    const quantity = c.period.month !== undefined ? c.quantity : c.quantity / 12;
    for (const month of months) if (month - first >= 0 && month - first < horizon) perMonth[month - first]! += quantity;
  }
  return data.capacity
    .filter((l) => !excluded.has(l.country))
    .map((l) => {
      const country = countryRows.get(l.country)!;
      const product = { code: l.system, category: categoryOf.get(l.system) };
      const matches = (t: Parameters<typeof targetMatchesProduct>[0]) =>
        t.kind === 'country' || t.kind === 'group' ? targetMatchesPayer(t, { code: country.country, kind: 'country', group: country.group }) : targetMatchesProduct(t, product);
      const scale = lastMatch(settings.capacityScale, matches, 1);
      const sold = lastMatch(settings.commitmentScale, matches, 1);
      const capacityPerMonth = l.capacity_per_month * scale;
      const producer = l.producer ?? '';
      return {
        id: `${l.country}/${l.system}/${producer}`,
        country: l.country,
        system: l.system,
        makesMaterial: materials.has(l.system),
        producer,
        capacityPerMonth,
        maxCapacityPerMonth: (l.max_capacity_per_month ?? l.capacity_per_month) * scale,
        maxExpansionPerMonth: l.max_expansion_per_month,
        leadTimeMonths: l.lead_time_months ?? 0,
        deliveryLagMonths: l.delivery_lag_months ?? 0,
        unitCostEur: l.unit_cost_eur,
        expansionCostEur: l.expansion_cost_eur ?? 0,
        committed: (committed.get(lineKey(l.country, l.system, l.producer)) ?? new Array<number>(horizon).fill(0)).map((q) => Math.min(capacityPerMonth, q * sold)),
      };
    })
    .sort((a, b) => Number(a.makesMaterial) - Number(b.makesMaterial) || byCode(a.system, b.system) || byCode(a.country, b.country) || byCode(a.producer, b.producer));
}

/** The needs within the horizon, scaled, weighted and with their guarantee floors. */
export function planNeeds(data: DataSet, settings: ScenarioSettings, first: number, horizon: number): PlanNeed[] {
  const systemRows = new Map(data.systems.map((s) => [s.system, s]));
  const needs: PlanNeed[] = [];
  for (const n of data.needs) {
    const t = n.period - first;
    if (t < 0 || t >= horizon) continue;
    const system = systemRows.get(n.system)!;
    const product = { code: system.system, category: system.category };
    const matches = (target: Parameters<typeof targetMatchesProduct>[0]) => targetMatchesProduct(target, product);
    needs.push({
      system: n.system,
      recipient: n.recipient ?? DEFAULT_RECIPIENT,
      t,
      quantity: n.quantity * lastMatch(settings.needScale, matches, 1),
      weight: (n.priority ?? system.priority) * lastMatch(settings.priorityScale, matches, 1),
      guarantee: lastMatch(settings.guarantee, matches, 0),
    });
  }
  return needs.sort((a, b) => byCode(a.system, b.system) || byCode(a.recipient, b.recipient) || a.t - b.t);
}
