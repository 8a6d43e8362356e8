import type { PlanInput } from './plan-input.js';

/** A payer's monthly money times a budget_scale (a channel's cap, a share of it, grows with it). */
export function scaleBudget(budgetEur: readonly number[], factor: number): number[] {
  return budgetEur.map((v) => v * factor);
}

/** The input with one payer's money scaled, as a further budget_scale on it would. */
export function withBudgetScaled(input: PlanInput, payer: string, factor: number): PlanInput {
  return { ...input, payers: input.payers.map((p) => (p.code === payer ? { ...p, budgetEur: scaleBudget(p.budgetEur, factor) } : p)) };
}
