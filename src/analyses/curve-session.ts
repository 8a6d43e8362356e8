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
  return new CurveQuestions(model, session, own);
}

/** A floor row `deliver >= g x need` of the curve program, with the need it holds. */
interface Floor {
  readonly k: number;
  readonly row: number;
  readonly system: string;
  readonly t: number;
}

type Optimal = Extract<SolveResult, { status: 'optimal' }>;

class CurveQuestions implements CurveSession {
  private readonly floors: readonly Floor[];
  private readonly rows: Int32Array;
  /** Which floors hold now: as built, every one. */
  private readonly on: Uint8Array;
  private readonly gOnly: Int32Array;
  private readonly shortfallObjective: Float64Array;
  private readonly topUps: Int32Array;
  /** Each top-up column's budget row: its reduced cost in the level objective (cost 0, entry -1) is that row's dual. */
  private readonly topUpRows: Int32Array;
  private objective: 'level' | 'shortfall' | 'money' = 'level';
  /** solveLoose's basis, and its values while they answer for the money the session now has. */
  private looseStart: SessionStart | undefined;
  private looseValues: Float64Array | undefined;

  constructor(
    private readonly model: RampUpModel,
    private readonly session: SolverSession,
    private readonly own: boolean,
  ) {
    const { input, index } = model;
    this.shortfallObjective = new Float64Array(model.lp.numCols);
    input.needs.forEach((need, k) => (this.shortfallObjective[index.deliver[k]!] = -need.weight));
    this.floors = input.needs.flatMap((need, k) => (index.floorRow[k]! >= 0 ? [{ k, row: index.floorRow[k]!, system: need.system, t: need.t }] : [])).sort((a, b) => a.row - b.row);
    this.rows = Int32Array.from(this.floors, (f) => f.row);
    this.on = new Uint8Array(this.floors.length).fill(1);
    this.gOnly = Int32Array.of(model.guaranteeColumn);
    this.topUps = Int32Array.from(index.topUp.filter((j) => j >= 0));
    this.topUpRows = Int32Array.from(index.budgetRow.filter((_, k) => index.topUp[k]! >= 0));
  }

  async largestLevel(target: ReadonlySet<string>, from: number): Promise<number> {
    return (await this.largestLevelAndMoney(target, from)).level;
  }

  async largestLevelAndMoney(target: ReadonlySet<string>, from: number): Promise<{ level: number; moneyHelps: boolean }> {
    // The most delivery already meets every need from `from` on: nothing can promise more.
    if (this.looseValues && this.looseLevel(this.looseValues, target, from) >= FULL) return { level: 1, moneyHelps: false };
    this.holdFloors(target, from);
    this.use('level', this.model.lp.colCost, 0);
    this.session.setColumnBounds(this.gOnly, Float64Array.of(0), Float64Array.of(1));
    const result = await this.run('largest level');
    if (result === undefined) return { level: 0, moneyHelps: true };
    return { level: Math.min(1, Math.max(0, result.columnValues[this.model.guaranteeColumn]!)), moneyHelps: this.moneyHelps(result.rowDuals) };
  }

  async deliveredBefore(target: ReadonlySet<string>, from: number, level: number): Promise<number> {
    // The loose optimum keeps the floors (at g = level, or at 0 where that is no promise): it is an optimum here too.
    const loose = this.looseValues;
    if (loose && (level <= NO_PROMISE || this.looseLevel(loose, target, from) >= level - NO_PROMISE)) return this.shareBefore(loose, target, from);
    this.holdFloors(target, from);
    this.use('shortfall', this.shortfallObjective, this.model.totalWeightedNeed);
    // Held a little below its optimum: exactly at it, the point is feasible only within tolerance.
    this.session.setColumnBounds(this.gOnly, Float64Array.of(Math.max(0, level - NO_PROMISE)), Float64Array.of(1));
    const result = await this.run('delivery before the promise');
    return this.shareBefore(result?.columnValues, target, from);
  }

