import type { LinearProgram } from './linear-program.js';
import type { RampUpModel } from './ramp-up-model.js';

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
  return { ...stages, soonest: { cost, offset } };
}
