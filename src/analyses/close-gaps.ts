import { MONEY_SCALE } from '../model/build-ramp-up-model.js';
import { withTopUpColumns } from '../model/top-up-columns.js';
import { solveModel, type SolvedScenario } from '../pipeline/solve-scenario.js';
import type { GapClosure, Plan, SystemClosure } from '../results/plan.js';
import { readPlan } from '../results/read-plan.js';
import { summarizePlan } from '../results/summarize-plan.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { LexicographicSolution } from '../solve/solve-lexicographic.js';
import type { SessionStart } from '../solve/solver-adapter.js';

export interface CloseGapsOptions {
  /** The unlimited-money solution, already being solved elsewhere (solveUnlimited on another thread). */
  readonly drawn?: Promise<LexicographicSolution>;
  /** Told the unlimited-money solution (its timings and engine statistics). */
  readonly onSolved?: (solution: LexicographicSolution) => void;
}

/**
 * Solves the unlimited-money plan behind cost to close (solveUnlimited's work) from nothing,
 * e.g. on a worker thread beside the plan; the shell gives one (PlanOptions.unlimitedMoney).
 */
export type UnlimitedRunner = (input: PlanInput, ctx: SolveContext, signal?: AbortSignal) => Promise<LexicographicSolution>;

/** From this many columns cost to close starts from nothing, not from the plan's basis (unlimitedStart). */
export const UNLIMITED_COLD_FROM_COLUMNS = 10_000;

/**
 * Where cost to close starts: from the plan's stage-1 basis below UNLIMITED_COLD_FROM_COLUMNS,
 * from nothing above, where it need not wait for the plan and a shell runs it on another
 * thread beside it (9 stress shapes at XL: wall 6.7-17.7 s against 8.7-22.9 s from the basis
 * after the plan, one of them 1.3 s slower). By size alone, so the answer does not depend on
 * where it ran.
 */
export function unlimitedStart(plan: SolvedScenario): SessionStart | undefined {
  return plan.model.lp.numCols >= UNLIMITED_COLD_FROM_COLUMNS ? undefined : plan.solution.firstStageStart;
}

/**
 * Re-plans the scenario with unlimited money (every payer may top up its budget, as a last
 * resort: the plan's model with top-up columns appended, a small one from the plan's stage-1
 * basis) and compares: the extra money is the sum of top-ups, attributed to systems in
 * proportion to how much more the unlimited plan spends on each (so the per-system figures
 * add up to the total); what stays short is what lead times and ceilings forbid.
 */
export async function closeGaps(base: SolvedScenario, ctx: SolveContext, how: CloseGapsOptions = {}): Promise<GapClosure> {
  const { model, solution: unlimited, plan: open } = how.drawn ? readDrawn(base, await how.drawn) : await solveUnlimited(base, unlimitedStart(base), ctx);
  how.onSolved?.(unlimited);
  return closure(base.plan, model, unlimited, open);
}

/** The unlimited-money solution drawn elsewhere, read back on the plan's model with its top-up columns (the same columns in the same order). */
function readDrawn(base: SolvedScenario, solution: LexicographicSolution): SolvedScenario {
  const { model } = withTopUpColumns(base.model);
  return { model, solution, plan: readPlan(model, solution) };
}

