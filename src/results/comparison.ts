/** One scenario's line in comparison.csv (rampup scenarios / sweep). */
export interface ComparisonRow {
  readonly scenario: string;
  readonly description: string;
  /** The swept setting's value, for `rampup sweep`. */
  readonly sweepValue?: number;
  readonly status: 'optimal' | 'failed';
  /** Why the scenario failed (only when status is failed). */
  readonly error?: string;
  /** delivered / need over all systems, 0..1. */
  readonly fillRate: number;
  /** 1 - weighted shortfall / weighted need, 0..1. */
  readonly weightedFillRate: number;
  readonly fillRateByCategory: Readonly<Record<string, number>>;
  readonly weightedShortfall: number;
  readonly shortfallUnits: number;
  readonly totalCostEur: number;
  readonly budgetEur: number;
  /** totalCostEur / budgetEur, 0..1. */
  readonly moneyUsed: number;
  /** The system with the largest weighted shortfall, or '' when every need is met. */
  readonly worstSystem: string;
  /** Share of every month's need that can be guaranteed for all systems at once, 0..1. */
  readonly jointGuarantee: number;
}
