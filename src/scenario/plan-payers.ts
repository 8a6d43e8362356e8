import type { DataSet } from '../inputs/parse-data-folder.js';
import { scaleBudget } from './budget-scale.js';
import type { PlanPayer } from './plan-input.js';
import { byCode } from './plan-products.js';
import type { ScenarioSettings } from './scenario-settings.js';
import { lastMatch, targetMatchesPayer } from './targets.js';

/** A payer as targets see it: a country or a fund, with its group. */
interface PayerRef {
  readonly code: string;
  readonly kind: 'country' | 'fund';
  readonly group?: string | undefined;
}

/** Countries and funds alike: excluded ones neither make nor pay. */
export function excludedPayers(data: DataSet, settings: ScenarioSettings): Set<string> {
  const all: PayerRef[] = [
    ...data.countries.map((c) => ({ code: c.country, kind: 'country' as const, group: c.group })),
    ...data.funds.map((f) => ({ code: f.fund, kind: 'fund' as const, group: f.group })),
  ];
  const excluded = new Set<string>();
  if (settings.includeOnly.length > 0) for (const p of all) if (!settings.includeOnly.some((t) => targetMatchesPayer(t, p))) excluded.add(p.code);
  for (const p of all) if (settings.exclude.some((t) => targetMatchesPayer(t, p))) excluded.add(p.code);
  return excluded;
}

/** Every payer that takes part, countries then funds, each with its money per month of the horizon. */
export function planPayers(data: DataSet, settings: ScenarioSettings, excluded: ReadonlySet<string>, first: number, horizon: number): PlanPayer[] {
  const money = (ref: PayerRef, gdpEur: number | undefined) => budgetOf(data, settings, ref, gdpEur, first, horizon);
  return [
    ...data.countries
      .filter((c) => !excluded.has(c.country))
      .map((c) => ({ code: c.country, name: c.name, kind: 'country' as const, gdpEur: c.gdp_eur, group: c.group ?? '', budgetEur: money({ code: c.country, kind: 'country', group: c.group }, c.gdp_eur) }))
      .sort((a, b) => byCode(a.code, b.code)),
    ...data.funds
      .filter((f) => !excluded.has(f.fund))
      .map((f) => ({ code: f.fund, name: f.name, kind: 'fund' as const, gdpEur: 0, group: f.group ?? '', budgetEur: money({ code: f.fund, kind: 'fund', group: f.group }, undefined) }))
      .sort((a, b) => byCode(a.code, b.code)),
  ];
}

/** A payer's money per month: its budget rows (a year spread over its months) or a share of GDP, times its budget_scale. */
function budgetOf(data: DataSet, settings: ScenarioSettings, ref: PayerRef, gdpEur: number | undefined, first: number, horizon: number): number[] {
  const budgetEur = new Array<number>(horizon).fill(0);
  // A share of GDP replaces a country's budget rows; a fund has no GDP and keeps its rows.
  const gdpPct = gdpEur === undefined ? undefined : lastMatch(settings.budgetGdpPct, (t) => targetMatchesPayer(t, ref), undefined);
  if (gdpPct !== undefined) budgetEur.fill(((gdpPct / 100) * gdpEur!) / 12);
  else {
    for (const b of data.budgets) {
      if (b.payer !== ref.code) continue;
      const spread = b.period.month !== undefined ? [b.period.month] : Array.from({ length: 12 }, (_, m) => b.period.year * 12 + m);
      for (const month of spread) {
        const t = month - first;
        if (t >= 0 && t < horizon) budgetEur[t]! += b.period.month !== undefined ? b.budget_eur : b.budget_eur / 12;
      }
    }
  }
  return scaleBudget(budgetEur, lastMatch(settings.budgetScale, (t) => targetMatchesPayer(t, ref), 1));
}