/** What the unlimited-money plan says of the plan's gaps: the extra money, by payer, channel and system, and what money cannot close. */
function closure(base: Plan, model: SolvedScenario['model'], unlimited: LexicographicSolution, open: Plan): GapClosure {
  const values = unlimited.plan.columnValues;
  const H = base.input.months.length;
  const topUpByPayer = new Map<string, number>();
  base.input.payers.forEach((payer, p) => {
    let sum = 0;
    for (let t = 0; t < H; t++) {
      const j = model.index.topUp[p * H + t]!;
      if (j >= 0) sum += Math.max(0, values[j]!);
    }
    if (sum > 1e-9) topUpByPayer.set(payer.code, sum / MONEY_SCALE);
  });
  const extraMoneyEur = [...topUpByPayer.values()].reduce((a, v) => a + v, 0);

  const topUpByChannel = channelShares(base, open, topUpByPayer);
  const openSummary = summarizePlan(open);
  const spend = (plan: Plan) => {
    const bySystem = new Map<string, number>();
    for (const lm of plan.lineMonths) bySystem.set(lm.line.system, (bySystem.get(lm.line.system) ?? 0) + lm.costEur);
    return bySystem;
  };
  const before = spend(base);
  const after = spend(open);
  const increase = new Map(base.input.systems.map((s) => [s.code, Math.max(0, (after.get(s.code) ?? 0) - (before.get(s.code) ?? 0))]));
  const totalIncrease = [...increase.values()].reduce((a, v) => a + v, 0);

  const bySystem = new Map<string, SystemClosure>();
  for (const s of openSummary.systems) {
    bySystem.set(s.system, {
      costToCloseEur: totalIncrease > 0 ? (extraMoneyEur * increase.get(s.system)!) / totalIncrease : 0,
      shortfallMoneyCannotClose: s.shortfall,
      firstMonthMetUnlimited: s.firstMonthMet,
      bindingInputs: [...new Set(open.needs.filter((n) => n.need.system === s.system && n.bindingInput !== undefined).map((n) => n.bindingInput!))].sort(),
      shortUnlimited: open.needs.filter((n) => n.need.system === s.system && n.shortfall > 0).map((n) => ({ t: n.need.t, cause: n.cause, ...(n.bindingInput ? { bindingInput: n.bindingInput } : {}) })),
    });
  }
  return { extraMoneyEur, topUpByPayer, topUpByChannel, weightedShortfallUnlimited: open.weightedShortfall, bySystem };
}

/** Each payer's top-up split over its channels in proportion to how much more each carries with unlimited money. */
function channelShares(base: Plan, open: Plan, topUpByPayer: ReadonlyMap<string, number>): Map<string, Map<string, number>> {
  const through = (plan: Plan) => {
    const out = new Map<string, number>();
    for (const f of plan.moneyFlows) out.set(`${f.payer}\u0000${f.channel}`, (out.get(`${f.payer}\u0000${f.channel}`) ?? 0) + f.paidEur);
    return out;
  };
  const before = through(base);
  const after = through(open);
  const out = new Map<string, Map<string, number>>();
  for (const [payer, topUp] of topUpByPayer) {
    const more = [...after].filter(([key]) => key.startsWith(`${payer}\u0000`)).map(([key, v]) => [key.split('\u0000')[1]!, Math.max(0, v - (before.get(key) ?? 0))] as const);
    const total = more.reduce((a, [, v]) => a + v, 0);
    const split = new Map<string, number>();
    for (const [channel, v] of more) if (total > 0 && v > 0) split.set(channel, (topUp * v) / total);
    out.set(payer, split);
  }
  return out;
}

/** The plan with its closure, each payer carrying its part of the cost to close. */
export function withClosure(plan: Plan, closure: GapClosure): Plan {
  return { ...plan, closure, payers: plan.payers.map((p) => ({ ...p, topUpToCloseEur: closure.topUpByPayer.get(p.code) ?? 0 })) };
}

/**
 * The unlimited-money program, the plan's with a top-up column on every budget row appended
 * (`src/model/top-up-columns.ts`), in a session of its own that starts from the plan's stage-1
 * basis: top-ups at 0 keep it feasible. On the stress set's slowest shapes that took 3-4 times
 * fewer simplex iterations than the cost stage's basis (XL03 5,629 against 18,014), and less
 * time than a cold interior point. A session of its own, not the plan's, so that it can run
 * on another thread while the plan's later stages are solved, and gives the same wherever it runs.
 */
export async function solveUnlimited(plan: Pick<SolvedScenario, 'model'>, start: SessionStart | undefined, ctx: SolveContext): Promise<SolvedScenario> {
  return solveModel(withTopUpColumns(plan.model).model, ctx, start ? { start } : {});
}
