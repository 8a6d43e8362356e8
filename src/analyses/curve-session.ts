import { SolveError } from '../base/errors.js';
import type { RampUpModel } from '../model/build-ramp-up-model.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { SessionStart, SolveResult, SolverSession } from '../solve/solver-adapter.js';

/**
 * A level this low is no promise: at or below it no floor binds, and the program is the one
 * with every floor off.
 */
export const NO_PROMISE = 1e-6;
/** A promise that falls this short of 100 % is 100 % (solver tolerance). */
export const FULL = 1 - 1e-7;
/** A budget row's dual below minus this (promise per EUR million) says a top-up could raise a promise. */
const MONEY_DUAL_TOLERANCE = 1e-12;
/** What the plan delivered is kept this much short of exact: its own rounding must not make it infeasible. */
const KEPT_SLACK = 1e-6;

/** The promise questions one engine session answers, each a re-solve from where the last ended. */
export interface CurveSession {
  /**
   * The largest g such that `deliver >= g x need` for the target's needs from month `from` on; with
   * `kept`, the target's deliveries before `from` also stay, cumulatively, at least the plan's
   * (model.md version 3), else they are free (version 2's figure).
   */
  largestLevel(target: ReadonlySet<string>, from: number, kept: boolean): Promise<number>;
  /**
   * largestLevel, and whether more money could raise it: false where the optimum stays one with
   * the model's top-up columns freed (no budget row's dual makes a euro of top-up worth
   * anything), true where it might or the engine gives no duals.
   */
  largestLevelAndMoney(target: ReadonlySet<string>, from: number, kept: boolean): Promise<{ level: number; moneyHelps: boolean }>;
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

/**
 * [need] what the plan delivers: what a promise keeps before its start. model.md asks that the
 * deliveries so far never fall below the plan's; delivering a unit earlier than the plan only
 * uses output (or stock) sooner and never helps a later month, so keeping each month's delivery
 * at least the plan's gives the same largest promise, and is a bound on a column, not a row.
 */
export type PlanDeliveries = Float64Array;

export async function openCurveSession(model: RampUpModel, ctx: SolveContext, kept?: PlanDeliveries): Promise<CurveSession> {
  return curveSession(model, await ctx.adapter.open(model.lp, ctx.options), true, kept);
}

/** Curve questions on `session`, which holds `model`'s program; disposed with the curve session only when `own`. */
export function curveSession(model: RampUpModel, session: SolverSession, own: boolean, kept?: PlanDeliveries): CurveSession {
  return new CurveQuestions(model, session, own, kept);
}

/** A need a promise holds: by a floor row from its month on, or by its delivery's lower bound (the plan's) before. */
interface Switch {
  readonly k: number;
  /** The floor row, or the deliver column. */
  readonly at: number;
  readonly system: string;
  readonly t: number;
}

type Optimal = Extract<SolveResult, { status: 'optimal' }>;

class CurveQuestions implements CurveSession {
  private readonly floors: readonly Switch[];
  private readonly kept: readonly Switch[];
  /** Which floors and kept rows hold now: as built, every floor and no kept row. */
  private readonly floorOn: Uint8Array;
  private readonly keptOn: Uint8Array;
  private readonly gOnly: Int32Array;
  private readonly shortfallObjective: Float64Array;
  private readonly topUps: Int32Array;
  /** Each top-up column's budget row: its reduced cost in the level objective (cost 0, entry -1) is that row's dual. */
  private readonly topUpRows: Int32Array;
  private objective: 'level' | 'shortfall' = 'level';
  /** solveLoose's basis, and its values while they answer for the money the session now has. */
  private looseStart: SessionStart | undefined;
  private looseValues: Float64Array | undefined;

  constructor(
    private readonly model: RampUpModel,
    private readonly session: SolverSession,
    private readonly own: boolean,
    private readonly planDelivered: PlanDeliveries | undefined,
  ) {
    const { input, index } = model;
    this.shortfallObjective = new Float64Array(model.lp.numCols);
    input.needs.forEach((need, k) => (this.shortfallObjective[index.deliver[k]!] = -need.weight));
    const switches = (at: Int32Array) => input.needs.flatMap((need, k) => (index.floorRow[k]! >= 0 ? [{ k, at: at[k]!, system: need.system, t: need.t }] : [])).sort((a, b) => a.at - b.at);
    this.floors = switches(index.floorRow);
    this.kept = planDelivered ? switches(index.deliver) : [];
    this.floorOn = new Uint8Array(this.floors.length).fill(1);
    this.keptOn = new Uint8Array(this.kept.length);
    this.gOnly = Int32Array.of(model.guaranteeColumn);
    this.topUps = Int32Array.from(index.topUp.filter((j) => j >= 0));
    this.topUpRows = Int32Array.from(index.budgetRow.filter((_, k) => index.topUp[k]! >= 0));
  }

