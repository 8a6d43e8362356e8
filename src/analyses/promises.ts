import { buildRampUpModel } from '../model/build-ramp-up-model.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { SolvedPlan } from './close-gaps.js';
import { curveSession, FULL, NO_PROMISE, openCurveSession, type CurveSession } from './curve-session.js';
import { promiseProgramInPlan } from './promise-program-in-plan.js';

export { FULL } from './curve-session.js';

/** The scenario with no delivery floors at all: every promise question starts from it. */
export function withoutFloors(input: PlanInput): PlanInput {
  return { ...input, needs: input.needs.map((n) => ({ ...n, guarantee: 0 })) };
}

/** The promises from each start month for some systems and one recipient (model.md's g_s(m), or G(m) for all). */
export interface CurveValues {
  readonly levels: number[];
  readonly levelsUnlimited: number[];
  readonly deliveredBefore: (number | undefined)[];
  /** Extra money to promise 100 % from `from`, EUR; undefined = impossible at any price; absent when not asked. */
  readonly extraMoneyFromEur?: number | undefined;
}

/** One curve: g at each start month for one set of systems. */
export async function promiseCurve(input: PlanInput, systems: ReadonlySet<string>, recipient: string, ctx: SolveContext, from?: number): Promise<CurveValues> {
  return (await promiseCurves(input, [systems], recipient, ctx, from))[0]!;
}

/** The half of the promise curves with the scenario's money: per target, g from each month and the share delivered before it. */
export interface ScenarioCurves {
  readonly levels: number[][];
  readonly deliveredBefore: (number | undefined)[][];
}

/** The half with unlimited money: per target, g from each month and, when asked `from`, the extra money for 100 % from it. */
export interface UnlimitedCurves {
  readonly levels: number[][];
  readonly extraMoneyFromEur?: (number | undefined)[];
}

/**
 * Computes promise curves (promiseCurves' values), e.g. its two halves at once on worker
 * threads; the shell gives one (PlanOptions.promiseCurves).
 */
export type PromiseCurvesRunner = (
  input: PlanInput,
  targets: readonly ReadonlySet<string>[],
  recipient: string,
  ctx: SolveContext,
  from?: number,
  signal?: AbortSignal,
) => Promise<CurveValues[]>;

/**
 * Promise curves for several targets (each a set of systems) on two sessions, one with the
 * scenario's money and one with unlimited money (scenarioCurves and unlimitedCurves, which
 * need nothing of each other). Every need of the recipient has a floor row
 * `deliver >= g x need`; a curve switches on the floors of its target from the start month
 * on and off everywhere else, so each re-solve differs from the last only in bounds and
 * starts from its basis. A point is the largest g; then, in a second pass with g held, the
 * most weighted delivery, whose months before the start give the share still delivered.
 * g never falls as the start moves later (model.md), so a curve that reaches 100 % stays there.
 */
export async function promiseCurves(input: PlanInput, targets: readonly ReadonlySet<string>[], recipient: string, ctx: SolveContext, from?: number): Promise<CurveValues[]> {
  return joinCurves(await scenarioCurves(input, targets, recipient, ctx), await unlimitedCurves(input, targets, recipient, ctx, from));
}

/** The two halves as one curve per target. */
export function joinCurves(scenario: ScenarioCurves, unlimited: UnlimitedCurves): CurveValues[] {
  return scenario.levels.map((levels, i) => ({
    levels,
    levelsUnlimited: unlimited.levels[i]!,
    deliveredBefore: scenario.deliveredBefore[i]!,
    ...(unlimited.extraMoneyFromEur ? { extraMoneyFromEur: unlimited.extraMoneyFromEur[i] } : {}),
  }));
}

export async function scenarioCurves(input: PlanInput, targets: readonly ReadonlySet<string>[], recipient: string, ctx: SolveContext): Promise<ScenarioCurves> {
  const H = input.months.length;
  const deliveredBefore: (number | undefined)[][] = [];
  // A model of its own, not the plan's session: the second pass's share delivered before the
  // start is one of several optima, and which one depends on where the engine starts.
  const scenario = await scenarioCurveSession(input, recipient, ctx, undefined);
  try {
    await scenario.solveLoose();
    // All first passes, then all second passes: the objective changes twice, not twice per curve.
    const levels = await levelCurves(scenario, targets, H);
    for (const [i, target] of targets.entries()) {
      scenario.startFromLoose();
      const before: (number | undefined)[] = [undefined];
      for (let m = 1; m < H; m++) before.push(await scenario.deliveredBefore(target, m, levels[i]![m]!));
      deliveredBefore.push(before);
    }
    return { levels, deliveredBefore };
  } finally {
    scenario.dispose();
  }
}

