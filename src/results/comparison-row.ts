import type { ComparisonRow, PlanSummary } from './plan.js';

/** What a comparison row is about: its run's name, scenario description and swept value. */
export interface RunLabel {
  readonly label: string;
  readonly description: string;
  readonly sweepValue?: number | undefined;
}

/** One solved run's line in comparison.csv. */
export function comparisonRow(run: RunLabel, summary: PlanSummary, jointGuarantee: number): ComparisonRow {
  return {
    scenario: run.label,
    description: run.description,
    ...(run.sweepValue !== undefined ? { sweepValue: run.sweepValue } : {}),
    status: 'optimal',
    fillRate: summary.fillRate,
    weightedFillRate: summary.weightedFillRate,
    fillRateByCategory: Object.fromEntries(summary.fillRateByCategory.map((c) => [c.category, c.fillRate])),
    weightedShortfall: summary.weightedShortfall,
    shortfallUnits: summary.need - summary.delivered,
    totalCostEur: summary.totalCostEur,
    budgetEur: summary.budgetEur,
    moneyUsed: summary.budgetEur > 0 ? summary.moneySpentEur / summary.budgetEur : 0,
    worstSystem: summary.worstGaps[0]?.system ?? '',
    jointGuarantee,
  };
}

/** A run that has no plan: its reason instead of figures. */
export function failedRow(run: RunLabel, error: string): ComparisonRow {
  return {
    scenario: run.label,
    description: run.description,
    ...(run.sweepValue !== undefined ? { sweepValue: run.sweepValue } : {}),
    status: 'failed',
    error,
    fillRate: 0,
    weightedFillRate: 0,
    fillRateByCategory: {},
    weightedShortfall: 0,
    shortfallUnits: 0,
    totalCostEur: 0,
    budgetEur: 0,
    moneyUsed: 0,
    worstSystem: '',
    jointGuarantee: 0,
  };
}
