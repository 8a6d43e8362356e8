import { formatMonth } from '../inputs/periods.js';
import type { GapCause, Plan, PlanSummary, SystemSummary } from './plan.js';
import { summarizeLevers } from './summarize-levers.js';

export function summarizePlan(plan: Plan): PlanSummary {
  const { input } = plan;
  const systems: SystemSummary[] = [];
  for (const system of input.systems) {
    const rows = plan.needs.filter((n) => n.need.system === system.code);
    if (rows.length === 0) continue;
    const need = sum(rows.map((r) => r.need.quantity));
    const delivered = sum(rows.map((r) => r.delivered));
    const shortfall = sum(rows.map((r) => r.shortfall));
    const byCause = new Map<GapCause, number>();
    for (const r of rows) if (r.cause) byCause.set(r.cause, (byCause.get(r.cause) ?? 0) + r.shortfall * r.need.weight);
    const shortMonths = new Set(rows.filter((r) => r.shortfall > 0).map((r) => r.need.t));
    const lastShort = Math.max(-1, ...shortMonths);
    // Met from the first month after the last short one that needs something: a month without need is not "met".
    const needed = rows.filter((r) => r.need.t > lastShort && r.need.quantity > 0).map((r) => r.need.t);
    const metFrom = needed.length > 0 ? Math.min(...needed) : lastShort < 0 ? 0 : undefined;
    systems.push({
      system: system.code,
      name: system.name,
      category: system.category,
      unit: system.unit,
      need,
      delivered,
      shortfall,
      weightedShortfall: sum(rows.map((r) => r.shortfall * r.need.weight)),
      fillRate: need > 0 ? delivered / need : 1,
      firstMonthMet: metFrom !== undefined ? formatMonth(input.months[metFrom]!) : undefined,
      mainCause: [...byCause.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0],
      monthsShort: shortMonths.size,
    });
  }
  const need = sum(systems.map((s) => s.need));
  const delivered = sum(systems.map((s) => s.delivered));
  const weightedNeed = sum(plan.needs.map((n) => n.need.quantity * n.need.weight));
  const categories = [...new Set(systems.map((s) => s.category))].sort();
  return {
    need,
    delivered,
    fillRate: need > 0 ? delivered / need : 1,
    weightedFillRate: weightedNeed > 0 ? 1 - plan.weightedShortfall / weightedNeed : 1,
    weightedShortfall: plan.weightedShortfall,
    totalCostEur: plan.totalCostEur,
    budgetEur: sum(plan.payers.map((c) => c.budgetEur)),
    moneySpentEur: plan.moneySpentEur,
    systems,
    worstGaps: systems
      .filter((s) => s.shortfall > 0)
      .sort((a, b) => b.weightedShortfall - a.weightedShortfall || a.system.localeCompare(b.system)),
    fillRateByCategory: categories.map((category) => {
      const inCat = systems.filter((s) => s.category === category);
      const n = sum(inCat.map((s) => s.need));
      return { category, fillRate: n > 0 ? sum(inCat.map((s) => s.delivered)) / n : 1 };
    }),
    levers: summarizeLevers(plan),
  };
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
