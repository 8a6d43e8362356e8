import { MONEY_SCALE } from '../model/build-ramp-up-model.js';
import { solveScenario } from '../pipeline/solve-scenario.js';
import type { PayerResult, Plan } from '../results/plan.js';
import { withBudgetScaled } from '../scenario/budget-scale.js';
import type { SolveContext } from '../solve/solve-context.js';

/** Share of extra money each country gets in the non-marginal re-solve. */
export const SENSITIVITY_STEP = 0.1;

/**
 * Weighted shortfall removed per EUR 1 million when one payer has 10 % more money in
 * every month: a finite difference that works with every solver, and that sees past the
 * point where a dual stops holding.
 */
export async function measureSensitivity(plan: Plan, ctx: SolveContext): Promise<PayerResult[]> {
  // Only the first stage's optimum is read: the tie-break would order deliveries for nothing.
  const firstStages = { ...ctx, options: { ...ctx.options, tieBreak: 'none' as const } };
  const out: PayerResult[] = [];
  for (const payer of plan.payers) {
    if (payer.budgetEur <= 0) {
      out.push({ ...payer, sensitivityPerMillion: 0 });
      continue;
    }
    const richer = await solveScenario(withBudgetScaled(plan.input, payer.code, 1 + SENSITIVITY_STEP), firstStages);
    const extraMillions = payer.budgetEur * SENSITIVITY_STEP * MONEY_SCALE;
    out.push({ ...payer, sensitivityPerMillion: Math.max(0, (plan.weightedShortfall - richer.plan.weightedShortfall) / extraMillions) });
  }
  return out;
}
