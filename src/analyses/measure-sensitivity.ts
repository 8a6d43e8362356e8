import { buildRampUpModel, MONEY_SCALE } from '../model/build-ramp-up-model.js';
import type { CountryResult, Plan } from '../results/plan.js';
import type { SolveContext } from '../solve/solve-context.js';
import { solveOnce } from '../solve/solve-lexicographic.js';

/** Share of extra money each country gets in the non-marginal re-solve. */
export const SENSITIVITY_STEP = 0.1;

/**
 * Weighted shortfall removed per EUR 1 million when one country has 10 % more money in
 * every month: a finite difference that works with every solver, and that sees past the
 * point where a dual stops holding.
 */
export async function measureSensitivity(plan: Plan, ctx: SolveContext): Promise<CountryResult[]> {
  const { input } = plan;
  const out: CountryResult[] = [];
  for (const country of plan.countries) {
    if (country.budgetEur <= 0) {
      out.push({ ...country, sensitivityPerMillion: 0 });
      continue;
    }
    const richer = {
      ...input,
      countries: input.countries.map((c) => (c.code === country.code ? { ...c, budgetEur: c.budgetEur.map((v) => v * (1 + SENSITIVITY_STEP)) } : c)),
    };
    const result = await solveOnce(buildRampUpModel(richer).lp, ctx.adapter, ctx.options);
    const extraMillions = country.budgetEur * SENSITIVITY_STEP * MONEY_SCALE;
    out.push({ ...country, sensitivityPerMillion: Math.max(0, (plan.weightedShortfall - result.objective) / extraMillions) });
  }
  return out;
}
