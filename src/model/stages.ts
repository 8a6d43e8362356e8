import type { LinearProgram } from './linear-program.js';
import { MONEY_SCALE, type RampUpModel } from './ramp-up-model.js';

/**
 * A program and the objectives of model.md's stages, in the solver's terms: what
 * solve/solve-lexicographic.ts needs of a model, and nothing of the ramp-up domain.
 */
export interface LexicographicProgram {
  /** Stage 1's program: its objective is the weighted shortfall. */
  readonly lp: LinearProgram;
  /** The weighted shortfall as a row: `offset - sum(values . x[indices])`, held by the later stages. */
  readonly shortfall: { readonly indices: Int32Array; readonly values: Float64Array; readonly offset: number };
  /** Stage 2's objective: the money the payers spend (EUR millions), per column. */
  readonly money: Float64Array;
  /** Stage 3's objective, the tie-break (deliver soonest); absent where the program has none. */
  readonly soonest?: { readonly cost: Float64Array; readonly offset: number };
  /** Stage 4: the accounts whose spending is spread; absent where the program has none. */
  readonly spread?: SpreadProgram;
}

/** Stage 4's accounts (model.md version 3): each payer's money over the horizon and the column of what it has left at the end. */
export interface SpreadProgram {
  readonly accounts: readonly { readonly name: string; readonly unspent: number; readonly money: number }[];
}

/**
 * The stages of a ramp-up model. Stage 3 weighs a unit short in month t by w x (H + 1 - t), so
 * that of the best, cheapest plans the one that delivers soonest is taken; a guarantee-level
 * program (one objective of its own) has no tie-break.
 */
export function stagesOf(model: RampUpModel): LexicographicProgram {
  const { input, index, lp } = model;
  const H = input.months.length;
  const indices = Int32Array.from(input.needs, (_, k) => index.deliver[k]!);
  const values = Float64Array.from(input.needs, (need) => need.weight);
  const stages = { lp, shortfall: { indices, values, offset: model.totalWeightedNeed }, money: model.costObjective };
  if (model.guaranteeColumn >= 0) return stages;
  const cost = new Float64Array(lp.numCols);
  let offset = 0;
  input.needs.forEach((need, k) => {
    const weight = need.weight * (H - need.t); // t is 0-based: H + 1 - (t + 1)
    cost[index.deliver[k]!] = -weight;
    offset += weight * need.quantity;
  });
  const spread = spreadOf(model);
  return { ...stages, soonest: { cost, offset }, ...(spread ? { spread } : {}) };
}

/**
 * Stage 4 under channels or pooled financing, for every payer with money and an account: who
 * pays is settled by the rule, not left to the engine. None under national financing (each
 * country pays its own lines) nor with top-ups (the cost to close asks how much, not who).
 */
function spreadOf(model: RampUpModel): SpreadProgram | undefined {
  const { input, index } = model;
  if (input.financing.kind === 'national' || index.topUp.some((j) => j >= 0)) return undefined;
  const H = input.months.length;
  const accounts = input.payers.flatMap((payer, p) => {
    const money = payer.budgetEur.reduce((a, v) => a + v * MONEY_SCALE, 0);
    const unspent = index.unspent[p * H + H - 1]!;
    return money > 0 && unspent >= 0 ? [{ name: payer.code, unspent, money }] : [];
  });
  return accounts.length > 0 ? { accounts } : undefined;
}