export async function unlimitedCurves(input: PlanInput, targets: readonly ReadonlySet<string>[], recipient: string, ctx: SolveContext, from?: number): Promise<UnlimitedCurves> {
  const everything = new Set(input.systems.map((s) => s.code));
  const open = await openCurveSession(buildRampUpModel(withoutFloors(input), { maximiseGuaranteeOf: everything, guaranteeRecipient: recipient, unlimitedMoney: true }), ctx);
  try {
    await open.solveLoose();
    const levels = await levelCurves(open, targets, input.months.length);
    if (from === undefined) return { levels };
    const extraMoneyFromEur: (number | undefined)[] = [];
    for (const target of targets) extraMoneyFromEur.push(await open.extraMoneyForFull(target, from));
    return { levels, extraMoneyFromEur };
  } finally {
    open.dispose();
  }
}

/**
 * Every target's curve, each started from the program without promises (startFromLoose): on
 * the bundled data a curve's first point took up to 3,800 simplex iterations from the last
 * curve's end. All systems at once never promise more than the lowest of them served first,
 * so a target whose systems' own curves are 0 at a month is 0 there unsolved.
 */
async function levelCurves(session: CurveSession, targets: readonly ReadonlySet<string>[], H: number): Promise<number[][]> {
  const alone = new Map<string, number[]>();
  const curves: number[][] = [];
  for (const target of targets) {
    const own = [...target].map((system) => alone.get(system));
    const bound = own.length > 1 && own.every((c) => c !== undefined) ? Array.from({ length: H }, (_, m) => Math.min(...own.map((c) => c![m]!))) : undefined;
    session.startFromLoose();
    const curve = await levelCurve(session, target, H, bound);
    if (target.size === 1) alone.set([...target][0]!, curve);
    curves.push(curve);
  }
  return curves;
}

/**
 * g from every start month. g never falls as the start moves later (model.md): once a curve
 * reaches 100 % it stays there, and one that is no promise from the first month and from the
 * last is none from any (two solves, not H).
 */
async function levelCurve(session: CurveSession, target: ReadonlySet<string>, H: number, bound: readonly number[] | undefined): Promise<number[]> {
  const level = async (m: number) => (bound !== undefined && bound[m]! <= NO_PROMISE ? 0 : session.largestLevel(target, m));
  const curve: number[] = [];
  let last: number | undefined;
  for (let m = 0; m < H; m++) {
    if (m > 0 && curve[m - 1]! >= FULL) curve.push(1);
    else if (m === H - 1 && last !== undefined) curve.push(last);
    else curve.push(await level(m));
    if (m === 0 && H > 1 && curve[0]! <= NO_PROMISE) {
      last = await level(H - 1);
      if (last <= NO_PROMISE) return new Array<number>(H).fill(0);
    }
  }
  return curve;
}

/**
 * g at one start month for several targets, on one session with the scenario's money (risk
 * samples ask this); in the plan's own session when it is given.
 */
export async function promiseLevelsAt(input: PlanInput, targets: readonly ReadonlySet<string>[], recipient: string, from: number, ctx: SolveContext, plan?: SolvedPlan): Promise<number[]> {
  const session = await scenarioCurveSession(input, recipient, ctx, plan);
  const start = plan?.solution.firstStageStart;
  try {
    const out: number[] = [];
    for (const target of targets) {
      // Each target from the plan's basis, not from the last target's optimum: on the bundled
      // data 13 levels took 0-47 simplex iterations each from there, and up to 3,600 chained.
      if (start) plan.session.restoreStart(start);
      out.push(await session.largestLevel(target, from));
    }
    return out;
  } finally {
    session.dispose();
  }
}

/**
 * The largest g for `systems` from the first month, every recipient: the program made in the
 * plan's session (promiseProgramInPlan), every floor on. A sweep asks it of every run.
 */
export async function largestGuaranteeInPlan(plan: SolvedPlan, systems: ReadonlySet<string>): Promise<number> {
  return curveSession(promiseProgramInPlan(plan, systems), plan.session, false).largestLevel(systems, 0);
}

/** The curve session with the scenario's money: in the plan's session when given, else on a model of its own. */
async function scenarioCurveSession(input: PlanInput, recipient: string, ctx: SolveContext, plan: SolvedPlan | undefined): Promise<CurveSession> {
  const everything = new Set(input.systems.map((s) => s.code));
  if (plan) return curveSession(promiseProgramInPlan(plan, everything, recipient), plan.session, false);
  return openCurveSession(buildRampUpModel(withoutFloors(input), { maximiseGuaranteeOf: everything, guaranteeRecipient: recipient }), ctx);
}

