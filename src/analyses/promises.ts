import { SolveError } from '../errors.js';
import { buildRampUpModel, MONEY_SCALE, type RampUpModel } from '../model/build-ramp-up-model.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { SolveResult, SolverSession } from '../solve/solver-adapter.js';

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
  const scenario = await curveSession(buildRampUpModel(base, { maximiseGuaranteeOf: everything, guaranteeRecipient: recipient }), ctx);
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
  const open = await curveSession(buildRampUpModel(base, { maximiseGuaranteeOf: everything, guaranteeRecipient: recipient, unlimitedMoney: true }), ctx);
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

interface CurveSession {
  largestLevel(target: ReadonlySet<string>, from: number): Promise<number>;
  /** With g held at `level`: the most weighted delivery, and the target's share delivered before `from`. */
  deliveredBefore(target: ReadonlySet<string>, from: number, level: number): Promise<number>;
  /** With g held at 1: the least money (top-ups a last resort), and the top-ups; undefined when infeasible. */
  extraMoneyForFull(target: ReadonlySet<string>, from: number): Promise<number | undefined>;
  dispose(): void;
}

async function curveSession(model: RampUpModel, ctx: SolveContext): Promise<CurveSession> {
  const { input, index, guaranteeColumn: g } = model;
  const session: SolverSession = await ctx.adapter.open(model.lp, ctx.options);
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
    dispose: () => session.dispose(),
  };
}