  async largestLevel(target: ReadonlySet<string>, from: number, kept: boolean): Promise<number> {
    return (await this.largestLevelAndMoney(target, from, kept)).level;
  }

  async largestLevelAndMoney(target: ReadonlySet<string>, from: number, kept: boolean): Promise<{ level: number; moneyHelps: boolean }> {
    // The most delivery already meets every need from `from` on (and keeps what the plan delivered before): nothing can promise more.
    const loose = this.looseValues;
    if (loose && this.looseLevel(loose, target, from) >= FULL && (!kept || this.looseKeeps(loose, target, from))) return { level: 1, moneyHelps: false };
    this.hold(target, from, kept);
    this.use('level', this.model.lp.colCost, 0);
    this.session.setColumnBounds(this.gOnly, Float64Array.of(0), Float64Array.of(1));
    const result = await this.run('largest level');
    if (result === undefined) return { level: 0, moneyHelps: true };
    return { level: Math.min(1, Math.max(0, result.columnValues[this.model.guaranteeColumn]!)), moneyHelps: this.moneyHelps(result.rowDuals) };
  }

  async solveLoose(): Promise<void> {
    this.hold(new Set(), 0, false);
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

  /**
   * Switches on exactly the floors of `target` from month `from` on and, with `kept`, its
   * deliveries before it at least the plan's; everything else off. Only changes are sent.
   */
  private hold(target: ReadonlySet<string>, from: number, kept: boolean): void {
    const floors = this.switch(this.floors, this.floorOn, (f) => target.has(f.system) && f.t >= from, () => 0, -Infinity);
    if (floors.length > 0) this.session.setRowBounds(Int32Array.from(floors, (c) => c.at), Float64Array.from(floors, (c) => c.lower), new Float64Array(floors.length).fill(Infinity));
    const plan = this.planDelivered;
    const delivered = this.switch(this.kept, this.keptOn, (f) => kept && target.has(f.system) && f.t < from, (f) => Math.max(0, plan![f.k]! - KEPT_SLACK * Math.max(1, plan![f.k]!)), 0);
    if (delivered.length > 0) {
      const upper = Float64Array.from(delivered, (c) => this.model.input.needs[c.k]!.quantity);
      this.session.setColumnBounds(Int32Array.from(delivered, (c) => c.at), Float64Array.from(delivered, (c) => c.lower), upper);
    }
  }

  /** The needs of `needs` whose state changes to `want`, with their new lower bound (`off` when off). */
  private switch(needs: readonly Switch[], on: Uint8Array, want: (r: Switch) => boolean, lower: (r: Switch) => number, off: number): { k: number; at: number; lower: number }[] {
    const changed: { k: number; at: number; lower: number }[] = [];
    needs.forEach((r, i) => {
      const next = want(r) ? 1 : 0;
      if (next !== on[i]) changed.push({ k: r.k, at: r.at, lower: next ? lower(r) : off });
      on[i] = next;
    });
    return changed;
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

  /** The least share of its need from `from` on that the loose optimum delivers to the target: a level it keeps unasked. */
  private looseLevel(values: Float64Array, target: ReadonlySet<string>, from: number): number {
    let level = 1;
    for (const f of this.floors) {
      const quantity = this.model.input.needs[f.k]!.quantity;
      if (target.has(f.system) && f.t >= from && quantity > 0) level = Math.min(level, values[this.model.index.deliver[f.k]!]! / quantity);
    }
    return level;
  }

  /** Whether a solution delivers the target, before `from`, at least what the plan delivers, month by month. */
  private looseKeeps(values: Float64Array, target: ReadonlySet<string>, from: number): boolean {
    return this.kept.every((f) => !target.has(f.system) || f.t >= from || values[f.at]! >= this.planDelivered![f.k]! - KEPT_SLACK * Math.max(1, this.planDelivered![f.k]!));
  }

  private moneyHelps(rowDuals: Float64Array | undefined): boolean {
    return rowDuals === undefined || this.topUpRows.some((i) => rowDuals[i]! < -MONEY_DUAL_TOLERANCE);
  }
}
