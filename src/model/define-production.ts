import type { PlanLine } from '../scenario/plan-input.js';
import { ColumnKind as Col, RowKind as Row } from './families.js';
import type { ModelContext } from './model-context.js';
import { MONEY_SCALE } from './ramp-up-model.js';

/**
 * One way a line can grow (model.md 2 and 2''): its own expansion (option 0, the line's own
 * columns) or a capacity option. `columns[t]` holds the order placed in month t, -1 where no
 * order can be placed (before its first order month, or too late to come online).
 */
interface Orders {
  /** Index into input.options; -1 for the line's own expansion. */
  readonly option: number;
  readonly add: number;
  readonly costEur: number;
  readonly lead: number;
  readonly offtake: number;
  readonly columns: Int32Array;
}

/**
 * model.md 1'', 2'', 2t, 2s, 2q: output x[l,t] plus the output already sold (less what its
 * customers let wait) within the capacity online; orders through each option online after its
 * lead time, within its ramp, from its first order month, up to what it adds; capacity under
 * take-or-pay; a stock release's units; and each line's cost per month (5'').
 *
 * A ceiling is one row over an option's orders, `sum_t e[o,t] <= add`, and capacity online is
 * bounded only below, by 0 (issue 18): bounding it by [cap0, cap0 + sum add] says the same
 * (it never falls, and the state rows fix it), but those redundant bounds made HiGHS's
 * interior point stall ("IPM no progress") on a 31 x 30 x 36 folder.
 * tests/model/define-production.test.ts checks the exported program.
 */
export function defineProduction(m: ModelContext): void {
  const optionsOf = m.input.lines.map(() => [] as number[]);
  m.input.options.forEach((o, k) => optionsOf[o.line]!.push(k));
  m.input.lines.forEach((line, l) => {
    if (!m.activeLine[l]) return;
    const grows = ordersAllowed(m, line, optionsOf[l]!);
    const queue = line.deferrable.some((share, t) => share * line.committed[t]! > 0);
    defineOutput(m, l, line, grows.length > 0 || queue);
    const orders = grows.map((o) => defineOrders(m, l, o));
    if (orders.length > 0) for (let t = 0; t < m.H; t++) m.index.online[l * m.H + t] = m.b.addColumn(Col.online, l, t, 0, Infinity);
    const owed = queue ? defineOwed(m, l) : undefined;
    if (orders.length > 0 || queue) defineCapacityRows(m, l, line, orders, owed);
    for (const o of orders) defineCeiling(m, l, line, o);
    if (owed) defineQueueSteps(m, l, line, owed);
    if (orders.some((o) => o.offtake > 0)) defineTakeOrPay(m, l, orders);
    if (line.releaseUnits !== undefined) defineReleaseTotal(m, l, line);
    defineLineCosts(m, l, line, orders, owed);
  });
}

type Allowed = Omit<Orders, 'columns'> & { readonly ramp: number | undefined; readonly first: number };

/** The options through which the line can still get capacity online within the horizon. */
function ordersAllowed(m: ModelContext, line: PlanLine, options: readonly number[]): Allowed[] {
  const own: Allowed = { option: -1, add: line.maxCapacityPerMonth - line.capacityPerMonth, costEur: line.expansionCostEur, lead: line.leadTimeMonths, offtake: 0, ramp: line.maxExpansionPerMonth, first: 0 };
  const others = options.map((k): Allowed => {
    const o = m.input.options[k]!;
    return { option: k, add: o.addPerMonth, costEur: o.costPerCapacityEur, lead: o.leadTimeMonths, offtake: o.offtakeMonths, ramp: o.maxOrderPerMonth, first: o.firstOrderT };
  });
  // An order of the last `lead` months never comes online.
  return [own, ...others].filter((o) => o.add > 0 && o.ramp !== 0 && o.first <= m.H - 1 - o.lead);
}

/** Output columns: bounded by what is online where the line cannot grow or defer, else by the capacity rows. */
function defineOutput(m: ModelContext, l: number, line: PlanLine, rows: boolean): void {
  for (let t = 0; t < m.H; t++) {
    const open = t >= line.firstT;
    const upper = !open ? 0 : rows ? Infinity : Math.max(0, line.capacityPerMonth - line.committed[t]!);
    m.index.produce[l * m.H + t] = m.b.addColumn(Col.produce, l, t, 0, upper);
  }
}

function defineOrders(m: ModelContext, l: number, o: Allowed): Orders {
  const columns = new Int32Array(m.H).fill(-1);
  for (let t = o.first; t <= m.H - 1 - o.lead; t++) {
    columns[t] = o.option < 0 ? m.b.addColumn(Col.order, l, t, 0, o.ramp ?? Infinity) : m.b.addColumn(Col.optionOrder, o.option, t, 0, o.ramp ?? Infinity);
    if (o.option < 0) m.index.order[l * m.H + t] = columns[t]!;
    else m.index.optionOrder[o.option * m.H + t] = columns[t]!;
  }
  return { option: o.option, add: o.add, costEur: o.costEur, lead: o.lead, offtake: o.offtake, columns };
}

/** owed[t] for t < H - 1: every unit that waited is made up by the end of the horizon, so owed[H] = 0 (no column). */
function defineOwed(m: ModelContext, l: number): Int32Array {
  const owed = new Int32Array(m.H).fill(-1);
  for (let t = 0; t < m.H - 1; t++) owed[t] = m.index.owed[l * m.H + t] = m.b.addColumn(Col.owed, l, t, 0, Infinity);
  return owed;
}

