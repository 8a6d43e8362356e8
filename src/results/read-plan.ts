import { MONEY_SCALE, type RampUpModel } from '../model/build-ramp-up-model.js';
import type { LexicographicSolution } from '../solve/solve-lexicographic.js';
import { gapCauses } from './gap-causes.js';
import type { NeedResult, Plan } from './plan.js';
import { readLineMonths, readOrders } from './read-lines.js';
import { readMaterials } from './read-materials.js';
import { readMoney } from './read-money.js';
import { clean, solutionValues, TOLERANCE } from './read-values.js';

export { clean } from './read-values.js';
export { reachableCapacity } from './gap-causes.js';

/** Reads the stage-2 solution (and stage-1 duals) back into lines, needs, payers, money flows and materials. */
export function readPlan(model: RampUpModel, solution: LexicographicSolution): Plan {
  const { input, index } = model;
  const H = input.months.length;
  const values = solutionValues(model, solution);
  const { value } = values;

  const lineMonths = readLineMonths(values);

  // Per system and month: output arriving and deliveries, to split deliveries into fresh and from stock.
  const arriving = new Map<string, number>();
  const delivered = new Map<string, number>();
  const key = (system: string, t: number) => `${system}\u0000${t}`;
  for (const lm of lineMonths) {
    const t = lm.t + lm.line.deliveryLagMonths;
    if (t < H) arriving.set(key(lm.line.system, t), (arriving.get(key(lm.line.system, t)) ?? 0) + lm.units);
  }
  input.needs.forEach((need, k) => delivered.set(key(need.system, need.t), (delivered.get(key(need.system, need.t)) ?? 0) + value(index.deliver[k]!)));

  const cause = gapCauses(values, lineMonths);
  const sold = new Map<string, number>();
  for (const lm of lineMonths) {
    const t = lm.t + lm.line.deliveryLagMonths;
    if (t < H && lm.committed > 0) sold.set(key(lm.line.system, t), (sold.get(key(lm.line.system, t)) ?? 0) + lm.committed);
  }
  const needs: NeedResult[] = input.needs.map((need, k) => {
    const y = Math.min(need.quantity, value(index.deliver[k]!));
    const shortfall = clean(need.quantity - y) > TOLERANCE * Math.max(1, need.quantity) ? need.quantity - y : 0;
    const total = delivered.get(key(need.system, need.t)) ?? 0;
    const drawn = Math.max(0, total - (arriving.get(key(need.system, need.t)) ?? 0));
    const why = shortfall > 0 ? cause(need.system, need.t) : undefined;
    return {
      need,
      delivered: shortfall === 0 ? need.quantity : y,
      fromStock: total > 0 ? clean((drawn * y) / total) : 0,
      shortfall,
      cause: why?.cause,
      ...(why?.bindingInput !== undefined ? { bindingInput: why.bindingInput } : {}),
      soldUnits: sold.get(key(need.system, need.t)) ?? 0,
    };
  });

  const { payers, flows } = readMoney(values, lineMonths);
  return {
    input,
    lineMonths,
    needs,
    payers,
    moneyFlows: flows,
    materials: readMaterials(values, lineMonths),
    orders: readOrders(values),
    endStock: new Map(input.systems.map((s, i) => [s.code, value(index.stock[i * H + H - 1]!)])),
    // model.md's optimum (stage 1). The gaps of the stage-2 plan add up to it within the
    // stage-2 slack (1e-9 relative + 1e-6 absolute), invisible at the reports' 3 decimals.
    weightedShortfall: clean(solution.shortfall.objective),
    totalCostEur: clean(lineMonths.reduce((a, lm) => a + lm.costEur, 0)),
    moneySpentEur: clean(solution.cost.objective / MONEY_SCALE),
    ...(solution.spread ? { spreadObjectiveEur: clean(solution.spread.objective / MONEY_SCALE) } : {}),
  };
}
