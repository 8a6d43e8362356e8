import { ColumnKind as Col, RowKind as Row } from './families.js';
import type { ModelContext } from './model-context.js';
import { MONEY_SCALE } from './ramp-up-model.js';

/**
 * model.md 1' and 2: output x[l,t] plus the output already sold within the capacity online;
 * orders e[l,t] online after the lead time, at most the ramp a month; capacity online
 * carried month to month.
 *
 * The ceiling is one row over a line's orders, `sum_t e[l,t] <= capmax - cap0`, and capacity
 * online is bounded only below, by 0 (issue 18). Bounding capacity online by [cap0, capmax]
 * says the same (it never falls, and the state rows fix it), but those redundant bounds made
 * HiGHS's interior point stall ("IPM no progress") on a 31 x 30 x 36 folder and fall back to
 * 50,000 simplex iterations; with the row it converged. tests/model/define-production.test.ts
 * checks the exported program, so the bounds cannot come back unnoticed.
 */
export function defineProduction(m: ModelContext): void {
  const { b, H, index, input } = m;
  input.lines.forEach((line, l) => {
    if (!m.activeLine[l]) return;
    const unit = line.unitCostEur * MONEY_SCALE;
    const expansion = line.expansionCostEur * MONEY_SCALE;
    const lastOrder = H - 1 - line.leadTimeMonths; // later orders never come online
    const grows = line.maxCapacityPerMonth > line.capacityPerMonth && lastOrder >= 0 && line.maxExpansionPerMonth !== 0;
    for (let t = 0; t < H; t++) {
      const x = b.addColumn(Col.produce, l, t, 0, grows ? Infinity : Math.max(0, line.capacityPerMonth - line.committed[t]!));
      index.produce[l * H + t] = x;
      m.costs.push(x, unit);
    }
    if (!grows) return;
    for (let t = 0; t <= lastOrder; t++) {
      const e = b.addColumn(Col.order, l, t, 0, line.maxExpansionPerMonth ?? Infinity);
      index.order[l * H + t] = e;
      m.costs.push(e, expansion);
    }
    for (let t = 0; t < H; t++) index.online[l * H + t] = b.addColumn(Col.online, l, t, 0, Infinity);
    for (let t = 0; t < H; t++) {
      const rhs = t === 0 ? line.capacityPerMonth : 0;
      b.beginRow(Row.capacityState, l, t, rhs, rhs);
      b.entry(index.online[l * H + t]!, 1);
      if (t > 0) b.entry(index.online[l * H + t - 1]!, -1);
      const ordered = t - line.leadTimeMonths;
      if (ordered >= 0) b.entry(index.order[l * H + ordered]!, -1);
      b.beginRow(Row.withinCapacity, l, t, -Infinity, -line.committed[t]!);
      b.entry(index.produce[l * H + t]!, 1);
      b.entry(index.online[l * H + t]!, -1);
    }
    b.beginRow(Row.ceiling, l, 0, -Infinity, line.maxCapacityPerMonth - line.capacityPerMonth);
    for (let t = 0; t <= lastOrder; t++) b.entry(index.order[l * H + t]!, 1);
  });
}
