import { ColumnKind as Col, RowKind as Row } from './names.js';
import type { ModelContext } from './model-context.js';
import { MONEY_SCALE } from './ramp-up-model.js';

/**
 * model.md 1' and 2: output x[l,t] plus the output already sold within the capacity online;
 * orders e[l,t] online after the lead time, at most the ramp a month; capacity online
 * carried month to month.
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
    for (let t = 0; t < H; t++) {
      // The ceiling is a bound: online capacity never falls, so bounding every month bounds the sum of orders.
      index.online[l * H + t] = b.addColumn(Col.online, l, t, line.capacityPerMonth, line.maxCapacityPerMonth);
    }
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
  });
}