/**
 * Capacity online carried month to month (cap0, then the orders that come online), and output
 * plus what is made for the other customers within it:
 * x[t] + committed[t] - (owed[t] - owed[t-1]) <= online[t] (or cap0 where the line cannot grow).
 */
function defineCapacityRows(m: ModelContext, l: number, line: PlanLine, orders: readonly Orders[], owed: Int32Array | undefined): void {
  const { b, H, index } = m;
  for (let t = 0; t < H; t++) {
    if (orders.length > 0) {
      const rhs = t === 0 ? line.capacityPerMonth : 0;
      b.beginRow(Row.capacityState, l, t, rhs, rhs);
      b.entry(index.online[l * H + t]!, 1);
      if (t > 0) b.entry(index.online[l * H + t - 1]!, -1);
      for (const o of orders) if (t - o.lead >= 0 && o.columns[t - o.lead]! >= 0) b.entry(o.columns[t - o.lead]!, -1);
    }
    b.beginRow(Row.withinCapacity, l, t, -Infinity, orders.length > 0 ? -line.committed[t]! : line.capacityPerMonth - line.committed[t]!);
    b.entry(index.produce[l * H + t]!, 1);
    if (orders.length > 0) b.entry(index.online[l * H + t]!, -1);
    if (owed && owed[t]! >= 0) b.entry(owed[t]!, -1);
    if (owed && t > 0 && owed[t - 1]! >= 0) b.entry(owed[t - 1]!, 1);
  }
}

/** An option's orders within what it adds (the line's own: within its ceiling). */
function defineCeiling(m: ModelContext, l: number, line: PlanLine, o: Orders): void {
  const add = o.option < 0 ? line.maxCapacityPerMonth - line.capacityPerMonth : o.add;
  m.b.beginRow(o.option < 0 ? Row.ceiling : Row.optionCeiling, o.option < 0 ? l : o.option, 0, -Infinity, add);
  for (const j of o.columns) if (j >= 0) m.b.entry(j, 1);
}

/** owed[t] - owed[t-1] <= share[t] x committed[t]: no more waits in a month than the customers let wait. */
function defineQueueSteps(m: ModelContext, l: number, line: PlanLine, owed: Int32Array): void {
  for (let t = 0; t < m.H - 1; t++) {
    m.b.beginRow(Row.queueStep, l, t, -Infinity, line.deferrable[t]! * line.committed[t]!);
    m.b.entry(owed[t]!, 1);
    if (t > 0) m.b.entry(owed[t - 1]!, -1);
  }
  // The last month: owed[H] = 0, so only repayment; its fall is held by the capacity row.
}

/**
 * Take-or-pay (2t): capacity under contract as a state, contracted[t] = contracted[t-1] +
 * orders coming online - orders whose offtake ends, and output x[t] >= contracted[t]; short
 * rows however long the offtake.
 */
function defineTakeOrPay(m: ModelContext, l: number, orders: readonly Orders[]): void {
  const { b, H, index } = m;
  const bound = orders.filter((o) => o.offtake > 0);
  for (let t = 0; t < H; t++) index.contracted[l * H + t] = b.addColumn(Col.contracted, l, t, 0, Infinity);
  for (let t = 0; t < H; t++) {
    b.beginRow(Row.contractedState, l, t, 0, 0);
    b.entry(index.contracted[l * H + t]!, 1);
    if (t > 0) b.entry(index.contracted[l * H + t - 1]!, -1);
    for (const o of bound) {
      const online = t - o.lead;
      const ends = t - o.lead - o.offtake;
      if (online >= 0 && o.columns[online]! >= 0) b.entry(o.columns[online]!, -1);
      if (ends >= 0 && o.columns[ends]! >= 0) b.entry(o.columns[ends]!, 1);
    }
    b.beginRow(Row.takeOrPay, l, t, 0, Infinity);
    b.entry(index.produce[l * H + t]!, 1);
    b.entry(index.contracted[l * H + t]!, -1);
  }
}

/** A stock release makes no more than its units over the horizon (2s). */
function defineReleaseTotal(m: ModelContext, l: number, line: PlanLine): void {
  m.b.beginRow(Row.releaseTotal, l, 0, -Infinity, line.releaseUnits!);
  for (let t = line.firstT; t < m.H; t++) m.b.entry(m.index.produce[l * m.H + t]!, 1);
}

/**
 * The line's cost per month (5''): units at the unit price, capacity at each option's price,
 * the premium on units owed; in the last month also take-or-pay owed after the horizon, at
 * the unit price. One pair per column (an order of the last month may owe both).
 */
function defineLineCosts(m: ModelContext, l: number, line: PlanLine, orders: readonly Orders[], owed: Int32Array | undefined): void {
  const { H, index } = m;
  for (let t = 0; t < H; t++) {
    const terms = new Map<number, number>([[index.produce[l * H + t]!, line.unitCostEur]]);
    for (const o of orders) if (o.columns[t]! >= 0) terms.set(o.columns[t]!, o.costEur);
    if (owed && owed[t]! >= 0 && line.deferralCostEur > 0) terms.set(owed[t]!, line.deferralCostEur);
    if (t === H - 1) {
      for (const o of orders) {
        if (o.offtake === 0) continue;
        o.columns.forEach((j, tau) => {
          const after = Math.min(o.offtake, Math.max(0, tau + o.lead + o.offtake - H));
          if (j >= 0 && after > 0) terms.set(j, (terms.get(j) ?? 0) + line.unitCostEur * after);
        });
      }
    }
    const pairs = [...terms].flat();
    m.lineCosts[l * H + t] = pairs;
    for (let k = 0; k < pairs.length; k += 2) m.costs.push(pairs[k]!, pairs[k + 1]! * MONEY_SCALE);
  }
}
