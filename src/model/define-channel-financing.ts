import type { PlanChannel } from '../scenario/plan-input.js';
import { defineMoneyAccount } from './define-money-account.js';
import { ColumnKind as Col, RowKind as Row } from './families.js';
import { spendingEntries, spendingMoney, type ModelContext } from './model-context.js';
import { MONEY_SCALE } from './ramp-up-model.js';

/**
 * model.md 6': every line's cost is paid through the channels that reach it, each payer
 * within its account, each channel within its cap.
 *
 * Flows are per group of lines that the same channels reach, not per line: a channel can only
 * tell lines apart by country and product, so lines of one group are interchangeable to every
 * channel and any split of a group's flow over its lines is as good (the plan reads it back in
 * proportion to each line's cost). Where one uncapped channel alone reaches a group, its flow
 * is the group's cost times the price factor and needs no columns of its own.
 */
export function defineChannelFinancing(m: ModelContext, channels: readonly PlanChannel[]): void {
  // A channel of a payer without money moves nothing (unless money is unlimited).
  const usable = channels.map((ch) => m.options.unlimitedMoney === true || m.input.payers[m.payerIndex.get(ch.payer)!]!.budgetEur.some((v) => v > 0));
  defineGroupFlows(m, channels, usable);
  payChannels(m, channels);
  capChannels(m, channels, usable);
}

/** The lines reached by the same channels are one group: its cost met by one flow per channel and month. */
function defineGroupFlows(m: ModelContext, channels: readonly PlanChannel[], usable: readonly boolean[]): void {
  const { b, H, index, input } = m;
  const reach = input.lines.map(() => [] as number[]);
  channels.forEach((ch, k) => {
    if (usable[k]) for (const l of ch.lines) if (m.activeLine[l]) reach[l]!.push(k);
  });
  const groups = new Map<string, { channels: number[]; lines: number[] }>();
  input.lines.forEach((line, l) => {
    if (!m.activeLine[l]) return;
    const key = reach[l]!.join(',');
    const group = groups.get(key) ?? { channels: reach[l]!, lines: [] };
    group.lines.push(l);
    groups.set(key, group);
  });
  const capped = (k: number) => channels[k]!.maxShare < 1;

  for (const group of groups.values()) {
    if (group.channels.length === 0) {
      // No channel reaches these lines: they make nothing that costs money.
      for (let t = 0; t < H; t++) {
        b.beginRow(Row.coverage, group.lines[0]!, t, 0, 0);
        spendingEntries(m, group.lines, t, 1);
      }
    } else if (group.channels.length === 1 && !capped(group.channels[0]!)) {
      const k = group.channels[0]!;
      index.flows.push({ channel: k, lines: group.lines });
      for (let t = 0; t < H; t++) spendingMoney(m, group.lines, t, channels[k]!.priceFactor);
    } else {
      const flows = group.channels.map((k) => ({ channel: k, lines: group.lines, columns: new Int32Array(H) }));
      for (let t = 0; t < H; t++) {
        for (const flow of flows) {
          const w = b.addColumn(Col.flow, flow.channel, t, 0, Infinity);
          flow.columns[t] = w;
          m.money.push(w, 1);
        }
        // cost of the group's lines = sum of flows / price factor
        b.beginRow(Row.coverage, group.lines[0]!, t, 0, 0);
        spendingEntries(m, group.lines, t, 1);
        for (const flow of flows) b.entry(flow.columns[t]!, -1 / channels[flow.channel]!.priceFactor);
      }
      index.flows.push(...flows);
    }
  }
}

/** Each payer's account pays its channels' flows. */
function payChannels(m: ModelContext, channels: readonly PlanChannel[]): void {
  const { b, index, input } = m;
  const flowsOf = input.payers.map(() => [] as number[]);
  index.flows.forEach((flow, f) => flowsOf[m.payerIndex.get(channels[flow.channel]!.payer)!]!.push(f));
  input.payers.forEach((_, p) => {
    if (flowsOf[p]!.length === 0) return;
    defineMoneyAccount(m, p, (t) => {
      for (const f of flowsOf[p]!) {
        const flow = index.flows[f]!;
        if (flow.columns) b.entry(flow.columns[t]!, 1);
        else spendingEntries(m, flow.lines, t, channels[flow.channel]!.priceFactor);
      }
    });
  });
}

/** A capped channel: the money through it, carried month to month, within its share of the payer's money. */
function capChannels(m: ModelContext, channels: readonly PlanChannel[], usable: readonly boolean[]): void {
  const { b, H, index, input } = m;
  channels.forEach((ch, k) => {
    if (!usable[k] || channels[k]!.maxShare >= 1) return;
    const flows = index.flows.filter((f) => f.channel === k && f.columns);
    if (flows.length === 0) return;
    let previous = -1;
    for (let t = 0; t < H; t++) {
      const used = b.addColumn(Col.channelUsed, k, t, 0, Infinity);
      b.beginRow(Row.channelUsed, k, t, 0, 0);
      b.entry(used, 1);
      if (previous >= 0) b.entry(previous, -1);
      for (const flow of flows) b.entry(flow.columns![t]!, -1);
      previous = used;
    }
    const budget = input.payers[m.payerIndex.get(ch.payer)!]!.budgetEur.reduce((a, v) => a + v, 0);
    index.channelUsed[k] = previous;
    index.channelCapRow[k] = b.beginRow(Row.channelCap, k, 0, -Infinity, ch.maxShare * budget * MONEY_SCALE);
    b.entry(previous, 1);
    // With unlimited money the cap, a share of the payer's money, grows with its top-ups.
    const p = m.payerIndex.get(ch.payer)!;
    for (let t = 0; t < H; t++) if (index.topUp[p * H + t]! >= 0) b.entry(index.topUp[p * H + t]!, -ch.maxShare);
  });
}
