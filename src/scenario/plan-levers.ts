import type { DataSet } from '../inputs/parse-data-folder.js';
import type { PlanLine, PlanOption } from './plan-input.js';
import { byCode, lineKey, lineTargets } from './plan-products.js';
import type { ScenarioSettings } from './scenario-settings.js';
import { lastMatch } from './targets.js';

/** The label of a stock release's line (a producer no capacity.csv line can have: codes have no brackets, and producers are a country's firms). */
export const RELEASE_PRODUCER = '(stock release)';

/**
 * The stocks that holders taking part can release, as lines (model.md 2s): capacity
 * max_per_month from the first month on, no options, at most `units` in all; inventory_scale
 * scales the units. Sorted by product and holder, after the production lines.
 */
export function planReleases(data: DataSet, settings: ScenarioSettings, excluded: ReadonlySet<string>, first: number, horizon: number): PlanLine[] {
  const materials = new Set(data.materials.map((m) => m.material));
  return data.inventories
    .filter((r) => !excluded.has(r.holder))
    .map((r) => {
      const units = r.units * lastMatch(settings.inventoryScale, lineTargets(data, r.holder, r.system), 1);
      const firstT = Math.max(0, (r.first_month ?? first) - first);
      return {
        id: `${r.holder}/${r.system}/${RELEASE_PRODUCER}`,
        country: r.holder,
        system: r.system,
        makesMaterial: materials.has(r.system),
        producer: RELEASE_PRODUCER,
        capacityPerMonth: Math.min(r.max_per_month, units),
        maxCapacityPerMonth: Math.min(r.max_per_month, units),
        maxExpansionPerMonth: undefined,
        leadTimeMonths: 0,
        deliveryLagMonths: r.delivery_lag_months ?? 0,
        unitCostEur: r.unit_cost_eur,
        expansionCostEur: 0,
        committed: new Array<number>(horizon).fill(0),
        kind: 'release' as const,
        firstT: Math.min(firstT, horizon),
        releaseUnits: units,
        deferrable: new Array<number>(horizon).fill(0),
        deferralCostEur: 0,
      };
    })
    .sort((a, b) => Number(a.makesMaterial) - Number(b.makesMaterial) || byCode(a.system, b.system) || byCode(a.country, b.country));
}

/**
 * The capacity options of the lines taking part, in line order (then by id): option_scale
 * scales what each adds (0 closes it) and capacity_scale too, as it scales the line.
 */
export function planOptions(data: DataSet, settings: ScenarioSettings, lines: readonly PlanLine[], first: number): PlanOption[] {
  const index = new Map(lines.map((l, i) => [lineKey(l.country, l.system, l.kind === 'release' ? '\u0001release' : l.producer), i]));
  const out: PlanOption[] = [];
  for (const o of data.options) {
    const line = index.get(lineKey(o.country, o.system, o.producer ?? ''));
    if (line === undefined) continue; // its country does not take part
    const matches = lineTargets(data, o.country, o.system);
    const scale = lastMatch(settings.optionScale, (t) => (t.kind === 'option' ? t.code === o.option : t.kind === 'options' ? t.codes.includes(o.option) : matches(t)), 1) * lastMatch(settings.capacityScale, matches, 1);
    out.push({
      id: o.option,
      line,
      addPerMonth: o.max_capacity_added * scale,
      costPerCapacityEur: o.cost_per_capacity_eur,
      leadTimeMonths: o.lead_time_months,
      maxOrderPerMonth: o.max_order_per_month,
      firstOrderT: Math.max(0, (o.first_order_month ?? first) - first),
      offtakeMonths: o.offtake_months ?? 0,
      description: o.description ?? '',
    });
  }
  return out.sort((a, b) => a.line - b.line || byCode(a.id, b.id));
}
