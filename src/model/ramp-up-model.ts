import type { PlanInput } from '../scenario/plan-input.js';
import type { FamilyIndex } from './families.js';
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
  /** With maximiseGuaranteeOf: floors only on the needs of this recipient (default: every recipient). */
  readonly guaranteeRecipient?: string;
}

/** Money a channel moves for a set of lines: a column per month, or, for a lone uncapped channel, the lines' cost itself. */
export interface ChannelFlow {
  /** Index into the scenario's channels. */
  readonly channel: number;
  /** The lines it pays for (every line of the flow is reached by the same channels). */
  readonly lines: readonly number[];
  /** [t] the column of EUR millions paid; undefined when substituted (paid = price factor x the lines' cost). */
  readonly columns?: Int32Array;
}

/**
 * Where each variable and row of the plan sits in the LP, -1 where the model has none: a field
 * per family that families.ts indexes (`[line * H + t]`, `[need]`, `[payer * H + t]`, ...), and the
 * channels' flows.
 */
export type ModelIndex = FamilyIndex & {
  /** Channels financing: what each channel pays for. */
  readonly flows: ChannelFlow[];
};

/** The LP of model.md for one scenario, with the objectives of the lexicographic solve. */
export interface RampUpModel {
  readonly input: PlanInput;
  /** Stage-1 program: minimise the weighted shortfall (offset + coefficients on deliveries). */
  readonly lp: LinearProgram;
  /** Stage-2 objective: money the payers spend, EUR millions (plus the top-up penalty when present). */
  readonly costObjective: Float64Array;
  /** The sum of line costs, EUR millions per unit of each column (what the lines are paid, whoever pays). */
  readonly lineCost: Float64Array;
  /** [line * H + t] the line's cost in the month as [column, EUR per unit] pairs (model.md 5''). */
  readonly lineCosts: readonly (readonly number[] | undefined)[];
  /** Weighted shortfall = totalWeightedNeed - sum(weight x delivered). */
  readonly totalWeightedNeed: number;
  readonly index: ModelIndex;
  /** The guarantee column g when maximiseGuaranteeOf is set, else -1. */
  readonly guaranteeColumn: number;
  /** True where a line is in the model (its product is needed, directly or as a material). */
  readonly activeLine: Uint8Array;
}
