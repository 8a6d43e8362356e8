import type { PlanInput } from '../scenario/plan-input.js';
import type { LinearProgram } from './linear-program.js';

/** Money enters the model in EUR millions so coefficients stay within a few orders of magnitude. */
export const MONEY_SCALE = 1e-6;

/** Stage-2 weight of one EUR million of top-up relative to one of spending. */
export const TOP_UP_WEIGHT = 1000;

export interface ModelOptions {
  /**
   * Lets every payer top up its budget without limit: stage 1 then finds what money cannot
   * close, and stage 2 uses as little extra money as it can (each EUR million of top-up
   * weighs TOP_UP_WEIGHT times a million of spending), so extra money is a last resort.
   */
  readonly unlimitedMoney?: boolean;
  /**
   * Guarantee floors become rows `deliver >= g x need` on one shared column g for these
   * systems (all other floors dropped), and the objective maximises g (rampup guarantees).
   */
  readonly maximiseGuaranteeOf?: ReadonlySet<string>;
}

/** Where each variable of the plan sits in the LP; -1 where the model has no such column. */
export interface ModelIndex {
  /** [line * H + t] units produced. */
  readonly produce: Int32Array;
  /** [line * H + t] capacity ordered (units/month). */
  readonly order: Int32Array;
  /** [line * H + t] capacity online; -1 when the line cannot grow (then it is constant). */
  readonly online: Int32Array;
  /** [need] units delivered against each entry of input.needs. */
  readonly deliver: Int32Array;
  /** [system * H + t] units held at the end of the month. */
  readonly stock: Int32Array;
  /** [country * H + t] money paid into the pool (pooled only). */
  readonly pay: Int32Array;
  /** [country * H + t] budget row of the country in month t. */
  readonly budgetRow: Int32Array;
  /** [country * H + t] top-up money (EUR millions), only with unlimitedMoney. */
  readonly topUp: Int32Array;
}

/** The LP of model.md for one scenario, with both objectives of the lexicographic solve. */
export interface RampUpModel {
  readonly input: PlanInput;
  /** Stage-1 program: minimise the weighted shortfall (offset + coefficients on deliveries). */
  readonly lp: LinearProgram;
  /** Stage-2 objective: total cost in EUR millions (plus top-up penalty when present). */
  readonly costObjective: Float64Array;
  /** Weighted shortfall = totalWeightedNeed - sum(weight x delivered). */
  readonly totalWeightedNeed: number;
  readonly index: ModelIndex;
  /** The guarantee column g when maximiseGuaranteeOf is set, else -1. */
  readonly guaranteeColumn: number;
  /** True where a line is in the model (its system has a need in the horizon). */
  readonly activeLine: Uint8Array;
}
