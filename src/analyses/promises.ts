import { buildRampUpModel } from '../model/build-ramp-up-model.js';
import { withTopUpColumns } from '../model/top-up-columns.js';
import type { OpenScenario } from '../pipeline/solve-scenario.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import { curveSession, FULL, NO_PROMISE, openCurveSession, type CurveSession } from './curve-session.js';
import { promiseProgramInPlan } from './promise-program-in-plan.js';

export { FULL } from './curve-session.js';

/** The scenario with no delivery floors at all: every promise question starts from it. */
export function withoutFloors(input: PlanInput): PlanInput {
  return { ...input, needs: input.needs.map((n) => ({ ...n, guarantee: 0 })) };
}

/** What a promise is asked of: one system, a category of them (`category:NAME`) or all (`*`), at once. */
export interface PromiseTarget {
  readonly code: string;
  readonly systems: readonly string[];
  /** The start months (indices, ascending) its curve is drawn at (curveMonths). */
  readonly months: readonly number[];
}

/** The promise curves of one target (model.md version 3), [i] at the target's months[i]. */
export interface CurveValues {
  /** g(m): every month's need from m on at this share, the plan's earlier deliveries kept, the scenario's money. */
  readonly levels: number[];
  /** Version 2's g(m): earlier months free. */
  readonly levelsEarlierFree: number[];
  /** g(m) with unlimited money (top-ups), the plan's earlier deliveries still kept. */
  readonly levelsUnlimited: number[];
}

/** What the curves are asked: the scenario, the recipient, the targets and what the plan delivered. */
export interface PromiseRequest {
  readonly input: PlanInput;
  readonly recipient: string;
  readonly targets: readonly PromiseTarget[];
  /** [need of input.needs] what the plan delivers. */
  readonly delivered: readonly number[];
}

/** Up to this many months every curve is drawn from every start month. */
export const EVERY_MONTH_UP_TO = 24;

/**
 * The start months of a target's promise curve. A horizon up to EVERY_MONTH_UP_TO months: every
 * month. A longer one: one system's curve from each quarter's first month (a 2030 horizon: 20
 * points, not 60), several systems at once (a category, `*`) from the asked month alone, since
 * each of their solves carries every one of their systems' lines. The asked month always.
 */
export function curveMonths(input: PlanInput, from: number, systems: number): number[] {
  const H = input.months.length;
  if (H <= EVERY_MONTH_UP_TO) return Array.from({ length: H }, (_, t) => t);
  if (systems > 1) return [from];
  return Array.from({ length: H }, (_, t) => t).filter((t) => t === 0 || t === from || input.months[t]! % 3 === 0);
}

/** Computes promise curves (promiseCurves' values), e.g. on a worker thread; the shell gives one (PlanHooks.promiseCurves). */
export type PromiseCurvesRunner = (request: PromiseRequest, ctx: SolveContext, signal?: AbortSignal) => Promise<CurveValues[]>;

/**
 * Promise curves, each target on a program of its own: only the target's needs of the
 * recipient are in it (other systems and recipients are free, so they get nothing and their
 * lines make nothing), which makes every solve small. Per target: version 2's curve (earlier
 * months free), then version 3's (the plan's deliveries before the start kept),
 * then version 3's with unlimited money. Each point solved only where bounds do not settle it:
 * the plan's own lowest share from m on <= g3(m) <= g2(m), and all systems at once promise no
 * more than the lowest of them served first.
 */
export async function promiseCurves(request: PromiseRequest, ctx: SolveContext): Promise<CurveValues[]> {
  const alone = new Map<string, Alone>();
  const out: CurveValues[] = [];
  for (const target of request.targets) {
    const members = target.systems.map((s) => alone.get(s));
    const bound = target.systems.length > 1 && members.every((c) => c !== undefined) ? lowestOf(members as Alone[], target.months) : undefined;
    const curve = await targetCurves(request, target, ctx, bound);
    if (target.systems.length === 1) alone.set(target.systems[0]!, { curve, months: target.months });
    out.push(curve);
  }
  return out;
}

