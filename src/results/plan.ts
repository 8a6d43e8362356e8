import type { GuaranteeAnalysis } from './analyse-guarantees.js';
import type { PlanInput, PlanLine, PlanNeed } from '../scenario/plan-input.js';

export type GapCause = 'capacity' | 'lead-time' | 'ceiling' | 'budget' | 'no-producer';

/** One line in one month of the optimal plan. */
export interface LineMonth {
  readonly line: PlanLine;
  readonly t: number;
  readonly units: number;
  readonly costEur: number;
  /** Capacity ordered this month (units/month), online lead time later. */
  readonly ordered: number;
  readonly capacityOnline: number;
}

export interface NeedResult {
  readonly need: PlanNeed;
  readonly delivered: number;
  /** Part of `delivered` drawn from stock rather than this month's output. */
  readonly fromStock: number;
  readonly shortfall: number;
  /** Why the shortfall could not be delivered; undefined when there is none. */
  readonly cause: GapCause | undefined;
}

export interface CountryResult {
  readonly code: string;
  readonly name: string;
  readonly gdpEur: number;
  /**
   * GDP over the GDP of the countries that bring money (the payers, as in the pool's fair
   * shares), 0..1; undefined for a country without a budget.
   */
  readonly gdpShare: number | undefined;
  readonly budgetEur: number;
  /** Money spent on this country's own lines (its industry's turnover from the plan). */
  readonly spentOnOwnLinesEur: number;
  /** Money this country paid: its own spending (national) or into the pool (pooled). */
  readonly paidEur: number;
  /**
   * Weighted shortfall removed per extra EUR 1 million given to this country in proportion
   * to its monthly budgets; undefined when the solver gives no duals.
   */
  readonly marginalValuePerMillion: number | undefined;
  /** Same, measured by re-solving with 10 % more money for this country (--sensitivity). */
  readonly sensitivityPerMillion?: number;
}

/** What unlimited money would and would not close (a second solve with top-ups). */
export interface GapClosure {
  /** Extra money, over the scenario's budgets, that closes every gap money can close. */
  readonly extraMoneyEur: number;
  /** Weighted shortfall that remains with unlimited money: lead times and ceilings. */
  readonly weightedShortfallUnlimited: number;
  readonly bySystem: ReadonlyMap<string, SystemClosure>;
}

export interface SystemClosure {
  /** The extra money attributed to this system (in proportion to its extra spending). */
  readonly costToCloseEur: number;
  /** Units short even with unlimited money. */
  readonly shortfallMoneyCannotClose: number;
  /** First month from which every later month is met with unlimited money. */
  readonly firstMonthMetUnlimited: string | undefined;
}

/** The optimal plan of one scenario, read back from the solver in domain terms. */
export interface Plan {
  readonly input: PlanInput;
  readonly lineMonths: readonly LineMonth[];
  readonly needs: readonly NeedResult[];
  readonly countries: readonly CountryResult[];
  readonly weightedShortfall: number;
  readonly totalCostEur: number;
  readonly closure?: GapClosure;
  readonly guarantees?: GuaranteeAnalysis;
}
