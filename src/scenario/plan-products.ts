import type { DataSet } from '../inputs/parse-data-folder.js';
import { DEFAULT_RECIPIENT } from '../inputs/recipients.js';
import type { PlanBomEntry, PlanLine, PlanMaterial, PlanNeed, PlanSystem } from './plan-input.js';
import type { ScenarioSettings, Target } from './scenario-settings.js';
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

/** Per line (country, product, producer): each month's output already sold, and the share of it that may wait. */
interface Sold {
  readonly committed: number[];
  readonly deferrable: number[];
  deferralCostEur: number;
}

export const lineKey = (country: string, product: string, producer: string | undefined) => `${country}\u0000${product}\u0000${producer ?? ''}`;

/** The commitments of each line, spread over the horizon's months. */
function soldByLine(data: DataSet, first: number, horizon: number): Map<string, Sold> {
  const sold = new Map<string, Sold>();
  for (const c of data.commitments) {
    const key = lineKey(c.country, c.system, c.producer);
    const line = sold.get(key) ?? { committed: new Array<number>(horizon).fill(0), deferrable: new Array<number>(horizon).fill(0), deferralCostEur: 0 };
    sold.set(key, line);
    if (c.deferral_cost_eur_per_unit_month !== undefined) line.deferralCostEur = c.deferral_cost_eur_per_unit_month;
    const months = c.period.month !== undefined ? [c.period.month] : Array.from({ length: 12 }, (_, m) => c.period.year * 12 + m);
    const quantity = c.period.month !== undefined ? c.quantity : c.quantity / 12;
    for (const month of months) {
      const t = month - first;
      if (t < 0 || t >= horizon) continue;
      line.committed[t]! += quantity;
      line.deferrable[t] = c.deferrable_share ?? 0;
    }
  }
  return sold;
}

/** Whether a setting's target names a line: its country (or group), or its product (or category). */
export function lineTargets(data: DataSet, country: string, product: string): (t: Target) => boolean {
  const countryRow = data.countries.find((c) => c.country === country);
  const category = data.systems.find((s) => s.system === product)?.category;
  return (t) => (t.kind === 'country' || t.kind === 'group' ? targetMatchesPayer(t, { code: country, kind: 'country', group: countryRow?.group }) : targetMatchesProduct(t, { code: product, category }));
}

/**
 * The lines of the participating countries, scaled, with their output already sold per month.
 * A commitment above the (scaled) starting capacity is cut to it: the other customers' orders
 * come first, and Ukraine's share cannot go below nothing. Stock releases (planReleases) follow.
 */
export function planLines(data: DataSet, settings: ScenarioSettings, excluded: ReadonlySet<string>, first: number, horizon: number): PlanLine[] {
  const materials = new Set(data.materials.map((m) => m.material));
  const sold = soldByLine(data, first, horizon);
  const none = new Array<number>(horizon).fill(0);
  return data.capacity
    .filter((l) => !excluded.has(l.country))
    .map((l) => {
      const matches = lineTargets(data, l.country, l.system);
      const scale = lastMatch(settings.capacityScale, matches, 1);
      const soldScale = lastMatch(settings.commitmentScale, matches, 1);
      const waits = lastMatch(settings.deferrableScale, matches, 1);
      const capacityPerMonth = l.capacity_per_month * scale;
      const producer = l.producer ?? '';
      const line = sold.get(lineKey(l.country, l.system, l.producer));
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
        committed: (line?.committed ?? none).map((q) => Math.min(capacityPerMonth, q * soldScale)),
        kind: l.status ?? 'existing',
        firstT: 0,
        releaseUnits: undefined,
        deferrable: (line?.deferrable ?? none).map((share) => Math.min(1, share * waits)),
        deferralCostEur: line?.deferralCostEur ?? 0,
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