/** One system's curve and the months it was drawn at. */
interface Alone {
  readonly curve: CurveValues;
  readonly months: readonly number[];
}

/** [i] the lowest of several systems' curves at months[i], each of the three (every system's months hold the target's). */
function lowestOf(members: readonly Alone[], months: readonly number[]): CurveValues {
  const min = (pick: (c: CurveValues) => number[]) => months.map((m) => Math.min(...members.map((a) => pick(a.curve)[a.months.indexOf(m)] ?? 1)));
  return { levels: min((c) => c.levels), levelsEarlierFree: min((c) => c.levelsEarlierFree), levelsUnlimited: min((c) => c.levelsUnlimited) };
}

/** The target's needs of the recipient alone, and what the plan delivers them. */
function restrictedTo(request: PromiseRequest, target: PromiseTarget): { input: PlanInput; delivered: number[] } {
  const { input, recipient } = request;
  const systems = new Set(target.systems);
  const picked = input.needs.flatMap((need, k) => (systems.has(need.system) && need.recipient === recipient ? [k] : []));
  return { input: { ...withoutFloors(input), needs: picked.map((k) => ({ ...input.needs[k]!, guarantee: 0 })) }, delivered: picked.map((k) => request.delivered[k]!) };
}

/**
 * A target's curve session, opened only when a point needs a solve (many are settled by bounds),
 * on a program of the target's needs alone with top-up columns, and solved loose with the money
 * asked (the scenario's, or unlimited).
 */
class TargetSession {
  private session: CurveSession | undefined;
  private unlimited = false;

  constructor(
    private readonly restricted: { input: PlanInput; delivered: number[] },
    private readonly systems: ReadonlySet<string>,
    private readonly recipient: string,
    private readonly ctx: SolveContext,
  ) {}

  async level(from: number, kept: boolean, unlimited: boolean): Promise<{ level: number; moneyHelps: boolean }> {
    const session = await this.open(unlimited);
    return session.largestLevelAndMoney(this.systems, from, kept);
  }

  /** The session with the money asked, after a loose solve whenever the money changes; each pass starts from that basis. */
  async open(unlimited: boolean): Promise<CurveSession> {
    if (!this.session) {
      const { model } = withTopUpColumns(buildRampUpModel(this.restricted.input, { maximiseGuaranteeOf: this.systems, guaranteeRecipient: this.recipient }));
      this.session = await openCurveSession(model, this.ctx, Float64Array.from(this.restricted.delivered));
      this.session.allowTopUps(false);
      await this.session.solveLoose();
    }
    if (unlimited !== this.unlimited) {
      this.session.allowTopUps(unlimited);
      await this.session.solveLoose();
      this.unlimited = unlimited;
    }
    return this.session;
  }

  startPass(): void {
    this.session?.startFromLoose();
  }

  dispose(): void {
    this.session?.dispose();
  }
}

/** Settled where an upper bound meets a lower one (within NO_PROMISE): the bound; else undefined. */
const settled = (lower: number, upper: number | undefined) => (upper !== undefined && upper <= lower + NO_PROMISE ? Math.max(lower, Math.min(upper, 1)) : undefined);

