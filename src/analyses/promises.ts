import { SolveError } from '../errors.js';
import { buildRampUpModel, MONEY_SCALE, type RampUpModel } from '../model/build-ramp-up-model.js';
import type { ExtraRow } from '../model/linear-program.js';
import { ColumnKind as Col, columnKindName, rowKindName, RowKind as Row } from '../model/names.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { SolveResult, SolverSession } from '../solve/solver-adapter.js';
import type { SolvedPlan } from './close-gaps.js';

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

/**
 * Promise curves for several targets (each a set of systems) on two sessions, one with the
 * scenario's money and one with unlimited money. Every need of the recipient has a floor
 * row `deliver >= g x need`; a curve switches on the floors of its target from the start
 * month on and off everywhere else, so each re-solve differs from the last only in bounds
 * and starts from its basis. A point is the largest g; then, in a second pass with g held,
 * the most weighted delivery, whose months before the start give the share still delivered.
 * g never falls as the start moves later (model.md), so a curve that reaches 100 % stays there.
 */
export async function promiseCurves(input: PlanInput, targets: readonly ReadonlySet<string>[], recipient: string, ctx: SolveContext, from?: number): Promise<CurveValues[]> {
  const H = input.months.length;
  const everything = new Set(input.systems.map((s) => s.code));
  const base = withoutFloors(input);
  const levels: number[][] = [];
  const deliveredBefore: (number | undefined)[][] = [];
  // A model of its own, not the plan's session: the second pass's share delivered before the
  // start is one of several optima, and which one depends on where the engine starts.
  const scenario = await scenarioCurveSession(input, recipient, ctx, undefined);
  try {
    // All first passes, then all second passes: the objective changes twice, not twice per curve.
    for (const target of targets) {
      const curve: number[] = [];
      for (let m = 0; m < H; m++) curve.push(m > 0 && curve[m - 1]! >= FULL ? 1 : await scenario.largestLevel(target, m));
      levels.push(curve);
    }
    for (const [i, target] of targets.entries()) {
      const before: (number | undefined)[] = [undefined];
      for (let m = 1; m < H; m++) before.push(await scenario.deliveredBefore(target, m, levels[i]![m]!));
      deliveredBefore.push(before);
    }
  } finally {
    scenario.dispose();
  }
  const open = await openCurveSession(buildRampUpModel(base, { maximiseGuaranteeOf: everything, guaranteeRecipient: recipient, unlimitedMoney: true }), ctx);
  const out: CurveValues[] = [];
  try {
    const unlimited: number[][] = [];
    for (const target of targets) {
      const curve: number[] = [];
      for (let m = 0; m < H; m++) curve.push(m > 0 && curve[m - 1]! >= FULL ? 1 : await open.largestLevel(target, m));
      unlimited.push(curve);
    }
    for (const [i, target] of targets.entries()) {
      const extra = from === undefined ? {} : { extraMoneyFromEur: await open.extraMoneyForFull(target, from) };
      out.push({ levels: levels[i]!, levelsUnlimited: unlimited[i]!, deliveredBefore: deliveredBefore[i]!, ...extra });
    }
  } finally {
    open.dispose();
  }
  return out;
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
  const model = promiseProgramInPlan(plan, systems);
  const result = await plan.session.solve();
  if (result.status === 'infeasible') return 0;
  if (result.status !== 'optimal') throw new SolveError(`${result.message} (the largest guarantee)`, result.status);
  return Math.min(1, Math.max(0, result.columnValues[model.guaranteeColumn]!));
}

/**
 * The promise program, as buildRampUpModel(withoutFloors(input), { maximiseGuaranteeOf:
 * systems, guaranteeRecipient }) builds it, made in a solved plan's session by edits: the
 * stages' rows dropped, the scenario's floors lifted, g (objective -g) and a floor row
 * `deliver - need x g >= 0` per need appended. The columns keep their order, so the plan's
 * stage-1 basis, primal feasible at g = 0, is where the engine starts: a sweep run's joint
 * promise took 110-160 ms from a fresh model and 25-30 ms from there (bundled data). Columns
 * added after the plan's own (cost to close's top-ups) are held at 0: promises are made with
 * the scenario's money. The session stays the plan's, edited.
 */
export function promiseProgramInPlan(plan: SolvedPlan, systems: ReadonlySet<string>, recipient?: string): RampUpModel {
  const { session, solution, model } = plan;
  const { input, index } = model;
  session.removeRowsFrom(solution.firstStageRow);
  const deliver = input.needs.map((need, k) => ({ column: index.deliver[k]!, upper: need.quantity })).sort((a, b) => a.column - b.column);
  const extra = Array.from({ length: session.program.numCols - model.lp.numCols }, (_, i) => model.lp.numCols + i);
  session.setColumnBounds(
    Int32Array.from([...deliver.map((d) => d.column), ...extra]),
    new Float64Array(deliver.length + extra.length),
    Float64Array.from([...deliver.map((d) => d.upper), ...extra.map(() => 0)]),
  );
  const g = session.addColumns({
    count: 1,
    cost: Float64Array.of(-1),
    lower: Float64Array.of(0),
    upper: Float64Array.of(1),
    starts: Int32Array.of(0, 0),
    indices: new Int32Array(0),
    values: new Float64Array(0),
    name: () => 'guarantee_level',
  });
  const floorRow = new Int32Array(input.needs.length).fill(-1);
  const rows: ExtraRow[] = [];
  const deliverName = columnKindName(Col.deliver);
  input.needs.forEach((need, k) => {
    if (!systems.has(need.system) || need.quantity <= 0 || (recipient !== undefined && need.recipient !== recipient)) return;
    floorRow[k] = session.program.numRows + rows.length;
    const column = index.deliver[k]!;
    const name = rowKindName(Row.guaranteeFloor) + session.program.colName(column).slice(deliverName.length);
    rows.push({ name, lower: 0, upper: Infinity, indices: Int32Array.of(column, g), values: Float64Array.of(1, -need.quantity) });
  });
  session.addRows(rows);
  const cost = new Float64Array(session.program.numCols);
  cost[g] = -1;
  session.setObjective(cost, 0);
  if (solution.firstStageStart) session.restoreStart(solution.firstStageStart);
  const costObjective = new Float64Array(session.program.numCols);
  costObjective.set(model.costObjective);
  return { ...model, lp: session.program, costObjective, guaranteeColumn: g, index: { ...index, floorRow } };
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
