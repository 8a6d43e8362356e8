import { defineChannelFinancing } from './define-channel-financing.js';
import { defineMoneyAccount } from './define-money-account.js';
import { ColumnKind as Col, RowKind as Row } from './families.js';
import { linesByPayer, spendingEntries, type ModelContext } from './model-context.js';

/** model.md 5, 6 and 6': who pays for the lines, under the scenario's financing. */
export function defineFinancing(m: ModelContext): void {
  const financing = m.input.financing;
  if (financing.kind === 'national') defineNationalFinancing(m);
  else if (financing.kind === 'pooled') definePooledFinancing(m, financing.fairShare, financing.workShare);
  else defineChannelFinancing(m, financing.channels);
  // Under national and pooled financing the payers spend exactly the lines' cost.
  // A loop, not push(...costs): at XXL the pairs are too many for one call's arguments.
  if (financing.kind !== 'channels') for (const entry of m.costs) m.money.push(entry);
}

/** Each country pays for its own lines from its own account (a fund has none, so its money waits). */
function defineNationalFinancing(m: ModelContext): void {
  const lines = linesByPayer(m);
  m.input.payers.forEach((_, p) => {
    if (lines[p]!.length > 0) defineMoneyAccount(m, p, (t) => spendingEntries(m, lines[p]!, t, 1));
  });
}

/**
 * One pool pays every line; members pay into it from their accounts, with optional fair and
 * work shares. Funds are members without GDP: they pay in, but carry no fair share, and have
 * no industry for a work share.
 */
function definePooledFinancing(m: ModelContext, fairShare: number | undefined, workShare: number | undefined): void {
  const { b, H, index, input } = m;
  const lines = linesByPayer(m);
  const all = input.lines.flatMap((_, l) => (m.activeLine[l] ? [l] : []));
  // The pool's members are the payers that bring money; fair shares are over their GDP.
  const members = input.payers.flatMap((payer, p) => (payer.budgetEur.some((v) => v > 0) ? [p] : []));
  for (const p of members) {
    defineMoneyAccount(m, p, (t) => {
      const pay = b.addColumn(Col.pay, p, t, 0, Infinity);
      index.pay[p * H + t] = pay;
      b.entry(pay, 1);
    });
  }
  for (let t = 0; t < H; t++) {
    b.beginRow(Row.pool, 0, t, 0, 0);
    spendingEntries(m, all, t, 1);
    for (const p of members) b.entry(index.pay[p * H + t]!, -1);
  }
  if (fairShare === undefined && workShare === undefined) return;
  const paid = new Map<number, number>();
  for (const p of members) {
    const total = b.addColumn(Col.paidTotal, p, 0, 0, Infinity);
    b.beginRow(Row.paidTotal, p, 0, 0, 0);
    b.entry(total, 1);
    for (let t = 0; t < H; t++) b.entry(index.pay[p * H + t]!, -1);
    paid.set(p, total);
  }
  const countries = members.filter((p) => input.payers[p]!.kind === 'country');
  const gdpTotal = members.reduce((sum, p) => sum + input.payers[p]!.gdpEur, 0);
  if (fairShare !== undefined && fairShare > 0 && gdpTotal > 0) {
    for (const p of countries) {
      // paid[p] >= phi * gdpShare[p] * sum(paid), the sum over every member, funds included
      const share = fairShare * (input.payers[p]!.gdpEur / gdpTotal);
      b.beginRow(Row.fairShare, p, 0, 0, Infinity);
      for (const p2 of members) b.entry(paid.get(p2)!, (p2 === p ? 1 : 0) - share);
    }
  }
  if (workShare !== undefined && workShare > 0) {
    for (const p of countries) {
      // spending on p's own lines >= rho * paid[p]
      b.beginRow(Row.workShare, p, 0, 0, Infinity);
      for (let t = 0; t < H; t++) spendingEntries(m, lines[p]!, t, 1);
      b.entry(paid.get(p)!, -workShare);
    }
  }
}