async function targetCurves(request: PromiseRequest, target: PromiseTarget, ctx: SolveContext, bound: CurveValues | undefined): Promise<CurveValues> {
  const restricted = restrictedTo(request, target);
  const systems = new Set(target.systems);
  const allLowest = planLowest(restricted.input, restricted.delivered);
  const months = target.months;
  const lowest = months.map((m) => allLowest[m]!);
  const session = new TargetSession(restricted, systems, request.recipient, ctx);
  try {
    // g3 lies between the plan's lowest share and g2 (and the lowest of its systems' g3): where those meet, it is settled unsolved.
    const earlierFree = bound ? undefined : await levelCurve(session, months);
    const upper = earlierFree ?? bound!.levels;
    session.startPass();
    const levels: number[] = [];
    const moneyHelps: boolean[] = [];
    for (const [i, m] of months.entries()) {
      const known = settled(lowest[i]!, upper[i]);
      const point = known !== undefined ? { level: known, moneyHelps: true } : await session.level(m, true, false);
      levels.push(point.level);
      moneyHelps.push(point.moneyHelps);
    }
    const free = earlierFree ?? (await boundedCurve(session, months, levels, bound!.levelsEarlierFree, false));
    session.startPass();
    const levelsUnlimited: number[] = [];
    for (const [i, m] of months.entries()) {
      const known = levels[i]! >= FULL || !moneyHelps[i] ? levels[i]! : settled(levels[i]!, bound?.levelsUnlimited[i]);
      levelsUnlimited.push(known ?? (await session.level(m, true, true)).level);
    }
    return { levels, levelsEarlierFree: free, levelsUnlimited };
  } finally {
    session.dispose();
  }
}

/** A curve between `lower` and `upper` bounds (at `months`), solved only where they do not meet. */
async function boundedCurve(session: TargetSession, months: readonly number[], lower: readonly number[], upper: readonly number[], kept: boolean): Promise<number[]> {
  session.startPass();
  const out: number[] = [];
  for (const [i, m] of months.entries()) out.push(settled(lower[i]!, upper[i]) ?? (await session.level(m, kept, false)).level);
  return out;
}

/**
 * Version 2's g(m) from every start month, earlier months free. It never falls as the start
 * moves later (model.md): once 100 % it stays there, and a curve that is no promise from its
 * first month and from its last is none from any (two solves, not H).
 */
async function levelCurve(session: TargetSession, months: readonly number[]): Promise<number[]> {
  const level = async (m: number) => (await session.level(m, false, false)).level;
  const n = months.length;
  const levels: number[] = [];
  let last: number | undefined;
  for (let i = 0; i < n; i++) {
    const point = i > 0 && levels[i - 1]! >= FULL ? 1 : i === n - 1 && last !== undefined ? last : await level(months[i]!);
    levels.push(point);
    if (i === 0 && n > 1 && point <= NO_PROMISE) {
      last = await level(months[n - 1]!);
      if (last <= NO_PROMISE) return new Array<number>(n).fill(0);
    }
  }
  return levels;
}

/** [m] the plan's lowest share of a month's need from month m on, over the needs given (1 where none). */
export function planLowest(input: PlanInput, delivered: readonly number[]): number[] {
  const H = input.months.length;
  const byMonth = new Array<number>(H).fill(1);
  input.needs.forEach((need, k) => {
    if (need.quantity > 0) byMonth[need.t] = Math.min(byMonth[need.t]!, delivered[k]! / need.quantity);
  });
  const out = new Array<number>(H);
  let lowest = 1;
  for (let m = H - 1; m >= 0; m--) out[m] = lowest = Math.min(lowest, byMonth[m]!);
  return out;
}

/**
 * Version 3's g at one start month for several targets, on one session with the scenario's money
 * (risk samples ask this); in the plan's own session when it is given, else on a model of its own.
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
      out.push(await session.largestLevel(target, from, plan !== undefined));
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
  return curveSession(promiseProgramInPlan(plan, systems), plan.session, false).largestLevel(systems, 0, false);
}

/** The curve session with the scenario's money: in the plan's session (its deliveries kept) when given, else on a model of its own (earlier months free). */
async function scenarioCurveSession(input: PlanInput, recipient: string, ctx: SolveContext, plan: OpenScenario | undefined): Promise<CurveSession> {
  const everything = new Set(input.systems.map((s) => s.code));
  if (plan) {
    const program = promiseProgramInPlan(plan, everything, recipient);
    return curveSession(program, plan.session, false, Float64Array.from(plan.plan.needs, (n) => n.delivered));
  }
  return openCurveSession(buildRampUpModel(withoutFloors(input), { maximiseGuaranteeOf: everything, guaranteeRecipient: recipient }), ctx);
}
