import { SolveError } from '../base/errors.js';
import { MONEY_SCALE, type RampUpModel } from '../model/build-ramp-up-model.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { SessionStart, SolveResult, SolverSession } from '../solve/solver-adapter.js';

/**
 * A level this low is no promise: g is held this far below a level it reached (deliveredBefore),
 * so at or below it no floor binds and the program is the one with every floor off.
 */
export const NO_PROMISE = 1e-6;
/** A promise that falls this short of 100 % is 100 % (solver tolerance). */
export const FULL = 1 - 1e-7;
/** A budget row's dual below minus this (promise per EUR million) says a top-up could raise a promise. */
const MONEY_DUAL_TOLERANCE = 1e-12;

/** The promise questions one engine session answers, each a re-solve from where the last ended. */
export interface CurveSession {
  largestLevel(target: ReadonlySet<string>, from: number): Promise<number>;
  /**
   * largestLevel, and whether more money could raise it: false where the optimum stays one with
   * the model's top-up columns freed (no budget row's dual makes a euro of top-up worth
   * anything), true where it might or the engine gives no duals.
   */
  largestLevelAndMoney(target: ReadonlySet<string>, from: number): Promise<{ level: number; moneyHelps: boolean }>;
  /** With g held at `level`: the most weighted delivery, and the target's share delivered before `from`. */
  deliveredBefore(target: ReadonlySet<string>, from: number, level: number): Promise<number>;
  /** With g held at 1: the least money (top-ups a last resort), and the top-ups; undefined when infeasible. */
  extraMoneyForFull(target: ReadonlySet<string>, from: number): Promise<number | undefined>;
  /**
   * Solves for the most weighted delivery with every floor off (the plan's first stage, in
   * effect) and keeps that optimum: each curve's first solves start from its basis
   * (startFromLoose), and it answers the questions whose floors it already keeps.
   */
  solveLoose(): Promise<void>;
  /** The next solve starts from solveLoose's basis (nothing happens before solveLoose). */
  startFromLoose(): void;
  /** Frees the model's top-up columns (unlimited money) or holds them at 0; solveLoose again after. */
  allowTopUps(allowed: boolean): void;
  dispose(): void;
}

export async function openCurveSession(model: RampUpModel, ctx: SolveContext): Promise<CurveSession> {
  return curveSession(model, await ctx.adapter.open(model.lp, ctx.options), true);
}

