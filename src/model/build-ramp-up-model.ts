import type { PlanInput } from '../scenario/plan-input.js';
import { defineDeliveries } from './define-deliveries.js';
import { defineFinancing } from './define-financing.js';
import { defineGuaranteeLevel } from './define-guarantee-level.js';
import { defineMaterials } from './define-materials.js';
import { defineProduction } from './define-production.js';
import { defineStockBalance } from './define-stock-balance.js';
import { createModelContext } from './model-context.js';
import { nameModel } from './name-model.js';
import { TOP_UP_WEIGHT, type ModelOptions, type RampUpModel } from './ramp-up-model.js';

export { MONEY_SCALE, TOP_UP_WEIGHT, type ChannelFlow, type ModelIndex, type ModelOptions, type RampUpModel } from './ramp-up-model.js';

/**
 * The ramp-up LP of model.md, one family of variables and rows at a time (the order of the
 * columns and rows is part of the result: equal optima are told apart by it). Capacity
 * online and unspent money are state variables carried month to month, so every row has a
 * handful of entries however long the horizon.
 */
export function buildRampUpModel(input: PlanInput, options: ModelOptions = {}): RampUpModel {
  const m = createModelContext(input, options);
  defineProduction(m); // 1', 2: output, output already sold, orders, capacity online
  const totalWeightedNeed = defineDeliveries(m); // 4, 8: deliveries and guarantee floors
  defineStockBalance(m); // 3': stock, with delivery lags
  defineMaterials(m); // 3m: shared inputs
  defineFinancing(m); // 5, 6, 6': national, pooled or channels
  const guaranteeColumn = options.maximiseGuaranteeOf ? defineGuaranteeLevel(m, options.maximiseGuaranteeOf) : -1;

  const sumPairs = (pairs: readonly number[]) => {
    const out = new Float64Array(m.b.numCols);
    for (let k = 0; k < pairs.length; k += 2) out[pairs[k]!]! += pairs[k + 1]!;
    return out;
  };
  const costObjective = sumPairs(m.money);
  for (const j of m.index.topUp) if (j >= 0) costObjective[j] = TOP_UP_WEIGHT;

  const names = nameModel(m.b, input);
  const lp = m.b.build(guaranteeColumn >= 0 ? 0 : totalWeightedNeed, names.column, names.row);
  return { input, lp, costObjective, lineCost: sumPairs(m.costs), lineCosts: m.lineCosts, totalWeightedNeed, index: m.index, guaranteeColumn, activeLine: m.activeLine };
}
