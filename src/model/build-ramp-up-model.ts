import { formatMonth } from '../inputs/periods.js';
import type { PlanInput } from '../scenario/plan-input.js';
import { LinearProgramBuilder, type LinearProgram } from './linear-program.js';
import { ColumnKind as Col, RowKind as Row, columnKindName, encodeName, rowKindName } from './names.js';

/** Money enters the model in EUR millions so coefficients stay within a few orders of magnitude. */
export const MONEY_SCALE = 1e-6;

export interface ModelOptions {
  /**
   * Lets every payer top up its budget without limit: stage 1 then finds what money cannot
   * close, and stage 2 uses as little extra money as it can (each EUR million of top-up
   * weighs TOP_UP_WEIGHT times a million of spending), so extra money is a last resort.
   */
  readonly unlimitedMoney?: boolean;
  /**
   * Guarantee floors become rows `deliver >= g x need` on one shared column g for these
   * systems (all other floors dropped), and the objective maximises g (rampup guarantees).
   */
  readonly maximiseGuaranteeOf?: ReadonlySet<string>;
}

/** Stage-2 weight of one EUR million of top-up relative to one of spending. */
export const TOP_UP_WEIGHT = 1000;

/** Where each variable of the plan sits in the LP; -1 where the model has no such column. */
export interface ModelIndex {
  /** [line * H + t] units produced. */
  readonly produce: Int32Array;
  /** [line * H + t] capacity ordered (units/month). */
  readonly order: Int32Array;
  /** [line * H + t] capacity online; -1 when the line cannot grow (then it is constant). */
  readonly online: Int32Array;
  /** [need] units delivered against each entry of input.needs. */
  readonly deliver: Int32Array;
  /** [system * H + t] units held at the end of the month. */
  readonly stock: Int32Array;
  /** [country * H + t] money paid into the pool (pooled only). */
  readonly pay: Int32Array;
  /** [country * H + t] budget row of the country in month t. */
  readonly budgetRow: Int32Array;
  /** [country * H + t] top-up money (EUR millions), only with unlimitedMoney. */
  readonly topUp: Int32Array;
}

/** The LP of model.md for one scenario, with both objectives of the lexicographic solve. */
export interface RampUpModel {
  readonly input: PlanInput;
  /** Stage-1 program: minimise the weighted shortfall (offset + coefficients on deliveries). */
  readonly lp: LinearProgram;
  /** Stage-2 objective: total cost in EUR millions (plus top-up penalty when present). */
  readonly costObjective: Float64Array;
  /** Weighted shortfall = totalWeightedNeed - sum(weight x delivered). */
  readonly totalWeightedNeed: number;
  readonly index: ModelIndex;
  /** The guarantee column g when maximiseGuaranteeOf is set, else -1. */
  readonly guaranteeColumn: number;
  /** True where a line is in the model (its system has a need in the horizon). */
  readonly activeLine: Uint8Array;
}

/**
 * Builds the ramp-up LP. Capacity online and unspent money are state variables carried
 * month to month, so every row has a handful of entries however long the horizon.
 */