  async extraMoneyForFull(target: ReadonlySet<string>, from: number): Promise<number | undefined> {
    this.holdFloors(target, from);
    this.use('money', this.model.costObjective, 0);
    this.session.setColumnBounds(this.gOnly, Float64Array.of(1), Float64Array.of(1));
    const result = await this.run('extra money for 100 %');
    if (!result) return undefined;
    let topUp = 0;
    for (const j of this.topUps) topUp += Math.max(0, result.columnValues[j]!);
    return topUp / MONEY_SCALE;
  }

  async solveLoose(): Promise<void> {
    this.holdFloors(new Set(), 0);
    this.use('shortfall', this.shortfallObjective, this.model.totalWeightedNeed);
    this.session.setColumnBounds(this.gOnly, Float64Array.of(0), Float64Array.of(1));
    const result = await this.run('most delivery, no promise');
    if (!result) throw new SolveError('the program without promises has no solution (a promise curve)', 'infeasible');
    this.looseStart = this.session.saveStart();
    this.looseValues = result.columnValues;
  }

  startFromLoose(): void {
    if (this.looseStart) this.session.restoreStart(this.looseStart);
  }

  allowTopUps(allowed: boolean): void {
    const n = this.topUps.length;
    this.session.setColumnBounds(this.topUps, new Float64Array(n), new Float64Array(n).fill(allowed ? Infinity : 0));
    // The optimum without promises is another one now: its values would answer for the other money.
    this.looseValues = undefined;
  }

  dispose(): void {
    if (this.own) this.session.dispose();
  }

  /** Switches on exactly the floors of `target` from month `from` on; only changed rows are sent. */
  private holdFloors(target: ReadonlySet<string>, from: number): void {
    const changed: number[] = [];
    this.floors.forEach((f, i) => {
      const want = target.has(f.system) && f.t >= from ? 1 : 0;
      if (want !== this.on[i]) changed.push(i);
      this.on[i] = want;
    });
    if (changed.length === 0) return;
    this.session.setRowBounds(
      Int32Array.from(changed, (i) => this.rows[i]!),
      Float64Array.from(changed, (i) => (this.on[i] ? 0 : -Infinity)),
      new Float64Array(changed.length).fill(Infinity),
    );
  }

  private use(next: CurveQuestions['objective'], cost: Float64Array, offset: number): void {
    if (this.objective !== next) this.session.setObjective(cost, offset);
    this.objective = next;
  }

  private async run(what: string): Promise<Optimal | undefined> {
    const result = await this.session.solve();
    if (result.status === 'optimal') return result;
    if (result.status === 'infeasible') return undefined;
    throw new SolveError(`${result.message} (a promise curve: ${what})`, result.status);
  }

  /** The target's share of its need before `from` that a solution delivers. */
  private shareBefore(values: Float64Array | undefined, target: ReadonlySet<string>, from: number): number {
    let need = 0;
    let delivered = 0;
    for (const f of this.floors) {
      if (!target.has(f.system) || f.t >= from) continue;
      const quantity = this.model.input.needs[f.k]!.quantity;
      need += quantity;
      delivered += values ? Math.min(quantity, values[this.model.index.deliver[f.k]!]!) : 0;
    }
    return need > 0 ? delivered / need : 1;
  }

  /** The least share of its need from `from` on that the loose optimum delivers to the target: a level it keeps unasked. */
  private looseLevel(values: Float64Array, target: ReadonlySet<string>, from: number): number {
    let level = 1;
    for (const f of this.floors) {
      const quantity = this.model.input.needs[f.k]!.quantity;
      if (target.has(f.system) && f.t >= from && quantity > 0) level = Math.min(level, values[this.model.index.deliver[f.k]!]! / quantity);
    }
    return level;
  }

  private moneyHelps(rowDuals: Float64Array | undefined): boolean {
    return rowDuals === undefined || this.topUpRows.some((i) => rowDuals[i]! < -MONEY_DUAL_TOLERANCE);
  }
}
