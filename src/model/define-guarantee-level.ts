import { ColumnKind as Col, RowKind as Row } from './families.js';
import type { ModelContext } from './model-context.js';

/**
 * The largest uniform guarantee (rampup guarantees): one column g in [0,1] with objective
 * -g, and a row `deliver >= g x need` for every need of `systems`. Returns g's column.
 */
export function defineGuaranteeLevel(m: ModelContext, systems: ReadonlySet<string>): number {
  const g = m.b.addColumn(Col.guarantee, 0, 0, 0, 1, -1);
  const recipient = m.options.guaranteeRecipient;
  m.input.needs.forEach((need, k) => {
    if (!systems.has(need.system) || need.quantity <= 0 || (recipient !== undefined && need.recipient !== recipient)) return;
    m.index.floorRow[k] = m.b.beginRow(Row.guaranteeFloor, k, 0, 0, Infinity);
    m.b.entry(m.index.deliver[k]!, 1);
    m.b.entry(g, -need.quantity);
  });
  return g;
}
