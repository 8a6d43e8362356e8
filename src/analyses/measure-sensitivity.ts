import { buildRampUpModel, MONEY_SCALE } from '../model/build-ramp-up-model.js';
import type { PayerResult, Plan } from '../results/plan.js';
import type { SolveContext } from '../solve/solve-context.js';
import { solveOnce } from '../solve/solve-lexicographic.js';

/** Share of extra money each country gets in the non-marginal re-solve. */
export const SENSITIVITY_STEP = 0.1;

/**
 * Weighted shortfall removed per EUR 1 million when one payer has 10 % more money in
 * every month: a finite difference that works with every solver, and that sees past the
 * point where a dual stops holding.
 */
export async function measureSensitivity(plan: Plan, ctx: SolveContext): Promise<PayerResult[]> {
  const { input } = plan;
  const out: PayerResult[] = [];
  for (const payer of plan.payers) {
    if (payer.budgetEur <= 0) {
      out.push({ ...payer, sensitivityPerMillion: 0 });
      continue;
    }
    // Channel caps are shares of the payer's money: they grow with it, as a budget_scale would.
    const richer = {
      ...input,
      payers: input.payers.map((p) => (p.code === payer.code ? { ...p, budgetEur: p.budgetEur.map((v) => v * (1 + SENSITIVITY_STEP)) } : p)),
    };
    const result = await solveOnce(buildRampUpModel(richer).lp, ctx.adapter, ctx.options);
    const extraMillions = payer.budgetEur * SENSITIVITY_STEP * MONEY_SCALE;
    out.push({ ...payer, sensitivityPerMillion: Math.max(0, (plan.weightedShortfall - result.objective) / extraMillions) });
  }
  return out;
}
