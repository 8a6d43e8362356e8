import { ColumnKind as Col, RowKind as Row } from './families.js';
import type { ModelContext } from './model-context.js';

/**
 * model.md 3': stock carried in + output arriving = deliveries + stock carried out, per system
 * and month. Output of line l arrives delivery_lag_months after it is made; what is made in
 * the last lag months arrives after the horizon.
 */
export function defineStockBalance(m: ModelContext): void {
  const { b, H, index, input } = m;
  const linesOf = input.systems.map(() => [] as number[]);
  input.lines.forEach((line, l) => {
    const s = m.systemIndex.get(line.system);
    if (m.activeLine[l] && s !== undefined) linesOf[s]!.push(l);
  });
  const needsOf = input.systems.map(() => [] as number[]);
  input.needs.forEach((need, k) => needsOf[m.systemIndex.get(need.system)!]!.push(k));
  input.systems.forEach((system, s) => {
    if (needsOf[s]!.length === 0) return;
    for (let t = 0; t < H; t++) index.stock[s * H + t] = b.addColumn(Col.stock, s, t, 0, Infinity);
    for (let t = 0; t < H; t++) {
      // The opening stock is the right-hand side of the first month.
      const rhs = t === 0 ? -system.stock : 0;
      b.beginRow(Row.stockBalance, s, t, rhs, rhs);
      for (const l of linesOf[s]!) {
        const made = t - input.lines[l]!.deliveryLagMonths;
        if (made >= 0) b.entry(index.produce[l * H + made]!, 1);
      }
      if (t > 0) b.entry(index.stock[s * H + t - 1]!, 1);
      for (const k of needsOf[s]!) if (input.needs[k]!.t === t) b.entry(index.deliver[k]!, -1);
      b.entry(index.stock[s * H + t]!, -1);
    }
  });
}
