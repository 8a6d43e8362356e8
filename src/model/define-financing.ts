import { ColumnKind as Col, RowKind as Row } from './names.js';
import { linesByCountry, spendingEntries, type ModelContext } from './model-context.js';
import { MONEY_SCALE } from './ramp-up-model.js';

/** model.md 5 and 6: who pays for the lines, under the scenario's financing. */
export function defineFinancing(m: ModelContext): void {
  const financing = m.input.financing;
  if (financing.kind === 'national') defineNationalFinancing(m);
  else definePooledFinancing(m, financing.fairShare, financing.workShare);
}

/**
 * A payer's account: unspent[t] = unspent[t-1] + budget[t] (+ top-up) - outflow[t], so money
 * carries forward and is never borrowed from the future. `outflow` adds the month's entries.
 */
function defineMoneyAccount(m: ModelContext, c: number, outflow: (t: number) => void): void {
  const { b, H, index } = m;
  const country = m.input.countries[c]!;
  const unspent: number[] = [];
  for (let t = 0; t < H; t++) unspent.push(b.addColumn(Col.unspent, c, t, 0, Infinity));
  if (m.options.unlimitedMoney) {
    for (let t = 0; t < H; t++) index.topUp[c * H + t] = b.addColumn(Col.topUp, c, t, 0, Infinity);
  }
  for (let t = 0; t < H; t++) {
    const money = country.budgetEur[t]! * MONEY_SCALE;
    index.budgetRow[c * H + t] = b.beginRow(Row.budget, c, t, money, money);
    outflow(t);
    b.entry(unspent[t]!, 1);
    if (t > 0) b.entry(unspent[t - 1]!, -1);
    const topUp = index.topUp[c * H + t]!;
    if (topUp >= 0) b.entry(topUp, -1);
  }
}

/** Each country pays for its own lines from its own account. */
function defineNationalFinancing(m: ModelContext): void {
  const lines = linesByCountry(m);
  m.input.countries.forEach((_, c) => {
    if (lines[c]!.length > 0) defineMoneyAccount(m, c, (t) => spendingEntries(m, lines[c]!, t, 1));
  });
}

/** One pool pays every line; members pay into it from their accounts, with optional fair and work shares. */
function definePooledFinancing(m: ModelContext, fairShare: number | undefined, workShare: number | undefined): void {
  const { b, H, index, input } = m;
  const lines = linesByCountry(m);
  const all = lines.flat().sort((a, b2) => a - b2);
  // The pool's members are the countries that bring money; fair shares are over their GDP.
  const members = input.countries.flatMap((country, c) => (country.budgetEur.some((v) => v > 0) ? [c] : []));
  for (const c of members) {
    defineMoneyAccount(m, c, (t) => {
      const pay = b.addColumn(Col.pay, c, t, 0, Infinity);
      index.pay[c * H + t] = pay;
      b.entry(pay, 1);
    });
  }
  for (let t = 0; t < H; t++) {
    b.beginRow(Row.pool, t, 0, 0, 0);
    spendingEntries(m, all, t, 1);
    for (const c of members) b.entry(index.pay[c * H + t]!, -1);
  }
  if (fairShare === undefined && workShare === undefined) return;
  const paid = new Map<number, number>();
  for (const c of members) {
    const total = b.addColumn(Col.paidTotal, c, 0, 0, Infinity);
    b.beginRow(Row.paidTotal, c, 0, 0, 0);
    b.entry(total, 1);
    for (let t = 0; t < H; t++) b.entry(index.pay[c * H + t]!, -1);
    paid.set(c, total);
  }
  const gdpTotal = members.reduce((sum, c) => sum + input.countries[c]!.gdpEur, 0);
  if (fairShare !== undefined && fairShare > 0 && gdpTotal > 0) {
    for (const c of members) {
      // paid[c] >= phi * gdpShare[c] * sum(paid)
      const share = fairShare * (input.countries[c]!.gdpEur / gdpTotal);
      b.beginRow(Row.fairShare, c, 0, 0, Infinity);
      for (const c2 of members) b.entry(paid.get(c2)!, (c2 === c ? 1 : 0) - share);
    }
  }
  if (workShare !== undefined && workShare > 0) {
    for (const c of members) {
      // spending on c's own lines >= rho * paid[c]
      b.beginRow(Row.workShare, c, 0, 0, Infinity);
      for (let t = 0; t < H; t++) spendingEntries(m, lines[c]!, t, 1);
      b.entry(paid.get(c)!, -workShare);
    }
  }
}
