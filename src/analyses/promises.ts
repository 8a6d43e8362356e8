import { buildRampUpModel } from '../model/build-ramp-up-model.js';
import { withTopUpColumns } from '../model/top-up-columns.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { OpenScenario } from '../pipeline/solve-scenario.js';
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

/**
 * Computes promise curves (promiseCurves' values), e.g. on a worker thread beside the plan;
 * the shell gives one (PlanOptions.promiseCurves).
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
 * Promise curves for several targets (each a set of systems) in one engine session. Every
 * need of the recipient has a floor row `deliver >= g x need`; a curve switches on the floors
 * of its target from the start month on and off everywhere else, so each re-solve differs
 * from the last only in bounds and starts from its basis. A point is the largest g; then, in
 * a second pass with g held, the most weighted delivery, whose months before the start give
 * the share still delivered. Then the same with unlimited money: the program carries a
 * top-up column on every budget row (withTopUpColumns), held at 0 until then, so the
 * unlimited half starts from the scenario half's basis, and a point the scenario's money
 * already promises in full, or whose optimum no top-up could improve (every budget row's dual
 * is the reduced cost of its top-up), keeps its level: more money only adds to what is feasible.
 * g never falls as the start moves later (model.md), so a curve that reaches 100 % stays there.
 */
export async function promiseCurves(input: PlanInput, targets: readonly ReadonlySet<string>[], recipient: string, ctx: SolveContext, from?: number): Promise<CurveValues[]> {
  const H = input.months.length;
  const everything = new Set(input.systems.map((s) => s.code));
  const { model } = withTopUpColumns(buildRampUpModel(withoutFloors(input), { maximiseGuaranteeOf: everything, guaranteeRecipient: recipient }));
  const session = await openCurveSession(model, ctx);
  try {
    session.allowTopUps(false);
    await session.solveLoose();
    // All first passes, then all second passes: the objective changes twice, not twice per curve.
    const scenario = await levelCurves(session, targets, H);
    const levels = scenario.map((c) => c.levels);
    const deliveredBefore: (number | undefined)[][] = [];
    for (const [i, target] of targets.entries()) {
      session.startFromLoose();
      const before: (number | undefined)[] = [undefined];
      for (let m = 1; m < H; m++) before.push(await session.deliveredBefore(target, m, levels[i]![m]!));
      deliveredBefore.push(before);
    }

    session.startFromLoose();
    session.allowTopUps(true);
    await session.solveLoose();
    const levelsUnlimited = (await levelCurves(session, targets, H, scenario)).map((c) => c.levels);
    // No price buys 100 % where unlimited money promises less.
    const extraMoneyFromEur: (number | undefined)[] = [];
    if (from !== undefined) {
      for (const [i, target] of targets.entries()) extraMoneyFromEur.push(levelsUnlimited[i]![from]! >= FULL ? await session.extraMoneyForFull(target, from) : undefined);
    }
    return targets.map((_, i) => ({
      levels: levels[i]!,
      levelsUnlimited: levelsUnlimited[i]!,
      deliveredBefore: deliveredBefore[i]!,
      ...(from !== undefined ? { extraMoneyFromEur: extraMoneyFromEur[i] } : {}),
    }));
  } finally {
    session.dispose();
  }
}

/** A curve's levels, and at each start month whether more money could raise it (levelAndMoney). */
interface LevelCurve {
  readonly levels: number[];
  readonly moneyHelps: boolean[];
}

/**
 * Every target's curve, each started from the program without promises (startFromLoose): on
 * the bundled data a curve's first point took up to 3,800 simplex iterations from the last
 * curve's end. All systems at once never promise more than the lowest of them served first,
 * so a target whose systems' own curves are 0 at a month is 0 there unsolved. With `known`
 * (the curves with less money), a point that money cannot raise keeps its level unsolved.
 */
async function levelCurves(session: CurveSession, targets: readonly ReadonlySet<string>[], H: number, known?: readonly LevelCurve[]): Promise<LevelCurve[]> {
  const alone = new Map<string, number[]>();
  const curves: LevelCurve[] = [];
  for (const target of targets) {
    const own = [...target].map((system) => alone.get(system));
    const bound = own.length > 1 && own.every((c) => c !== undefined) ? Array.from({ length: H }, (_, m) => Math.min(...own.map((c) => c![m]!))) : undefined;
    session.startFromLoose();
    const curve = await levelCurve(session, target, H, bound, known?.[curves.length]);
    if (target.size === 1) alone.set([...target][0]!, curve.levels);
    curves.push(curve);
  }
  return curves;
}

/**
 * g from every start month. g never falls as the start moves later (model.md): once a curve
 * reaches 100 % it stays there, and one that is no promise from the first month and from the
 * last is none from any (two solves, not H).
 */
async function levelCurve(session: CurveSession, target: ReadonlySet<string>, H: number, bound: readonly number[] | undefined, known: LevelCurve | undefined): Promise<LevelCurve> {
  const level = async (m: number) => {
    if (bound !== undefined && bound[m]! <= NO_PROMISE) return { level: 0, moneyHelps: true };
    if (known !== undefined && (known.levels[m]! >= FULL || !known.moneyHelps[m])) return { level: known.levels[m]!, moneyHelps: false };
    return session.largestLevelAndMoney(target, m);
  };
  const levels: number[] = [];
  const moneyHelps: boolean[] = [];
  let last: { level: number; moneyHelps: boolean } | undefined;
  for (let m = 0; m < H; m++) {
    const point = m > 0 && levels[m - 1]! >= FULL ? { level: 1, moneyHelps: false } : m === H - 1 && last !== undefined ? last : await level(m);
    levels.push(point.level);
    moneyHelps.push(point.moneyHelps);
    if (m === 0 && H > 1 && point.level <= NO_PROMISE) {
      last = await level(H - 1);
      if (last.level <= NO_PROMISE) return { levels: new Array<number>(H).fill(0), moneyHelps: new Array<boolean>(H).fill(true) };
    }
  }
  return { levels, moneyHelps };
}

/**
 * g at one start month for several targets, on one session with the scenario's money (risk
 * samples ask this); in the plan's own session when it is given.
 */
export async function promiseLevelsAt(input: PlanInput, targets: readonly ReadonlySet<string>[], recipient: string, from: number, ctx: SolveContext, plan?: OpenScenario): Promise<number[]> {
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
export async function largestGuaranteeInPlan(plan: OpenScenario, systems: ReadonlySet<string>): Promise<number> {
  return curveSession(promiseProgramInPlan(plan, systems), plan.session, false).largestLevel(systems, 0);
}

/** The curve session with the scenario's money: in the plan's session when given, else on a model of its own. */
async function scenarioCurveSession(input: PlanInput, recipient: string, ctx: SolveContext, plan: OpenScenario | undefined): Promise<CurveSession> {
  const everything = new Set(input.systems.map((s) => s.code));
  if (plan) return curveSession(promiseProgramInPlan(plan, everything, recipient), plan.session, false);
  return openCurveSession(buildRampUpModel(withoutFloors(input), { maximiseGuaranteeOf: everything, guaranteeRecipient: recipient }), ctx);
}

