import { SolveError } from '../base/errors.js';
import { MONEY_SCALE } from '../model/build-ramp-up-model.js';
import { withTopUpColumns } from '../model/top-up-columns.js';
import type { OpenScenario } from '../pipeline/solve-scenario.js';
import { planLowest } from './promises.js';

/** What a promise at each level from one month costs, per system. */
export interface PriceRequest {
  readonly recipient: string;
  /** Start month index. */
  readonly from: number;
  /** Levels as shares (0.5, 0.75, ...), ascending. */
  readonly levels: readonly number[];
  readonly systems: readonly string[];
}

/** The least extra money for one promise; undefined where no money reaches it. */
export interface PriceValue {
  readonly system: string;
  readonly level: number;
  readonly extraMoneyEur: number | undefined;
}

/** What the plan delivered is kept this much short of exact: its own rounding must not make the price infeasible. */
const KEPT_SLACK = 1e-6;

/**
 * model.md's price of a promise: for a system, a start month and a level L, the least top-up
 * money (a top-up adds to its payer's money and so to its channels' caps) for which the
 * system's every month from the start gets L of its need, the months before keep what the plan
 * delivered, and every other system and recipient gets, each month, at least what the plan
 * delivered it. Solved in the plan's own session, which starts at the plan (feasible
 * for every other need) with top-up columns appended; a price never falls as the level rises,
 * so the levels after one that no money reaches are impossible unsolved, and a level the plan
 * itself delivers costs nothing.
 */
export async function promisePrices(plan: OpenScenario, request: PriceRequest): Promise<PriceValue[]> {
  const { session, solution, model } = plan;
  const { input } = model;
  session.removeRowsFrom(solution.firstStageRow);
  const extra = Array.from({ length: session.program.numCols - model.lp.numCols }, (_, i) => model.lp.numCols + i);
  if (extra.length > 0) session.setColumnBounds(Int32Array.from(extra), new Float64Array(extra.length), new Float64Array(extra.length));
  const topUps = withTopUpColumns(model).columns;
  const firstTopUp = session.addColumns(topUps);
  const delivered = plan.plan.needs.map((n) => n.delivered);
  const cost = new Float64Array(session.program.numCols);
  cost.fill(1, firstTopUp, firstTopUp + topUps.count);
  session.setObjective(cost, 0);

  const out: PriceValue[] = [];
  for (const system of request.systems) {
    const own = input.needs.map((n) => n.system === system && n.recipient === request.recipient);
    const lowest = planLowest({ ...input, needs: input.needs.filter((_, k) => own[k]) }, delivered.filter((_, k) => own[k]))[request.from] ?? 1;
    let reachable = true;
    for (const level of request.levels) {
      if (level <= lowest + 1e-9) out.push({ system, level, extraMoneyEur: 0 });
      else if (!reachable) out.push({ system, level, extraMoneyEur: undefined });
      else {
        holdPromise(plan, own, level, request.from, delivered);
        const price = await leastTopUp(plan, firstTopUp, topUps.count);
        reachable = price !== undefined;
        out.push({ system, level, extraMoneyEur: price });
      }
    }
  }
  return out;
}

/**
 * The system's needs from `from` on at `level`, and every other need, and the system's own before
 * `from`, at least the plan's: keeping each month's delivery gives the same least price as
 * keeping the deliveries so far (an earlier delivery never helps a later month; curve-session.ts).
 */
function holdPromise(plan: OpenScenario, own: readonly boolean[], level: number, from: number, delivered: readonly number[]): void {
  const { input, index } = plan.model;
  const order = input.needs.map((_, k) => k).sort((a, b) => index.deliver[a]! - index.deliver[b]!);
  const lower = Float64Array.from(order, (k) => {
    const need = input.needs[k]!;
    if (own[k] && need.t >= from) return level * need.quantity;
    return Math.max(0, delivered[k]! - KEPT_SLACK * Math.max(1, delivered[k]!));
  });
  const upper = Float64Array.from(order, (k) => input.needs[k]!.quantity);
  plan.session.setColumnBounds(Int32Array.from(order, (k) => index.deliver[k]!), lower, upper);
}

/** The least top-up, EUR; undefined where infeasible. */
async function leastTopUp(plan: OpenScenario, first: number, count: number): Promise<number | undefined> {
  const result = await plan.session.solve();
  if (result.status === 'infeasible') return undefined;
  if (result.status !== 'optimal') throw new SolveError(`${result.message} (the price of a promise)`, result.status);
  let sum = 0;
  for (let j = first; j < first + count; j++) sum += Math.max(0, result.columnValues[j]!);
  return sum / MONEY_SCALE;
}
