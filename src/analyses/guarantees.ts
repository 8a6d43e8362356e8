import { buildRampUpModel } from '../model/build-ramp-up-model.js';
import { solveScenario } from '../pipeline/solve-scenario.js';
import type { GuaranteeAnalysis, Plan, PromisePoint, SystemGuarantee } from '../results/plan.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import { solveOnce } from '../solve/solve-lexicographic.js';
import { FULL, promiseCurves, withoutFloors, type CurveValues } from './promises.js';

/**
 * The largest g in [0,1] such that `delivered >= g x need` holds in every month for every
 * need of `systems`, the other systems unconstrained and money shared as in the scenario.
 */
export async function largestGuarantee(input: PlanInput, systems: ReadonlySet<string>, ctx: SolveContext, unlimitedMoney = false): Promise<number> {
  const model = buildRampUpModel(withoutFloors(input), { maximiseGuaranteeOf: systems, unlimitedMoney });
  const result = await solveOnce(model.lp, ctx.adapter, ctx.options);
  return Math.min(1, Math.max(0, result.columnValues[model.guaranteeColumn]!));
}

/** The best plan for one system alone: every other system's need weighs nothing. */
export async function soloPlan(input: PlanInput, system: string, ctx: SolveContext): Promise<Plan> {
  const solo = { ...withoutFloors(input), needs: input.needs.map((n) => ({ ...n, guarantee: 0, weight: n.system === system ? n.weight || 1 : 0 })) };
  return (await solveScenario(solo, ctx)).plan;
}

/**
 * What can be promised to one recipient (model.md's promise curves): for every system if it
 * is served first, and for all systems at once, from every start month, with the scenario's
 * money and with unlimited money; beside each point, what the plan itself delivers. `drawn`:
 * the curves of promiseTargets, already drawn (e.g. on other threads while the plan was solved).
 */
export async function analyseGuarantees(
  input: PlanInput,
  ctx: SolveContext,
  options: { recipient: string; from?: number | undefined },
  plan: Plan,
  drawn?: readonly CurveValues[],
): Promise<GuaranteeAnalysis> {
  const { recipient, from } = options;
  const { needed, targets } = promiseTargets(input, recipient);
  const info = new Map(input.systems.map((s) => [s.code, s]));
  const curves = drawn ?? (await promiseCurves(input, targets, recipient, ctx, from));
  const systems = needed.map((code, i) => summarise(code, info.get(code)!.name, info.get(code)!.unit, curves[i]!, planLowest(plan, new Set([code]), recipient)));
  const all = curves.at(-1)!;
  return {
    recipient,
    systems,
    joint: summarise('*', 'all systems at once', '', all, planLowest(plan, new Set(needed), recipient)),
    ...(from !== undefined ? { from } : {}),
  };
}

/** The systems the recipient needs, and the promise curves asked of them: each alone, then all at once. */
export function promiseTargets(input: PlanInput, recipient: string): { needed: string[]; targets: Set<string>[] } {
  const needed = [...new Set(input.needs.filter((n) => n.quantity > 0 && n.recipient === recipient).map((n) => n.system))].sort();
  return { needed, targets: [...needed.map((code) => new Set([code])), new Set(needed)] };
}

function summarise(system: string, name: string, unit: string, curve: CurveValues, lowest: readonly number[]): SystemGuarantee {
  const points: PromisePoint[] = curve.levels.map((level, m) => ({
    from: m,
    level,
    levelUnlimited: curve.levelsUnlimited[m]!,
    deliveredBefore: curve.deliveredBefore[m],
    planLowest: lowest[m]!,
  }));
  const first = (values: readonly number[]) => {
    const m = values.findIndex((v) => v >= FULL);
    return m < 0 ? undefined : m;
  };
  return {
    system,
    name,
    unit,
    points,
    level: curve.levels[0] ?? 0,
    levelUnlimited: curve.levelsUnlimited[0] ?? 0,
    firstFullMonth: first(curve.levels),
    firstFullMonthUnlimited: first(curve.levelsUnlimited),
    ...('extraMoneyFromEur' in curve ? { extraMoneyFromEur: curve.extraMoneyFromEur } : {}),
  };
}

/** [m] the plan's lowest share of a month's need from month m on, over the given systems and recipient. */
function planLowest(plan: Plan, systems: ReadonlySet<string>, recipient: string): number[] {
  const H = plan.input.months.length;
  const byMonth = new Array<number>(H).fill(1);
  for (const n of plan.needs) {
    if (!systems.has(n.need.system) || n.need.recipient !== recipient || n.need.quantity <= 0) continue;
    byMonth[n.need.t] = Math.min(byMonth[n.need.t]!, n.delivered / n.need.quantity);
  }
  const out = new Array<number>(H);
  let lowest = 1;
  for (let m = H - 1; m >= 0; m--) out[m] = lowest = Math.min(lowest, byMonth[m]!);
  return out;
}
