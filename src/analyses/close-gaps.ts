import { buildRampUpModel, MONEY_SCALE } from '../model/build-ramp-up-model.js';
import { readPlan } from '../results/read-plan.js';
import type { GapClosure, Plan, SystemClosure } from '../results/plan.js';
import { summarizePlan } from '../results/summarize-plan.js';
import type { SolveContext } from '../solve/solve-context.js';
import { solveLexicographic } from '../solve/solve-lexicographic.js';

/**
 * Re-plans the scenario with unlimited money (every payer may top up its budget, as a last
 * resort) and compares: the extra money is the sum of top-ups, attributed to systems in
 * proportion to how much more the unlimited plan spends on each (so the per-system figures
 * add up to the total); what stays short is what lead times and ceilings forbid.
 */
export async function closeGaps(base: Plan, ctx: SolveContext): Promise<GapClosure> {
  const model = buildRampUpModel(base.input, { unlimitedMoney: true });
  const unlimited = await solveLexicographic(model, ctx.adapter, ctx.options);
  const values = unlimited.cost.columnValues;
  let topUp = 0;
  for (const j of model.index.topUp) if (j >= 0) topUp += Math.max(0, values[j]!);
  const extraMoneyEur = topUp / MONEY_SCALE;

  const open = readPlan(model, unlimited);
  const openSummary = summarizePlan(open);
  const spend = (plan: Plan) => {
    const bySystem = new Map<string, number>();
    for (const lm of plan.lineMonths) bySystem.set(lm.line.system, (bySystem.get(lm.line.system) ?? 0) + lm.costEur);
    return bySystem;
  };
  const before = spend(base);
  const after = spend(open);
  const increase = new Map(base.input.systems.map((s) => [s.code, Math.max(0, (after.get(s.code) ?? 0) - (before.get(s.code) ?? 0))]));
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
