import { SolveError } from '../errors.js';
import { buildRampUpModel, MONEY_SCALE, type RampUpModel } from '../model/build-ramp-up-model.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { SolveResult, SolverSession } from '../solve/solver-adapter.js';
import type { SolvedPlan } from './close-gaps.js';
import { promiseProgramInPlan } from './promise-program-in-plan.js';

/** A promise that falls this short of 100 % is 100 % (solver tolerance). */
export const FULL = 1 - 1e-7;

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
  const levels: number[][] = [];
  const deliveredBefore: (number | undefined)[][] = [];
  // A model of its own, not the plan's session: the second pass's share delivered before the
  // start is one of several optima, and which one depends on where the engine starts.
  const scenario = await scenarioCurveSession(input, recipient, ctx, undefined);
  try {
    // All first passes, then all second passes: the objective changes twice, not twice per curve.
    for (const target of targets) levels.push(await levelCurve(scenario, target, H));
    for (const [i, target] of targets.entries()) {
      const before: (number | undefined)[] = [undefined];
      for (let m = 1; m < H; m++) before.push(await scenario.deliveredBefore(target, m, levels[i]![m]!));
      deliveredBefore.push(before);
    }
  } finally {
    scenario.dispose();
  }
  return { levels, deliveredBefore };
}

export async function unlimitedCurves(input: PlanInput, targets: readonly ReadonlySet<string>[], recipient: string, ctx: SolveContext, from?: number): Promise<UnlimitedCurves> {
  const everything = new Set(input.systems.map((s) => s.code));
  const open = await openCurveSession(buildRampUpModel(withoutFloors(input), { maximiseGuaranteeOf: everything, guaranteeRecipient: recipient, unlimitedMoney: true }), ctx);
  try {
    const levels: number[][] = [];
    for (const target of targets) levels.push(await levelCurve(open, target, input.months.length));
    if (from === undefined) return { levels };
    const extraMoneyFromEur: (number | undefined)[] = [];
    for (const target of targets) extraMoneyFromEur.push(await open.extraMoneyForFull(target, from));
    return { levels, extraMoneyFromEur };
  } finally {
    open.dispose();
  }
}

/** g from every start month; once a curve reaches 100 % it stays there. */
async function levelCurve(session: CurveSession, target: ReadonlySet<string>, H: number): Promise<number[]> {
  const curve: number[] = [];
  for (let m = 0; m < H; m++) curve.push(m > 0 && curve[m - 1]! >= FULL ? 1 : await session.largestLevel(target, m));
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

interface CurveSession {
  largestLevel(target: ReadonlySet<string>, from: number): Promise<number>;
  /** With g held at `level`: the most weighted delivery, and the target's share delivered before `from`. */
  deliveredBefore(target: ReadonlySet<string>, from: number, level: number): Promise<number>;
  /** With g held at 1: the least money (top-ups a last resort), and the top-ups; undefined when infeasible. */
  extraMoneyForFull(target: ReadonlySet<string>, from: number): Promise<number | undefined>;
  dispose(): void;
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

async function openCurveSession(model: RampUpModel, ctx: SolveContext): Promise<CurveSession> {
  return curveSession(model, await ctx.adapter.open(model.lp, ctx.options), true);
}

/** Curve questions on `session`, which holds `model`'s program; disposed with the curve session only when `own`. */
function curveSession(model: RampUpModel, session: SolverSession, own: boolean): CurveSession {
  const { input, index, guaranteeColumn: g } = model;
  const levelObjective = model.lp.colCost;
  const shortfallObjective = new Float64Array(model.lp.numCols);
  input.needs.forEach((need, k) => (shortfallObjective[index.deliver[k]!] = -need.weight));
  const floors = input.needs.flatMap((need, k) => (index.floorRow[k]! >= 0 ? [{ k, row: index.floorRow[k]!, system: need.system, t: need.t }] : [])).sort((a, b) => a.row - b.row);
  const rows = Int32Array.from(floors, (f) => f.row);
  const on = new Uint8Array(floors.length).fill(1); // as built: every floor holds
  const gOnly = Int32Array.of(g);
  let objective: 'level' | 'shortfall' | 'money' = 'level';

  /** Switches on exactly the floors of `target` from month `from` on; only changed rows are sent. */
  const holdFloors = (target: ReadonlySet<string>, from: number) => {
    const changed: number[] = [];
    floors.forEach((f, i) => {
      const want = target.has(f.system) && f.t >= from ? 1 : 0;
      if (want !== on[i]) changed.push(i);
      on[i] = want;
    });
    if (changed.length === 0) return;
    session.setRowBounds(
      Int32Array.from(changed, (i) => rows[i]!),
      Float64Array.from(changed, (i) => (on[i] ? 0 : -Infinity)),
      new Float64Array(changed.length).fill(Infinity),
    );
  };
  const use = (next: typeof objective, cost: Float64Array, offset: number) => {
    if (objective !== next) session.setObjective(cost, offset);
    objective = next;
  };
  const run = async (what: string): Promise<Extract<SolveResult, { status: 'optimal' }> | undefined> => {
    const result = await session.solve();
    if (result.status === 'optimal') return result;
    if (result.status === 'infeasible') return undefined;
    throw new SolveError(`${result.message} (a promise curve: ${what})`, result.status);
  };
  return {
    async largestLevel(target, from) {
      holdFloors(target, from);
      use('level', levelObjective, 0);
      session.setColumnBounds(gOnly, Float64Array.of(0), Float64Array.of(1));
      const result = await run('largest level');
      return result === undefined ? 0 : Math.min(1, Math.max(0, result.columnValues[g]!));
    },
    async deliveredBefore(target, from, level) {
      holdFloors(target, from);
      use('shortfall', shortfallObjective, model.totalWeightedNeed);
      // Held a little below its optimum: exactly at it, the point is feasible only within tolerance.
      session.setColumnBounds(gOnly, Float64Array.of(Math.max(0, level - 1e-6)), Float64Array.of(1));
      const result = await run('delivery before the promise');
      let need = 0;
      let delivered = 0;
      for (const f of floors) {
        if (!target.has(f.system) || f.t >= from) continue;
        const quantity = input.needs[f.k]!.quantity;
        need += quantity;
        delivered += result ? Math.min(quantity, result.columnValues[index.deliver[f.k]!]!) : 0;
      }
      return need > 0 ? delivered / need : 1;
    },
    async extraMoneyForFull(target, from) {
      holdFloors(target, from);
      use('money', model.costObjective, 0);
      session.setColumnBounds(gOnly, Float64Array.of(1), Float64Array.of(1));
      const result = await run('extra money for 100 %');
      if (!result) return undefined;
      let topUp = 0;
      for (const j of index.topUp) if (j >= 0) topUp += Math.max(0, result.columnValues[j]!);
      return topUp / MONEY_SCALE;
    },
    dispose: () => {
      if (own) session.dispose();
    },
  };
}