/** Curve questions on `session`, which holds `model`'s program; disposed with the curve session only when `own`. */
export function curveSession(model: RampUpModel, session: SolverSession, own: boolean): CurveSession {
  const { input, index, guaranteeColumn: g } = model;
  const levelObjective = model.lp.colCost;
  const shortfallObjective = new Float64Array(model.lp.numCols);
  input.needs.forEach((need, k) => (shortfallObjective[index.deliver[k]!] = -need.weight));
  const floors = input.needs.flatMap((need, k) => (index.floorRow[k]! >= 0 ? [{ k, row: index.floorRow[k]!, system: need.system, t: need.t }] : [])).sort((a, b) => a.row - b.row);
  const rows = Int32Array.from(floors, (f) => f.row);
  const on = new Uint8Array(floors.length).fill(1); // as built: every floor holds
  const gOnly = Int32Array.of(g);
  let objective: 'level' | 'shortfall' | 'money' = 'level';
  // solveLoose's basis, and its values while they answer for the money the session now has.
  let looseStart: SessionStart | undefined;
  let looseValues: Float64Array | undefined;

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
  /** The target's share of its need before `from` that a solution delivers. */
  const shareBefore = (values: Float64Array | undefined, target: ReadonlySet<string>, from: number) => {
    let need = 0;
    let delivered = 0;
    for (const f of floors) {
      if (!target.has(f.system) || f.t >= from) continue;
      const quantity = input.needs[f.k]!.quantity;
      need += quantity;
      delivered += values ? Math.min(quantity, values[index.deliver[f.k]!]!) : 0;
    }
    return need > 0 ? delivered / need : 1;
  };
  /** The least share of its need from `from` on that the loose optimum delivers to the target: a level it keeps unasked. */
  const looseLevel = (values: Float64Array, target: ReadonlySet<string>, from: number) => {
    let level = 1;
    for (const f of floors) {
      const quantity = input.needs[f.k]!.quantity;
      if (target.has(f.system) && f.t >= from && quantity > 0) level = Math.min(level, values[index.deliver[f.k]!]! / quantity);
    }
    return level;
  };
  const topUps = Int32Array.from(index.topUp.filter((j) => j >= 0));
  // Each top-up column's budget row: its reduced cost in the level objective (cost 0, entry -1) is that row's dual.
  const topUpRows = Int32Array.from(index.budgetRow.filter((_, k) => index.topUp[k]! >= 0));
  const moneyHelps = (rowDuals: Float64Array | undefined) => rowDuals === undefined || topUpRows.some((i) => rowDuals[i]! < -MONEY_DUAL_TOLERANCE);
  const levelAndMoney = async (target: ReadonlySet<string>, from: number) => {
    // The most delivery already meets every need from `from` on: nothing can promise more.
    if (looseValues && looseLevel(looseValues, target, from) >= FULL) return { level: 1, moneyHelps: false };
    holdFloors(target, from);
    use('level', levelObjective, 0);
    session.setColumnBounds(gOnly, Float64Array.of(0), Float64Array.of(1));
    const result = await run('largest level');
    if (result === undefined) return { level: 0, moneyHelps: true };
    return { level: Math.min(1, Math.max(0, result.columnValues[g]!)), moneyHelps: moneyHelps(result.rowDuals) };
  };
  return {
    largestLevel: async (target, from) => (await levelAndMoney(target, from)).level,
    largestLevelAndMoney: levelAndMoney,
    async deliveredBefore(target, from, level) {
      // The loose optimum keeps the floors (at g = level, or at 0 where that is no promise): it is an optimum here too.
      if (looseValues && (level <= NO_PROMISE || looseLevel(looseValues, target, from) >= level - NO_PROMISE)) return shareBefore(looseValues, target, from);
      holdFloors(target, from);
      use('shortfall', shortfallObjective, model.totalWeightedNeed);
      // Held a little below its optimum: exactly at it, the point is feasible only within tolerance.
      session.setColumnBounds(gOnly, Float64Array.of(Math.max(0, level - NO_PROMISE)), Float64Array.of(1));
      const result = await run('delivery before the promise');
      return shareBefore(result?.columnValues, target, from);
    },
    async extraMoneyForFull(target, from) {
      holdFloors(target, from);
      use('money', model.costObjective, 0);
      session.setColumnBounds(gOnly, Float64Array.of(1), Float64Array.of(1));
      const result = await run('extra money for 100 %');
      if (!result) return undefined;
      let topUp = 0;
      for (const j of topUps) topUp += Math.max(0, result.columnValues[j]!);
      return topUp / MONEY_SCALE;
    },
    async solveLoose() {
      holdFloors(new Set(), 0);
      use('shortfall', shortfallObjective, model.totalWeightedNeed);
      session.setColumnBounds(gOnly, Float64Array.of(0), Float64Array.of(1));
      const result = await run('most delivery, no promise');
      if (!result) throw new SolveError('the program without promises has no solution (a promise curve)', 'infeasible');
      looseStart = session.saveStart();
      looseValues = result.columnValues;
    },
    startFromLoose() {
      if (looseStart) session.restoreStart(looseStart);
    },
    allowTopUps(allowed) {
      session.setColumnBounds(topUps, new Float64Array(topUps.length), new Float64Array(topUps.length).fill(allowed ? Infinity : 0));
      // The optimum without promises is another one now: its values would answer for the other money.
      looseValues = undefined;
    },
    dispose: () => {
      if (own) session.dispose();
    },
  };
}
