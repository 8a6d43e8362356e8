import { buildRampUpModel } from '../model/build-ramp-up-model.js';
import { solveScenario } from '../pipeline/solve-scenario.js';
import type { OpenScenario } from '../pipeline/solve-scenario.js';
import type { Plan } from '../results/plan.js';
import type { GuaranteeAnalysis, PromisePoint, SystemGuarantee } from '../results/promise-results.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import { solveOnce } from '../solve/solve-lexicographic.js';
import { impossibleBecause } from './impossible-because.js';
import { promisePrices } from './promise-prices.js';
import { curveMonths, FULL, planLowest, promiseCurves, withoutFloors, type CurveValues, type PromiseTarget } from './promises.js';

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

/** The default levels of a promise's price (per cent of every month's need). */
export const PRICE_LEVELS = [50, 75, 90, 100] as const;

/** What rampup guarantees asks: the recipient, the start month (--from), the price levels (shares). */
export interface GuaranteeQuestion {
  readonly recipient: string;
  readonly from: number | undefined;
  readonly levels: readonly number[];
}

/**
 * What can be promised to one recipient (model.md version 3): for every system if it is served
 * first, for every category and for all systems at once, from every start month, keeping the
 * plan's earlier deliveries, with the scenario's money and with unlimited money, beside version
 * 2's figure (earlier months free); and what each system's promise costs at each level from the
 * asked month. `drawn`: the curves, already drawn elsewhere (promiseTargets' order).
 */
export async function analyseGuarantees(plan: OpenScenario, ctx: SolveContext, question: GuaranteeQuestion, closed: Plan, drawn?: readonly CurveValues[]): Promise<GuaranteeAnalysis> {
  const { input } = plan.plan;
  const { recipient } = question;
  const from = question.from ?? 0;
  const targets = promiseTargets(input, recipient, from);
  const delivered = plan.plan.needs.map((n) => n.delivered);
  const curves = drawn ?? (await promiseCurves({ input, recipient, targets, delivered }, ctx));
  const curveOf = (code: string) => curves[targets.findIndex((t) => t.code === code)]!;
  const systems = targets.filter((t) => !t.code.includes(':') && t.code !== '*');
  const summary = (target: PromiseTarget) => summarise(input, target, curveOf(target.code), delivered, recipient, from);
  const prices = await promisePrices(plan, { recipient, from, levels: question.levels, systems: systems.map((s) => s.code) });
  return {
    recipient,
    systems: systems.map(summary),
    categories: targets.filter((t) => t.code.startsWith('category:')).map(summary),
    joint: summary(targets.at(-1)!),
    from,
    fromAsked: question.from !== undefined,
    prices: prices.map((p) => ({ ...p, from, ...(p.extraMoneyEur === undefined ? { reason: impossibleBecause(closed, p.system, from) } : {}) })),
  };
}

/**
 * The targets of the promise curves for a recipient: each system it needs, each category of
 * them, and all at once (`*`), in that order (a category and all at once are bounded by the
 * systems before them), each with the start months of its curve (curveMonths; `from` is the
 * asked month).
 */
export function promiseTargets(input: PlanInput, recipient: string, from: number): PromiseTarget[] {
  const needed = [...new Set(input.needs.filter((n) => n.quantity > 0 && n.recipient === recipient).map((n) => n.system))].sort();
  const categoryOf = new Map(input.systems.map((s) => [s.code, s.category]));
  const categories = [...new Set(needed.map((s) => categoryOf.get(s)!))].sort();
  const target = (code: string, systems: string[]) => ({ code, systems, months: curveMonths(input, from, systems.length) });
  return [
    ...needed.map((code) => target(code, [code])),
    ...categories.map((category) => target(`category:${category}`, needed.filter((s) => categoryOf.get(s) === category))),
    target('*', needed),
  ];
}

function summarise(input: PlanInput, target: PromiseTarget, curve: CurveValues, delivered: readonly number[], recipient: string, from: number): SystemGuarantee {
  const systems = new Set(target.systems);
  const own = input.needs.flatMap((n, k) => (systems.has(n.system) && n.recipient === recipient ? [k] : []));
  const needs = { ...input, needs: own.map((k) => input.needs[k]!) };
  const lowest = planLowest(needs, own.map((k) => delivered[k]!));
  const points: PromisePoint[] = curve.levels.map((level, i) => {
    const m = target.months[i]!;
    return {
      from: m,
      level,
      levelEarlierFree: curve.levelsEarlierFree[i]!,
      levelUnlimited: curve.levelsUnlimited[i]!,
      deliveredBefore: m === 0 ? undefined : shareBefore(input, own, delivered, m),
      planLowest: lowest[m]!,
    };
  });
  // Of a curve drawn every month, the first full month; of one drawn less often, the first drawn month it is full.
  const first = (values: readonly number[]) => {
    const i = values.findIndex((v) => v >= FULL);
    return i < 0 ? undefined : target.months[i];
  };
  const info = input.systems.find((s) => s.code === target.code);
  const name = info?.name ?? (target.code === '*' ? 'all systems at once' : `${target.code.slice('category:'.length)}, every system at once`);
  return { system: target.code, name, unit: info?.unit ?? '', systems: target.systems, points, asked: points.find((p) => p.from === from)!, firstFullMonth: first(curve.levels), firstFullMonthUnlimited: first(curve.levelsUnlimited) };
}

/** The plan's share of the needs `own` before month m. */
function shareBefore(input: PlanInput, own: readonly number[], delivered: readonly number[], m: number): number {
  let need = 0;
  let got = 0;
  for (const k of own) {
    if (input.needs[k]!.t >= m) continue;
    need += input.needs[k]!.quantity;
    got += Math.min(input.needs[k]!.quantity, delivered[k]!);
  }
  return need > 0 ? got / need : 1;
}
