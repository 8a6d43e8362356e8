import { SolveError } from '../errors.js';
import { buildRampUpModel, MONEY_SCALE } from '../model/build-ramp-up-model.js';
import type { PlanInput } from '../scenario/plan-input.js';
import { solveLexicographic, solveOnce } from '../solve/solve-lexicographic.js';
import type { GuaranteeAnalysis, Plan, SystemGuarantee } from '../results/plan.js';
import { readPlan } from '../results/read-plan.js';
import type { SolveContext } from '../solve/solve-context.js';

/** The scenario with no delivery floors at all (the starting point of every guarantee question). */
function withoutFloors(input: PlanInput): PlanInput {
  return { ...input, needs: input.needs.map((n) => ({ ...n, guarantee: 0 })) };
}

/** With floors of 100 % for `systems` from month index `from` on (and no other floors). */
function withFullFloors(input: PlanInput, systems: ReadonlySet<string>, from: number): PlanInput {
  return { ...input, needs: input.needs.map((n) => ({ ...n, guarantee: systems.has(n.system) && n.t >= from ? 1 : 0 })) };
}

function isInfeasible(error: unknown): boolean {
  return error instanceof SolveError && error.status === 'infeasible';
}

/**
 * The largest g in [0,1] such that `delivered >= g x need` holds in every month for every
 * need of `systems`, the other systems unconstrained and money shared as in the scenario.
 */
export async function largestGuarantee(input: PlanInput, systems: ReadonlySet<string>, ctx: SolveContext, unlimitedMoney = false): Promise<number> {
  const model = buildRampUpModel(withoutFloors(input), { maximiseGuaranteeOf: systems, unlimitedMoney });
  const result = await solveOnce(model.lp, ctx.adapter, ctx.options);
  return Math.min(1, Math.max(0, result.columnValues[model.guaranteeColumn]!));
}

/** Whether 100 % of the needs of `systems` can be delivered in every month from `from` on. */
export async function canGuaranteeFrom(input: PlanInput, systems: ReadonlySet<string>, from: number, ctx: SolveContext, unlimitedMoney = false): Promise<boolean> {
  const model = buildRampUpModel(withFullFloors(input, systems, from), { unlimitedMoney });
  try {
    await solveOnce(model.lp, ctx.adapter, ctx.options);
    return true;
  } catch (error) {
    if (isInfeasible(error)) return false;
    throw error;
  }
}

/**
 * First month (index) from which 100 % can be guaranteed, or undefined if not even in the
 * last month. Feasibility only improves as the start moves later, so a binary search works.
 */
export async function firstFullyGuaranteedMonth(input: PlanInput, systems: ReadonlySet<string>, ctx: SolveContext, unlimitedMoney = false): Promise<number | undefined> {
  const H = input.months.length;
  if (!(await canGuaranteeFrom(input, systems, H - 1, ctx, unlimitedMoney))) return undefined;
  let lo = 0;
  let hi = H - 1; // feasible
  if (await canGuaranteeFrom(input, systems, 0, ctx, unlimitedMoney)) return 0;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (await canGuaranteeFrom(input, systems, mid, ctx, unlimitedMoney)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Least extra money (EUR) over the scenario's budgets that guarantees 100 % of the needs of
 * `systems` from month index `from` on; undefined when lead times or ceilings forbid it.
 */
export async function extraMoneyToGuarantee(input: PlanInput, systems: ReadonlySet<string>, from: number, ctx: SolveContext): Promise<number | undefined> {
  const model = buildRampUpModel(withFullFloors(input, systems, from), { unlimitedMoney: true });
  const lp = { ...model.lp, colCost: model.costObjective, offset: 0 };
  try {
    const result = await solveOnce(lp, ctx.adapter, ctx.options);
    let topUp = 0;
    for (const j of model.index.topUp) if (j >= 0) topUp += Math.max(0, result.columnValues[j]!);
    return topUp / MONEY_SCALE;
  } catch (error) {
    if (isInfeasible(error)) return undefined;
    throw error;
  }
}

/** The best plan for one system alone: every other system's need weighs nothing. */
export async function soloPlan(input: PlanInput, system: string, ctx: SolveContext): Promise<Plan> {
  const solo = { ...withoutFloors(input), needs: input.needs.map((n) => ({ ...n, guarantee: 0, weight: n.system === system ? n.weight || 1 : 0 })) };
  const model = buildRampUpModel(solo);
  return readPlan(model, await solveLexicographic(model, ctx.adapter, ctx.options));
}

/** What the coalition can promise, system by system and all at once (model.md constraint 8). */
export async function analyseGuarantees(input: PlanInput, ctx: SolveContext, from?: number): Promise<GuaranteeAnalysis> {
  const needed = [...new Set(input.needs.filter((n) => n.quantity > 0).map((n) => n.system))].sort();
  const info = new Map(input.systems.map((s) => [s.code, s]));
  const systems: SystemGuarantee[] = [];
  for (const code of needed) {
    const one = new Set([code]);
    systems.push({
      system: code,
      name: info.get(code)!.name,
      unit: info.get(code)!.unit,
      level: await largestGuarantee(input, one, ctx),
      levelUnlimited: await largestGuarantee(input, one, ctx, true),
      firstFullMonth: await firstFullyGuaranteedMonth(input, one, ctx),
      firstFullMonthUnlimited: await firstFullyGuaranteedMonth(input, one, ctx, true),
      ...(from !== undefined ? { extraMoneyFromEur: await extraMoneyToGuarantee(input, one, from, ctx) } : {}),
    });
  }
  const all = new Set(needed);
  return {
    systems,
    jointLevel: await largestGuarantee(input, all, ctx),
    jointLevelUnlimited: await largestGuarantee(input, all, ctx, true),
    ...(from !== undefined ? { from, jointExtraMoneyFromEur: await extraMoneyToGuarantee(input, all, from, ctx) } : {}),
  };
}
