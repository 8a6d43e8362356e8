import type { PlanLine } from '../scenario/plan-input.js';
import { OWN_EXPANSION, type LeverSummary, type Plan } from './plan.js';
import { TOLERANCE } from './read-values.js';

/**
 * What money bought beyond output (model.md version 3): capacity per line and option, stock
 * releases per holder and system, places in the queue per line, and output left over at the end
 * where take-or-pay obliged it. Each list largest first (by money), ties by name.
 */
export function summarizeLevers(plan: Plan): LeverSummary {
  const H = plan.input.months.length;
  const byOption = new Map<string, LeverSummary['options'][number]>();
  for (const o of plan.orders) {
    const key = `${o.line.id}\u0000${o.option}`;
    const before = byOption.get(key);
    byOption.set(key, {
      line: o.line,
      option: o.option,
      capacity: (before?.capacity ?? 0) + o.ordered,
      costEur: (before?.costEur ?? 0) + o.costEur,
      firstOnlineT: Math.min(before?.firstOnlineT ?? Infinity, o.onlineFromT),
      offtakeUnits: (before?.offtakeUnits ?? 0) + o.offtakeUnits,
    });
  }
  const releases: LeverSummary['releases'][number][] = [];
  const queue: LeverSummary['queue'][number][] = [];
  plan.input.lines.forEach((line, l) => {
    const months = plan.lineMonths.slice(l * H, (l + 1) * H);
    if (line.releaseUnits !== undefined) {
      const units = months.reduce((a, m) => a + m.units, 0);
      if (units > TOLERANCE) releases.push({ line, units, costEur: months.reduce((a, m) => a + m.costEur, 0), unitsLeft: Math.max(0, line.releaseUnits - units) });
    }
    const waited = months.reduce((a, m) => a + m.deferred, 0);
    if (waited > TOLERANCE) queue.push({ line, unitsWaited: waited, premiumEur: months.reduce((a, m) => a + m.owed * line.deferralCostEur, 0), longestOwed: Math.max(...months.map((m) => m.owed)) });
  });
  const obliged = new Set(plan.lineMonths.filter((m) => m.contracted > TOLERANCE).map((m) => m.line.system));
  const surplus = [...plan.endStock].filter(([system, units]) => obliged.has(system) && units > TOLERANCE).map(([system, units]) => ({ system, units }));
  const byMoney = <T extends { costEur: number; line: PlanLine }>(a: T, b: T) => b.costEur - a.costEur || a.line.id.localeCompare(b.line.id);
  return {
    options: [...byOption.values()].sort((a, b) => byMoney(a, b) || a.option.localeCompare(b.option)),
    releases: releases.sort(byMoney),
    queue: queue.sort((a, b) => b.premiumEur - a.premiumEur || b.unitsWaited - a.unitsWaited || a.line.id.localeCompare(b.line.id)),
    surplus: surplus.sort((a, b) => a.system.localeCompare(b.system)),
  };
}

/** Whether an option's capacity came from the line's own expansion columns. */
export const isOwnExpansion = (option: string) => option === OWN_EXPANSION;
