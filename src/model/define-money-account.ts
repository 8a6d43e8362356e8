import { ColumnKind as Col, RowKind as Row } from './families.js';
import type { ModelContext } from './model-context.js';
import { MONEY_SCALE } from './ramp-up-model.js';

/**
 * A payer's account: unspent[t] = unspent[t-1] + budget[t] (+ top-up) - outflow[t], so money
 * carries forward and is never borrowed from the future. `outflow` adds the month's entries.
 */
export function defineMoneyAccount(m: ModelContext, p: number, outflow: (t: number) => void): void {
  const { b, H, index } = m;
  const payer = m.input.payers[p]!;
  for (let t = 0; t < H; t++) index.unspent[p * H + t] = b.addColumn(Col.unspent, p, t, 0, Infinity);
  if (m.options.unlimitedMoney) {
    for (let t = 0; t < H; t++) index.topUp[p * H + t] = b.addColumn(Col.topUp, p, t, 0, Infinity);
  }
  for (let t = 0; t < H; t++) {
    const money = payer.budgetEur[t]! * MONEY_SCALE;
    index.budgetRow[p * H + t] = b.beginRow(Row.budget, p, t, money, money);
    outflow(t);
    b.entry(index.unspent[p * H + t]!, 1);
    if (t > 0) b.entry(index.unspent[p * H + t - 1]!, -1);
    const topUp = index.topUp[p * H + t]!;
    if (topUp >= 0) b.entry(topUp, -1);
  }
}
