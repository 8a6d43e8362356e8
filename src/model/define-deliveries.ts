import { ColumnKind as Col } from './families.js';
import type { ModelContext } from './model-context.js';

/**
 * model.md 4 and 8: deliveries y in [g x need, need]; the shortfall need - y is implicit,
 * so the stage-1 objective is the weighted need minus weighted deliveries. Returns the
 * weighted need (the objective's offset).
 */
export function defineDeliveries(m: ModelContext): number {
  const guaranteeLevel = m.options.maximiseGuaranteeOf !== undefined;
  let totalWeightedNeed = 0;
  m.input.needs.forEach((need, k) => {
    totalWeightedNeed += need.weight * need.quantity;
    // With maximiseGuaranteeOf the objective is g alone and the scenario's own floors are dropped.
    const floor = guaranteeLevel ? 0 : need.guarantee * need.quantity;
    m.index.deliver[k] = m.b.addColumn(Col.deliver, k, 0, floor, need.quantity, guaranteeLevel ? 0 : -need.weight);
  });
  return totalWeightedNeed;
}