export function buildRampUpModel(input: PlanInput, options: ModelOptions = {}): RampUpModel {
  const b = new LinearProgramBuilder();
  const H = input.months.length;
  const L = input.lines.length;
  const S = input.systems.length;
  const C = input.countries.length;
  const systemIndex = new Map(input.systems.map((s, i) => [s.code, i]));
  const countryIndex = new Map(input.countries.map((c, i) => [c.code, i]));
  const neededSystems = new Set(input.needs.map((n) => n.system));
  const activeLine = Uint8Array.from(input.lines, (l) => (neededSystems.has(l.system) && countryIndex.has(l.country) ? 1 : 0));

  const index: ModelIndex = {
    produce: new Int32Array(L * H).fill(-1),
    order: new Int32Array(L * H).fill(-1),
    online: new Int32Array(L * H).fill(-1),
    deliver: new Int32Array(input.needs.length).fill(-1),
    stock: new Int32Array(S * H).fill(-1),
    pay: new Int32Array(C * H).fill(-1),
    budgetRow: new Int32Array(C * H).fill(-1),
    topUp: new Int32Array(C * H).fill(-1),
  };
  const costs: number[] = []; // [column, EUR millions per unit] pairs for the stage-2 objective

  // Variables and capacity constraints (model.md 1, 2)
  defineProductionAndCapacity();
  // Deliveries and shortfall (model.md 4, 8): y in [g need, need], shortfall = need - y
  let totalWeightedNeed = 0;
  defineDeliveries();
  // Stock balance (model.md 3)
  defineStockBalance();
  // Financing (model.md 5, 6)
  if (input.financing.kind === 'national') defineNationalFinancing();
  else definePooledFinancing(input.financing.fairShare, input.financing.workShare);

  // Optional: the largest uniform guarantee (issue: rampup guarantees)
  const guaranteeColumn = options.maximiseGuaranteeOf ? defineGuaranteeLevel(options.maximiseGuaranteeOf) : -1;

  const costObjective = new Float64Array(b.numCols);
  for (let k = 0; k < costs.length; k += 2) costObjective[costs[k]!]! += costs[k + 1]!;
  for (const j of index.topUp) if (j >= 0) costObjective[j] = TOP_UP_WEIGHT;

  const lp = b.build(guaranteeColumn >= 0 ? 0 : totalWeightedNeed, nameColumn, nameRow);
  return { input, lp, costObjective, totalWeightedNeed, index, guaranteeColumn, activeLine };

  function defineGuaranteeLevel(systems: ReadonlySet<string>): number {
    const g = b.addColumn(Col.guarantee, 0, 0, 0, 1, -1);
    input.needs.forEach((need, k) => {
      if (!systems.has(need.system) || need.quantity <= 0) return;
      b.beginRow(Row.guaranteeFloor, k, 0, 0, Infinity);
      b.entry(index.deliver[k]!, 1);
      b.entry(g, -need.quantity);
    });
    return g;
  }

  function defineProductionAndCapacity(): void {
    input.lines.forEach((line, l) => {
      if (!activeLine[l]) return;
      const unit = line.unitCostEur * MONEY_SCALE;
      const expansion = line.expansionCostEur * MONEY_SCALE;
      const lastOrder = H - 1 - line.leadTimeMonths; // later orders never come online
      const grows = line.maxCapacityPerMonth > line.capacityPerMonth && lastOrder >= 0 && line.maxExpansionPerMonth !== 0;
      for (let t = 0; t < H; t++) {
        const x = b.addColumn(Col.produce, l, t, 0, grows ? Infinity : line.capacityPerMonth);
        index.produce[l * H + t] = x;
        costs.push(x, unit);
      }
      if (!grows) return;
      for (let t = 0; t <= lastOrder; t++) {
        const e = b.addColumn(Col.order, l, t, 0, line.maxExpansionPerMonth ?? Infinity);
        index.order[l * H + t] = e;
        costs.push(e, expansion);
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
        b.beginRow(Row.withinCapacity, l, t, -Infinity, 0);
        b.entry(index.produce[l * H + t]!, 1);
        b.entry(index.online[l * H + t]!, -1);
      }
    });
  }

  function defineDeliveries(): void {
    input.needs.forEach((need, k) => {
      totalWeightedNeed += need.weight * need.quantity;
      // With maximiseGuaranteeOf the objective is g alone and the scenario's own floors are dropped.
      const floor = options.maximiseGuaranteeOf ? 0 : need.guarantee * need.quantity;
      index.deliver[k] = b.addColumn(Col.deliver, k, 0, floor, need.quantity, options.maximiseGuaranteeOf ? 0 : -need.weight);
    });
  }

  function defineStockBalance(): void {
    const linesOf = input.systems.map(() => [] as number[]);
    input.lines.forEach((line, l) => {
      if (activeLine[l]) linesOf[systemIndex.get(line.system)!]!.push(l);
    });
    const needsOf = input.systems.map(() => [] as number[]);
    input.needs.forEach((need, k) => needsOf[systemIndex.get(need.system)!]!.push(k));
    input.systems.forEach((system, s) => {
      if (needsOf[s]!.length === 0) return;
      for (let t = 0; t < H; t++) index.stock[s * H + t] = b.addColumn(Col.stock, s, t, 0, Infinity);
      for (let t = 0; t < H; t++) {
        // produced + carried in = delivered + carried out; the opening stock is the right-hand side.
        const rhs = t === 0 ? -system.stock : 0;
        b.beginRow(Row.stockBalance, s, t, rhs, rhs);
        for (const l of linesOf[s]!) b.entry(index.produce[l * H + t]!, 1);
        if (t > 0) b.entry(index.stock[s * H + t - 1]!, 1);
        for (const k of needsOf[s]!) if (input.needs[k]!.t === t) b.entry(index.deliver[k]!, -1);
        b.entry(index.stock[s * H + t]!, -1);
      }
    });
  }

  /** Adds the spending of country c's lines in month t to the open row. */
  function spendingEntries(lines: readonly number[], t: number, sign: number): void {
    for (const l of lines) {
      const line = input.lines[l]!;
      b.entry(index.produce[l * H + t]!, sign * line.unitCostEur * MONEY_SCALE);
      const ordered = index.order[l * H + t]!;
      if (ordered >= 0) b.entry(ordered, sign * line.expansionCostEur * MONEY_SCALE);
    }
  }

  function linesByCountry(): number[][] {
    const out = input.countries.map(() => [] as number[]);
    input.lines.forEach((line, l) => {
      if (activeLine[l]) out[countryIndex.get(line.country)!]!.push(l);
    });
    return out;
  }

  /** unspent[c,t] = unspent[c,t-1] + budget[c,t] (+ top-up) - outflow: money carries forward, never back. */
  function defineMoneyAccount(c: number, outflow: (t: number) => void): void {
    const country = input.countries[c]!;
    const unspent: number[] = [];
    for (let t = 0; t < H; t++) unspent.push(b.addColumn(Col.unspent, c, t, 0, Infinity));
    if (options.unlimitedMoney) {
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

  function defineNationalFinancing(): void {
    const lines = linesByCountry();
    input.countries.forEach((_, c) => {
      if (lines[c]!.length > 0) defineMoneyAccount(c, (t) => spendingEntries(lines[c]!, t, 1));
    });
  }

  function definePooledFinancing(fairShare: number | undefined, workShare: number | undefined): void {
    const lines = linesByCountry();
    const all = lines.flat().sort((a, b2) => a - b2);
    // The pool's members are the countries that bring money; fair shares are over their GDP.
    const members = input.countries.flatMap((country, c) => (country.budgetEur.some((v) => v > 0) ? [c] : []));
    for (const c of members) {
      defineMoneyAccount(c, (t) => {
        const pay = b.addColumn(Col.pay, c, t, 0, Infinity);
        index.pay[c * H + t] = pay;
        b.entry(pay, 1);
      });
    }
    for (let t = 0; t < H; t++) {
      b.beginRow(Row.pool, t, 0, 0, 0);
      spendingEntries(all, t, 1);
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
        for (let t = 0; t < H; t++) spendingEntries(lines[c]!, t, 1);
        b.entry(paid.get(c)!, -workShare);
      }
    }
  }

  function nameColumn(j: number): string {
    return describe(columnKindName(b.colKind.data[j]!), b.colKind.data[j]!, b.colKeyA.data[j]!, b.colKeyB.data[j]!, true);
  }

  function nameRow(i: number): string {
    return describe(rowKindName(b.rowKind.data[i]!), b.rowKind.data[i]!, b.rowKeyA.data[i]!, b.rowKeyB.data[i]!, false);
  }

  function describe(name: string, kind: number, a: number, t: number, column: boolean): string {
    const month = (m: number) => formatMonth(input.months[m]!);
    const line = (l: number) => input.lines[l]!;
    if (column) {
      switch (kind) {
        case Col.produce:
        case Col.order:
        case Col.online:
          return encodeName(name, [line(a).country, line(a).system, line(a).producer || '-', month(t)]);
        case Col.deliver: {
          const need = input.needs[a]!;
          return encodeName(name, [need.system, need.recipient, month(need.t)]);
        }
        case Col.stock:
          return encodeName(name, [input.systems[a]!.code, month(t)]);
        case Col.paidTotal:
          return encodeName(name, [input.countries[a]!.code]);
        case Col.guarantee:
          return 'guarantee_level';
        default:
          return encodeName(name, [input.countries[a]!.code, month(t)]);
      }
    }
    switch (kind) {
      case Row.capacityState:
      case Row.withinCapacity:
        return encodeName(name, [line(a).country, line(a).system, line(a).producer || '-', month(t)]);
      case Row.stockBalance:
        return encodeName(name, [input.systems[a]!.code, month(t)]);
      case Row.pool:
        return encodeName(name, [month(a)]);
      case Row.guaranteeFloor: {
        const need = input.needs[a]!;
        return encodeName(name, [need.system, need.recipient, month(need.t)]);
      }
      case Row.paidTotal:
      case Row.fairShare:
      case Row.workShare:
        return encodeName(name, [input.countries[a]!.code]);
      default:
        return encodeName(name, [input.countries[a]!.code, month(t)]);
    }
  }
}
