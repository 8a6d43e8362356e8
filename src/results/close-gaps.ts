import { MONEY_SCALE, type RampUpModel } from '../model/build-ramp-up-model.js';
import type { LexicographicSolution } from '../solve/solve-lexicographic.js';
import type { GapClosure, Plan, SystemClosure } from './plan.js';
import { readPlan } from './read-plan.js';
import { summarizePlan } from './summarize-plan.js';

/**
 * Compares the scenario's plan with the plan under unlimited money. The extra money is
 * the sum of top-ups; it is attributed to systems in proportion to how much more the
 * unlimited plan spends on each (so the per-system figures add up to the total).
 */
export function closeGaps(base: Plan, unlimitedModel: RampUpModel, unlimited: LexicographicSolution): GapClosure {
  const { index, input } = unlimitedModel;
  const values = unlimited.cost.columnValues;
  let topUp = 0;
  for (const j of index.topUp) if (j >= 0) topUp += Math.max(0, values[j]!);
  const extraMoneyEur = topUp / MONEY_SCALE;

  const open = readPlan(unlimitedModel, unlimited);
  const openSummary = summarizePlan(open);
  const spend = (plan: Plan) => {
    const bySystem = new Map<string, number>();
    for (const lm of plan.lineMonths) bySystem.set(lm.line.system, (bySystem.get(lm.line.system) ?? 0) + lm.costEur);
    return bySystem;
  };
  const before = spend(base);
  const after = spend(open);
  const increase = new Map(input.systems.map((s) => [s.code, Math.max(0, (after.get(s.code) ?? 0) - (before.get(s.code) ?? 0))]));
  const totalIncrease = [...increase.values()].reduce((a, v) => a + v, 0);

  const bySystem = new Map<string, SystemClosure>();
  for (const s of openSummary.systems) {
    bySystem.set(s.system, {
      costToCloseEur: totalIncrease > 0 ? (extraMoneyEur * increase.get(s.system)!) / totalIncrease : 0,
      shortfallMoneyCannotClose: s.shortfall,
      firstMonthMetUnlimited: s.firstMonthMet,
    });
  }
  return { extraMoneyEur, weightedShortfallUnlimited: open.weightedShortfall, bySystem };
}
