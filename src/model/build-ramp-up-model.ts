import type { PlanInput } from '../scenario/plan-input.js';
import { defineDeliveries } from './define-deliveries.js';
import { defineFinancing } from './define-financing.js';
import { defineGuaranteeLevel } from './define-guarantee-level.js';
import { defineProduction } from './define-production.js';
import { defineStockBalance } from './define-stock-balance.js';
import { createModelContext } from './model-context.js';
import { nameModel } from './name-model.js';
import { TOP_UP_WEIGHT, type ModelOptions, type RampUpModel } from './ramp-up-model.js';

export { MONEY_SCALE, TOP_UP_WEIGHT, type ModelIndex, type ModelOptions, type RampUpModel } from './ramp-up-model.js';

/**
 * The ramp-up LP of model.md, one family of variables and rows at a time (the order of the
 * columns and rows is part of the result: equal optima are told apart by it). Capacity
 * online and unspent money are state variables carried month to month, so every row has a
 * handful of entries however long the horizon.
 */
export function buildRampUpModel(input: PlanInput, options: ModelOptions = {}): RampUpModel {
  const m = createModelContext(input, options);
  defineProduction(m); // 1, 2: output, orders, capacity online
  const totalWeightedNeed = defineDeliveries(m); // 4, 8: deliveries and guarantee floors
  defineStockBalance(m); // 3
  defineFinancing(m); // 5, 6: national or pooled
  const guaranteeColumn = options.maximiseGuaranteeOf ? defineGuaranteeLevel(m, options.maximiseGuaranteeOf) : -1;

  const costObjective = new Float64Array(m.b.numCols);
  for (let k = 0; k < m.costs.length; k += 2) costObjective[m.costs[k]!]! += m.costs[k + 1]!;
  for (const j of m.index.topUp) if (j >= 0) costObjective[j] = TOP_UP_WEIGHT;

  const names = nameModel(m.b, input);
  const lp = m.b.build(guaranteeColumn >= 0 ? 0 : totalWeightedNeed, names.column, names.row);
  return { input, lp, costObjective, totalWeightedNeed, index: m.index, guaranteeColumn, activeLine: m.activeLine };
}
