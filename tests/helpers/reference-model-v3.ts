import { LinearProgramBuilder, type ExtraRow, type LinearProgram } from '../../src/model/linear-program.js';
import { highsAdapter } from '../../src/solve/highs-adapter.js';
import type { SolveResult, SolverSession } from '../../src/solve/solver-adapter.js';
import { monthlyBudgets } from './arbitraries.js';
import { payersOf, reaches } from './arbitraries-v2.js';
import type { V3Spec } from './arbitraries-v3.js';

/**
 * model.md's version-3 program written out literally from a V3Spec, independently of
 * src/model: explicit shortfall columns, capacity as cumulative sums of orders (no capacity
 * state columns), one money column per channel, line and month, cumulative budget rows, one
 * `owed` state column per deferrable line and month. The stages are solved one after another
 * in one HiGHS session, each held behind a row as "Holding earlier stages" says.
 *
 * Months are 0-based indices here (model.md's month `t` is index `t - 1`); money is EUR
 * millions inside the program and plain EUR in every figure returned.
 */

/** Money inside the program, in EUR per model unit: EUR millions, as model.md suggests. */
const MONEY_UNIT = 1e-6;
/** "Holding earlier stages": an optimum is kept within this relative and absolute slack. */
const HOLD_RELATIVE = 1e-9;
const HOLD_ABSOLUTE = 1e-6;
/** Stage 4's slices per payer: model.md asks for at least 50. */
export const SPREAD_SLICES = 50;
/**
 * Floors taken from the plan's values (a promise's earlier months, the rest of the plan under a
 * price) are lowered by this many units, so that the plan's own rounding (HiGHS holds rows to
 * about 1e-9) cannot make the plan itself infeasible against them.
 */
const FLOOR_SLACK = 1e-6;

/** A linear expression: column index -> coefficient. */
type Linear = Map<number, number>;

function add(expression: Linear, column: number | undefined, coefficient: number): void {
  if (column === undefined || coefficient === 0) return;
  expression.set(column, (expression.get(column) ?? 0) + coefficient);
}

function valueOf(expression: Linear, values: Float64Array): number {
  let sum = 0;
  for (const [j, v] of expression) sum += v * values[j]!;
  return sum;
}

/** A way to add capacity to a line: `O(l)`; the line's own expansion columns are its option 0, named `(own)`. */
interface RefOption {
  readonly id: string;
  /** `add[o]`, units/month. */
  readonly add: number;
  /** `ocost[o]`, EUR per unit/month. */
  readonly costEur: number;
  readonly lead: number;
  /** `oramp[o]`; Infinity = no limit. */
  readonly ramp: number;
  /** `ofrom[o]`, month index. */
  readonly from: number;
  readonly offtake: number;
}

/** Every kind of line of model.md: a production line, a material line, a candidate plant, a stock release. */
export type ReferenceLineKind = 'line' | 'material' | 'candidate' | 'release';

interface RefLine {
  readonly kind: ReferenceLineKind;
  /** `country/product/producer`; a release is `holder/system/release`. */
  readonly key: string;
  /** The country whose lines these are: it sells through channels and pays under national financing. */
  readonly country: string;
  /** A system or a material. */
  readonly product: string;
  /** Capacity per month before any option: `cap0[l]`, or a release's `max_per_month` from its first month on. */
  readonly capacity: readonly number[];
  readonly unitEur: number;
  readonly lag: number;
  /** `committed[l,t]`. */
  readonly committed: readonly number[];
  /** `dshare[l]` (the same every month) and `dcost[l]`, EUR per unit and month. */
  readonly deferrableShare: number;
  readonly deferralCostEur: number;
  readonly options: readonly RefOption[];
  /** A release's `units[i]`; Infinity for other lines. */
  readonly units: number;
}

/** The lines of a spec in model.md's terms, options attached. */
function linesOf(spec: V3Spec): RefLine[] {
  const H = spec.base.months;
  const constant = (v: number) => new Array<number>(H).fill(v);
  const keyed = (country: string, product: string, producer: string) => `${country}/${product}/${producer}`;
  const optionsOf = (key: string): RefOption[] =>
    spec.options
      .filter((o) => keyed(o.line.country, o.line.system, o.line.producer) === key)
      .map((o) => ({ id: o.id, add: o.addPerMonth, costEur: o.costEurPerCapacity, lead: o.lead, ramp: o.maxOrderPerMonth ?? Infinity, from: o.firstOrderMonth ?? 0, offtake: o.offtakeMonths }));
  const own = (cap0: number, capmax: number, xcost: number, lead: number, ramp: number | undefined): RefOption[] =>
    capmax > cap0 ? [{ id: '(own)', add: capmax - cap0, costEur: xcost, lead, ramp: ramp ?? Infinity, from: 0, offtake: 0 }] : [];
  const lines: RefLine[] = spec.base.lines.map((l, i) => {
    const key = keyed(l.country, l.system, l.producer);
    const deferral = spec.deferrals[i];
    return {
      kind: 'line',
      key,
      country: l.country,
      product: l.system,
      capacity: constant(l.cap0),
      unitEur: l.unitEur,
      lag: spec.lags[i] ?? 0,
      committed: constant(spec.committed[i] ?? 0),
      deferrableShare: deferral?.share ?? 0,
      deferralCostEur: deferral?.costEurPerUnitMonth ?? 0,
      options: [...own(l.cap0, l.capmax, l.xcostEur, l.lead, l.ramp), ...optionsOf(key)],
      units: Infinity,
    };
  });
  for (const l of spec.materialLines) {
    const key = keyed(l.country, l.material, 'M');
    lines.push({ kind: 'material', key, country: l.country, product: l.material, capacity: constant(l.cap0), unitEur: l.unitEur, lag: l.lag, committed: constant(0), deferrableShare: 0, deferralCostEur: 0, options: [...own(l.cap0, l.capmax, l.xcostEur, l.lead, undefined), ...optionsOf(key)], units: Infinity });
  }
  for (const c of spec.candidates) {
    const key = keyed(c.country, c.system, c.producer);
    lines.push({ kind: 'candidate', key, country: c.country, product: c.system, capacity: constant(0), unitEur: c.unitEur, lag: c.lag, committed: constant(0), deferrableShare: 0, deferralCostEur: 0, options: optionsOf(key), units: Infinity });
  }
  for (const r of spec.inventories) {
    const from = r.firstMonth ?? 0;
    lines.push({
      kind: 'release',
      key: keyed(r.holder, r.system, 'release'),
      country: r.holder,
      product: r.system,
      capacity: Array.from({ length: H }, (_, t) => (t >= from ? r.maxPerMonth : 0)),
      unitEur: r.unitEur,
      lag: r.lag,
      committed: constant(0),
      deferrableShare: 0,
      deferralCostEur: 0,
      options: [],
      units: r.units,
    });
  }
  return lines;
}

/** One row of needs.csv with its delivery and shortfall columns. */
interface RefNeed {
  readonly system: string;
  readonly recipient: string;
  readonly t: number;
  readonly quantity: number;
  /** `w[s,r]`: the row's priority, else its system's. */
  readonly weight: number;
  readonly y: number;
  readonly u: number;
}

/** The program before it is built: its builder (to which a question may add columns and rows) and where everything is. */
interface RefProgram {
  readonly builder: LinearProgramBuilder;
  readonly months: number;
  readonly lines: readonly RefLine[];
  /** x[l][t] */
  readonly x: readonly (readonly number[])[];
  /** eo[l][o][t] */
  readonly eo: readonly (readonly (readonly number[])[])[];
  /** owed[l][t]; undefined for a line none of whose output may wait. */
  readonly owed: readonly (readonly number[] | undefined)[];
  readonly needs: readonly RefNeed[];
  /** inv[s][t] per system; minv per material. */
  readonly inv: ReadonlyMap<string, readonly number[]>;
  /** Every payer (countries, then funds) and its money over the horizon `B[p]`, EUR. */
  readonly budgetEur: ReadonlyMap<string, number>;
  /** Each payer's outlay over the horizon, in the model's money unit. */
  readonly spend: ReadonlyMap<string, Linear>;
  /** Cost of each line over the horizon, per month, EUR (x, options, premium, take-or-pay after the horizon). */
  readonly cost: (l: number, t: number) => Linear;
  /** Stage 4's slices: the objective `sum (2k - 1) / K s[p,k]` (empty where there is no stage 4). */
  readonly spreadObjective: Linear;
  /** Top-up column of each payer (price of a promise), in the model's money unit. */
  readonly topUp: ReadonlyMap<string, number>;
}

interface BuildOptions {
  /** Add one top-up column per payer: more money from the first month on, channel caps growing with it. */
  readonly topUps?: boolean;
  /** Slices per payer for stage 4; 0 = no stage-4 columns. */
  readonly slices?: number;
}

/** Builds model.md's constraints 1''-6' for a spec (no objective yet). */
function buildProgram(spec: V3Spec, options: BuildOptions = {}): RefProgram {
  const b = new LinearProgramBuilder();
  const { base } = spec;
  const H = base.months;
  const M = MONEY_UNIT;
  const row = (lower: number, upper: number, terms: Linear) => {
    b.beginRow(0, b.numRows, 0, lower, upper);
    for (const [j, v] of terms) b.entry(j, v);
  };
  const lines = linesOf(spec);

  // Columns: production, orders per option (0 before its first order month, at most oramp), owed.
  const x = lines.map((_, l) => Array.from({ length: H }, (_, t) => b.addColumn(1, l, t, 0, Infinity)));
  const eo = lines.map((line, l) => line.options.map((o) => Array.from({ length: H }, (_, t) => b.addColumn(2, l, t, 0, t < o.from ? 0 : o.ramp))));
  const owed = lines.map((line, l) =>
    line.deferrableShare > 0 && line.committed.some((q) => q > 0)
      ? Array.from({ length: H }, (_, t) => b.addColumn(3, l, t, 0, t === H - 1 ? 0 : Infinity)) // owed[l,H] = 0
      : undefined,
  );

  lines.forEach((line, l) => {
    for (let t = 0; t < H; t++) {
      // 1'': x + committed - (owed[t] - owed[t-1]) <= cap0 + sum_o sum_{tau <= t - olead} eo[o,tau].
      const capacity: Linear = new Map();
      add(capacity, x[l]![t], 1);
      add(capacity, owed[l]?.[t], -1);
      if (t > 0) add(capacity, owed[l]?.[t - 1], 1);
      line.options.forEach((o, k) => {
        for (let tau = 0; tau <= t - o.lead; tau++) add(capacity, eo[l]![k]![tau], -1);
      });
      row(-Infinity, line.capacity[t]! - line.committed[t]!, capacity);
      // 2q: owed[t] - owed[t-1] <= dshare committed[t].
      if (owed[l]) {
        const wait: Linear = new Map();
        add(wait, owed[l]![t], 1);
        if (t > 0) add(wait, owed[l]![t - 1], -1);
        row(-Infinity, line.deferrableShare * line.committed[t]!, wait);
      }
      // 2t: x[t] >= capacity bought through o that is online at t and within its first offtake[o] months.
      if (line.options.some((o) => o.offtake > 0)) {
        const forced: Linear = new Map();
        add(forced, x[l]![t], 1);
        line.options.forEach((o, k) => {
          for (let tau = 0; tau < H; tau++) if (tau + o.lead <= t && t < tau + o.lead + o.offtake) add(forced, eo[l]![k]![tau], -1);
        });
        row(0, Infinity, forced);
      }
    }
    // 2'': sum_t eo[o,t] <= add[o].
    line.options.forEach((o, k) => row(-Infinity, o.add, new Map(eo[l]![k]!.map((j) => [j, 1]))));
    // 2s: sum_t x[i,t] <= units[i].
    if (line.units < Infinity) row(-Infinity, line.units, new Map(x[l]!.map((j) => [j, 1])));
  });

  // 5'': cost[l,t] in EUR, with the take-or-pay owed after the horizon charged in the last month.
  const cost = (l: number, t: number): Linear => {
    const line = lines[l]!;
    const c: Linear = new Map();
    add(c, x[l]![t], line.unitEur);
    line.options.forEach((o, k) => add(c, eo[l]![k]![t], o.costEur));
    add(c, owed[l]?.[t], line.deferralCostEur);
    if (t === H - 1) {
      line.options.forEach((o, k) => {
        for (let tau = 0; tau < H; tau++) add(c, eo[l]![k]![tau], line.unitEur * Math.min(o.offtake, Math.max(0, tau + o.lead + o.offtake - H)));
      });
    }
    return c;
  };

  // 4: y + u = need.
  const priority = new Map(base.systems.map((s) => [s.code, s.priority]));
  const needs: RefNeed[] = base.needs.map((n) => {
    const y = b.addColumn(4, 0, n.t, 0, Infinity);
    const u = b.addColumn(5, 0, n.t, 0, Infinity);
    row(n.quantity, n.quantity, new Map([[y, 1], [u, 1]]));
    return { system: n.system, recipient: n.recipient, t: n.t, quantity: n.quantity, weight: n.priority ?? priority.get(n.system)!, y, u };
  });

  // 3': inv[s,t-1] + sum_l x[l, t - lag] = sum_r y[s,r,t] + inv[s,t], inv[s,0] = stock0[s].
  // 3m: minv[m,t-1] + sum_l x[l, t - lag] = sum_s bom[s,m] sum_{l in L(s)} x[l,t] + minv[m,t].
  const inv = new Map<string, number[]>();
  const products = [...base.systems.map((s) => s.code), ...spec.materials];
  for (const product of products) {
    const isMaterial = spec.materials.includes(product);
    const stock = Array.from({ length: H }, (_, t) => b.addColumn(6, 0, t, 0, Infinity));
    inv.set(product, stock);
    const opening = isMaterial ? spec.materialStocks[product] ?? 0 : base.stocks?.[product] ?? 0;
    for (let t = 0; t < H; t++) {
      const balance: Linear = new Map();
      lines.forEach((line, l) => {
        if (line.product === product && t - line.lag >= 0) add(balance, x[l]![t - line.lag], 1);
        for (const use of spec.bom) if (use.material === product && use.product === line.product) add(balance, x[l]![t], -use.quantity);
      });
      if (t > 0) add(balance, stock[t - 1], 1);
      add(balance, stock[t], -1);
      for (const n of needs) if (n.system === product && n.t === t) add(balance, n.y, -1);
      row(t === 0 ? -opening : 0, t === 0 ? -opening : 0, balance);
    }
  }

  // 6 / 6': money. Budgets per payer and month (EUR); funds are payers with a monthly budget.
  const budgets = monthlyBudgets(base);
  for (const [fund, eur] of Object.entries(spec.funds)) budgets.set(fund, new Array<number>(H).fill(eur));
  const payers = [...budgets.keys()];
  const cumulative = (p: string, t: number) => budgets.get(p)!.slice(0, t + 1).reduce((a, v) => a + v, 0);
  const budgetEur = new Map(payers.map((p) => [p, cumulative(p, H - 1)]));
  const topUp = new Map<string, number>();
  if (options.topUps) for (const p of payers) topUp.set(p, b.addColumn(7, 0, 0, 0, Infinity));
  const spend = new Map(payers.map((p) => [p, new Map() as Linear]));
  /** Every payer's cumulative outlay within its cumulative budget (plus its top-up). */
  const budgetRows = (p: string, outlayUpTo: (t: number) => Linear) => {
    for (let t = 0; t < H; t++) {
      const outlay = outlayUpTo(t);
      add(outlay, topUp.get(p), -1);
      row(-Infinity, cumulative(p, t) * M, outlay);
    }
  };
  const scaled = (terms: Linear, factor: number, into: Linear = new Map()) => {
    for (const [j, v] of terms) add(into, j, v * factor);
    return into;
  };

  if (spec.financing === 'national') {
    // Each country pays for its own lines: cumulative cost <= cumulative budget.
    for (const c of base.countries) {
      const own = lines.map((line, l) => (line.country === c.code ? l : -1)).filter((l) => l >= 0);
      budgetRows(c.code, (t) => {
        const outlay: Linear = new Map();
        for (const l of own) for (let tau = 0; tau <= t; tau++) scaled(cost(l, tau), M, outlay);
        return outlay;
      });
      for (const l of own) for (let t = 0; t < H; t++) scaled(cost(l, t), M, spend.get(c.code)!);
    }
  } else if (spec.financing === 'pooled') {
    // sum_p pay[p,t] = sum_l cost[l,t]; cumulative pay <= cumulative budget.
    const pay = payers.map(() => Array.from({ length: H }, (_, t) => b.addColumn(8, 0, t, 0, Infinity)));
    for (let t = 0; t < H; t++) {
      const pool: Linear = new Map();
      lines.forEach((_, l) => scaled(cost(l, t), M, pool));
      pay.forEach((cols) => add(pool, cols[t], -1));
      row(0, 0, pool);
    }
    payers.forEach((p, i) => {
      budgetRows(p, (t) => new Map(pay[i]!.slice(0, t + 1).map((j) => [j, 1])));
      for (const j of pay[i]!) add(spend.get(p)!, j, 1);
    });
  } else {
    // One channel per payer a row names; z[k][l][t] is money (model unit) through k for line l.
    const channels = spec.channels.flatMap((c) => payersOf(c.payer, base, Object.keys(spec.funds)).filter((p) => budgets.has(p)).map((p) => ({ ...c, payer: p })));
    const z = channels.map((c) => lines.map((line) => (reaches(c, c.payer, line.country, line.product, base) ? Array.from({ length: H }, (_, t) => b.addColumn(9, 0, t, 0, Infinity)) : undefined)));
    // cost[l,t] = sum_k z[k,l,t] / pf[k].
    lines.forEach((_, l) => {
      for (let t = 0; t < H; t++) {
        const paid = scaled(cost(l, t), M);
        channels.forEach((c, k) => add(paid, z[k]![l]?.[t], -1 / c.factor));
        row(0, 0, paid);
      }
    });
    for (const p of payers) {
      const own = channels.map((c, k) => (c.payer === p ? k : -1)).filter((k) => k >= 0);
      budgetRows(p, (t) => {
        const outlay: Linear = new Map();
        for (const k of own) for (const cols of z[k]!) if (cols) for (let tau = 0; tau <= t; tau++) add(outlay, cols[tau], 1);
        return outlay;
      });
      for (const k of own) for (const cols of z[k]!) if (cols) for (const j of cols) add(spend.get(p)!, j, 1);
    }
    // Channel caps: sum z[k] <= share[k] (B[p(k)] + top-up of p(k)).
    channels.forEach((c, k) => {
      const through: Linear = new Map();
      for (const cols of z[k]!) if (cols) for (const j of cols) add(through, j, 1);
      add(through, topUp.get(c.payer), -c.share);
      row(-Infinity, c.share * budgetEur.get(c.payer)! * M, through);
    });
  }

  // Stage 4's slices (channels or pooled): spent[p] = sum_k s[p,k], 0 <= s[p,k] <= B[p] / K, cost (2k - 1) / K.
  const spreadObjective: Linear = new Map();
  const K = options.slices ?? 0;
  if (K > 0 && spec.financing !== 'national') {
    for (const p of payers) {
      const B = budgetEur.get(p)! * M;
      if (!(B > 0)) continue;
      const sliced = scaled(spend.get(p)!, 1);
      for (let k = 1; k <= K; k++) {
        const s = b.addColumn(10, k, 0, 0, B / K);
        add(sliced, s, -1);
        add(spreadObjective, s, (2 * k - 1) / K); // per unit of money: sum over full slices = spent^2 / B at breakpoints
      }
      row(0, 0, sliced);
    }
  }

  return { builder: b, months: H, lines, x, eo, owed, needs, inv, budgetEur, spend, cost, spreadObjective, topUp };
}

// ---------------------------------------------------------------------------------------------
// Solving

type Optimal = Extract<SolveResult, { status: 'optimal' }>;

function expectOptimal(result: SolveResult, what: string): Optimal {
  if (result.status !== 'optimal') throw new Error(`reference model v3, ${what}: ${result.status} (${result.message})`);
  return result;
}

function dense(expression: Linear, columns: number): Float64Array {
  const out = new Float64Array(columns);
  for (const [j, v] of expression) out[j] = v;
  return out;
}

/** The row that holds an objective at its optimum, within model.md's tolerances. */
function holdRow(name: string, expression: Linear, optimum: number): ExtraRow {
  return {
    name,
    lower: -Infinity,
    upper: optimum * (1 + HOLD_RELATIVE) + HOLD_ABSOLUTE,
    indices: Int32Array.from(expression.keys()),
    values: Float64Array.from(expression.values()),
  };
}

/** Reduced costs and duals smaller than this (the objectives' coefficients are at most about 1) count as 0. */
const FACE_TOLERANCE = 1e-9;

/**
 * Holds the optimal face of the last solve (of `cost`): with the row duals `y` the reduced
 * costs are `d = cost - A' y`; in every optimum a column with `d > 0` is at its lower bound and
 * one with `d < 0` at its upper, a row with `y > 0` at its lower bound and one with `y < 0` at its
 * upper (complementary slackness), so those bounds are made equal.
 */
function holdFace(session: SolverSession, cost: Float64Array, result: Optimal): void {
  const lp = session.program;
  const y = result.rowDuals;
  if (!y) throw new Error('reference model v3: holding a face needs row duals');
  const d = Float64Array.from(cost);
  const { starts, indices, values } = lp.matrix;
  for (let i = 0; i < lp.numRows; i++) for (let k = starts[i]!; k < starts[i + 1]!; k++) d[indices[k]!]! -= values[k]! * y[i]!;
  const fix = (count: number, dual: ArrayLike<number>, lower: Float64Array, upper: Float64Array) => {
    const at: [number, number][] = [];
    for (let j = 0; j < count; j++) {
      if (lower[j] === upper[j] || Math.abs(dual[j]!) <= FACE_TOLERANCE) continue;
      const bound = dual[j]! > 0 ? lower[j]! : upper[j]!;
      if (Number.isFinite(bound)) at.push([j, bound]);
    }
    const bounds = Float64Array.from(at, ([, v]) => v);
    return [Int32Array.from(at, ([j]) => j), bounds, bounds.slice()] as const;
  };
  session.setColumnBounds(...fix(lp.numCols, d, lp.colLower, lp.colUpper));
  session.setRowBounds(...fix(lp.numRows, y, lp.rowLower, lp.rowUpper));
}

function build(p: RefProgram): LinearProgram {
  return p.builder.build(0, (j) => `c${j}`, (i) => `r${i}`);
}

/**
 * The stages' objectives: weights divided by their largest, as "Holding earlier stages" measures
 * them (or as given, `divide = false`, the way the version-2 reference holds stage 1).
 */
function stageObjectives(p: RefProgram, divide = true): { shortfall: Linear; money: Linear; soonest: Linear; largestWeight: number } {
  const largestWeight = divide ? Math.max(...p.needs.map((n) => n.weight)) : 1;
  const shortfall: Linear = new Map();
  const soonest: Linear = new Map();
  for (const n of p.needs) {
    add(shortfall, n.u, n.weight / largestWeight);
    add(soonest, n.u, (n.weight / largestWeight) * (p.months - n.t)); // (H + 1 - t) for model.md's 1-based t
  }
  const money: Linear = new Map();
  for (const expression of p.spend.values()) for (const [j, v] of expression) add(money, j, v);
  return { shortfall, money, soonest, largestWeight };
}

/** Options of a plan: how stages are held, stage 4 and the slices it is solved with. */
export interface ReferencePlanOptions {
  /** `proportional` (default): stage 4 under channels or pooled financing; `none` skips it. */
  readonly spread?: 'proportional' | 'none';
  /** Slices per payer in stage 4 (default 50). */
  readonly slices?: number;
  /**
   * How a stage is held in the stages after it (model.md, "Holding earlier stages"): `rows`
   * (default) adds a row `objective <= optimum (1 + 1e-9) + 1e-6`; `face` fixes the stage's
   * optimal face instead (columns with a nonzero reduced cost at their bound, rows with a nonzero
   * dual as equalities, read from the engine's row duals here, not from src/solve). Later stages
   * may use the rows' slack (up to 1e-6 of weighted shortfall, divided by the smallest weight,
   * times a unit's price: thousands of EUR where priorities span 1e4 and prices reach 1e6), the
   * face leaves none; an implementation that holds faces compares with `face` to 1e-6.
   */
  readonly hold?: 'rows' | 'face';
  /**
   * How the weights are measured when a stage is held: `largest` (default, model.md version 3)
   * divides them by their largest; `as-given` keeps them, as version 2 and its reference
   * (reference-model.ts) did. The two differ only within the holds' slack; `as-given` is there
   * to compare with the version-2 reference to 1e-6.
   */
  readonly holdWeights?: 'largest' | 'as-given';
}

export interface ReferenceDelivery {
  readonly system: string;
  readonly recipient: string;
  /** Month index, 0-based. */
  readonly t: number;
  readonly need: number;
  readonly delivered: number;
  readonly shortfall: number;
}

export interface ReferenceLineResult {
  readonly kind: ReferenceLineKind;
  readonly key: string;
  /** x[l,t], units per month. */
  readonly produced: readonly number[];
  /** owed[l,t] at the end of each month (all 0 for a line whose output may not wait). */
  readonly owed: readonly number[];
  /** The premium paid for units that waited, sum_t dcost owed[l,t], EUR. */
  readonly premiumEur: number;
  /** cost[l,t] of 5'', EUR (the last month includes take-or-pay owed after the horizon). */
  readonly costEur: readonly number[];
  /** eo[o,t] per option, option 0 as `(own)`. */
  readonly orders: readonly { readonly id: string; readonly ordered: readonly number[] }[];
}

export interface ReferencePlanV3 {
  /** Stage 1: sum w u with the priorities as given (not divided by their largest). */
  readonly weightedShortfall: number;
  /** Stage 2: the money the payers spend, EUR. */
  readonly moneyEur: number;
  /** Stage 3's optimum, sum (w / max w)(H + 1 - t) u. */
  readonly tieBreak: number;
  /** Stage 4's optimum, sum_p spent^2 / B in EUR (sliced); undefined without stage 4. */
  readonly spreadObjectiveEur: number | undefined;
  /** Each payer's outlay over the horizon after the last stage, EUR. */
  readonly spentEur: Readonly<Record<string, number>>;
  /** Per row of needs, in the spec's order. */
  readonly deliveries: readonly ReferenceDelivery[];
  readonly lines: readonly ReferenceLineResult[];
  /** inv[s,H] (systems) and minv[m,H] (materials): what is in stock at the end, surplus included. */
  readonly stockAtEnd: Readonly<Record<string, number>>;
}

/** A solved plan whose session is still open, every stage held: for questions about its optimal face. */
interface OpenPlan {
  readonly program: RefProgram;
  readonly session: SolverSession;
  readonly plan: ReferencePlanV3;
  readonly values: Float64Array;
}

/** Stages 1-4 of model.md on one session; the caller disposes of the session. */
async function openPlan(spec: V3Spec, options: ReferencePlanOptions = {}): Promise<OpenPlan> {
  const spread = (options.spread ?? 'proportional') === 'proportional' && spec.financing !== 'national';
  const p = buildProgram(spec, { slices: spread ? options.slices ?? SPREAD_SLICES : 0 });
  const lp = build(p);
  const objectives = stageObjectives(p, options.holdWeights !== 'as-given');
  const session = await highsAdapter.open(lp, { method: 'simplex' });
  try {
    const solve = async (objective: Linear, what: string) => {
      session.setObjective(dense(objective, lp.numCols), 0);
      return expectOptimal(await session.solve(), what);
    };
    const hold = (name: string, objective: Linear, result: Optimal) => {
      if (options.hold === 'face') holdFace(session, dense(objective, session.program.numCols), result);
      else session.addRows([holdRow(name, objective, result.objective)]);
    };
    const first = await solve(objectives.shortfall, 'stage 1');
    hold('hold-shortfall', objectives.shortfall, first);
    const second = await solve(objectives.money, 'stage 2');
    hold('hold-money', objectives.money, second);
    const third = await solve(objectives.soonest, 'stage 3');
    let last = third;
    let spreadObjectiveEur: number | undefined;
    if (spread) {
      hold('hold-soonest', objectives.soonest, third);
      last = await solve(p.spreadObjective, 'stage 4');
      spreadObjectiveEur = last.objective / MONEY_UNIT;
    }
    const plan = readPlan(p, last.columnValues, {
      weightedShortfall: first.objective * objectives.largestWeight,
      moneyEur: second.objective / MONEY_UNIT,
      tieBreak: third.objective,
      spreadObjectiveEur,
    });
    // Hold the last stage too, so that questions about the face see every stage kept.
    if (spread) hold('hold-spread', p.spreadObjective, last);
    else hold('hold-soonest', objectives.soonest, third);
    return { program: p, session, plan, values: last.columnValues };
  } catch (error) {
    session.dispose();
    throw error;
  }
}

function readPlan(p: RefProgram, v: Float64Array, optima: Pick<ReferencePlanV3, 'weightedShortfall' | 'moneyEur' | 'tieBreak' | 'spreadObjectiveEur'>): ReferencePlanV3 {
  const H = p.months;
  const months = Array.from({ length: H }, (_, t) => t);
  return {
    ...optima,
    spentEur: Object.fromEntries([...p.spend].map(([payer, expression]) => [payer, valueOf(expression, v) / MONEY_UNIT])),
    deliveries: p.needs.map((n) => ({ system: n.system, recipient: n.recipient, t: n.t, need: n.quantity, delivered: v[n.y]!, shortfall: v[n.u]! })),
    lines: p.lines.map((line, l) => {
      const owed = months.map((t) => (p.owed[l] ? v[p.owed[l]![t]!]! : 0));
      return {
        kind: line.kind,
        key: line.key,
        produced: months.map((t) => v[p.x[l]![t]!]!),
        owed,
        premiumEur: owed.reduce((a, q) => a + q * line.deferralCostEur, 0),
        costEur: months.map((t) => valueOf(p.cost(l, t), v)),
        orders: line.options.map((o, k) => ({ id: o.id, ordered: months.map((t) => v[p.eo[l]![k]![t]!]!) })),
      };
    }),
    stockAtEnd: Object.fromEntries([...p.inv].map(([product, cols]) => [product, v[cols[H - 1]!]!])),
  };
}

// ---------------------------------------------------------------------------------------------
// The questions

/** Every stage of model.md (1-3, and 4 under channels or pooled financing) and the plan it leaves. */
export async function referencePlanV3(spec: V3Spec, options: ReferencePlanOptions = {}): Promise<ReferencePlanV3> {
  const open = await openPlan(spec, options);
  open.session.dispose();
  return open.plan;
}

/**
 * The optima of stages 1 and 2: the weighted shortfall (priorities as given) and the money the
 * payers spend (EUR: sum z under channels, sum pay under pooled, sum of line costs under national).
 */
export async function referenceOptimaV3(spec: V3Spec, options: Pick<ReferencePlanOptions, 'hold' | 'holdWeights'> = {}): Promise<{ weightedShortfall: number; moneyEur: number }> {
  const plan = await referencePlanV3(spec, { ...options, spread: 'none' });
  return { weightedShortfall: plan.weightedShortfall, moneyEur: plan.moneyEur };
}

/**
 * Each payer's outlay over the horizon after stage 4 (stages 1-3 held, `sum_p spent^2 / B`
 * minimised with `options.slices` slices per payer, default 50), EUR. Every payer of budgets.csv (countries and
 * funds) has an entry. The sliced optimum is within `B[p] / slices` of the quadratic's, and
 * where two payers sit inside slices of equal marginal cost it is not unique within that
 * band: compare to about `B[p] / slices`. Under national financing there is no stage 4: the
 * spending after stage 3 is returned, and it need not be unique.
 */
export async function referenceSpreadV3(spec: V3Spec, options: Omit<ReferencePlanOptions, 'spread'> = {}): Promise<Record<string, number>> {
  const plan = await referencePlanV3(spec, { ...options, spread: 'proportional' });
  return { ...plan.spentEur };
}

/**
 * Range of every need row's delivery over the plan's optimal face (all stages held within
 * model.md's tolerances): where `max - min` is about 0 the plan's delivery there does not depend
 * on how an engine breaks ties; a promise or a price that reads it then has one answer.
 */
export async function referenceDeliveryRangesV3(spec: V3Spec, options: ReferencePlanOptions = {}): Promise<{ readonly min: number; readonly max: number }[]> {
  const open = await openPlan(spec, options);
  try {
    const columns = open.session.program.numCols;
    const out: { min: number; max: number }[] = [];
    for (const n of open.program.needs) {
      open.session.setObjective(dense(new Map([[n.y, 1]]), columns), 0);
      const min = expectOptimal(await open.session.solve(), 'delivery range').objective;
      open.session.setObjective(dense(new Map([[n.y, -1]]), columns), 0);
      const max = -expectOptimal(await open.session.solve(), 'delivery range').objective;
      out.push({ min, max });
    }
    return out;
  } finally {
    open.session.dispose();
  }
}

/** The need rows of one system and recipient, by month. */
function pairRows(p: RefProgram, system: string, recipient: string): RefNeed[] {
  const rows = p.needs.filter((n) => n.system === system && n.recipient === recipient).sort((a, b) => a.t - b.t);
  if (rows.length === 0) throw new Error(`reference model v3: no need of ${system} for ${recipient}`);
  return rows;
}

/** Rows `sum_{tau <= t} y[s,r,tau] >= sum_{tau <= t} yhat[s,r,tau]` for every t before `from`. */
function keepEarlierRows(rows: readonly RefNeed[], planned: ReadonlyMap<number, number>, from: number): ExtraRow[] {
  const out: ExtraRow[] = [];
  const earlier = rows.filter((n) => n.t < from);
  let sum = 0;
  earlier.forEach((n, i) => {
    sum += planned.get(n.y)!;
    const upTo = earlier.slice(0, i + 1);
    out.push({ name: `keep-${n.t}`, lower: sum - FLOOR_SLACK, upper: Infinity, indices: Int32Array.from(upTo, (m) => m.y), values: new Float64Array(upTo.length).fill(1) });
  });
  return out;
}

export interface ReferencePromiseV3 {
  /** model.md version 3: the largest g with y >= g need from the start month on, the plan's earlier cumulative deliveries kept, in [0, 1]. */
  readonly promise: number;
  /** Version 2's figure: the same with the earlier months free. */
  readonly earlierMonthsFree: number;
  /**
   * The largest range (units) of the plan's cumulative delivery of (system, recipient) up to any
   * month before the start, over the plan's optimal face: about 0 where `promise` does not depend
   * on how ties between systems are broken (see model.md, the end of "Price of a promise").
   */
  readonly planTieRange: number;
}

/**
 * The promise of `system` to `recipient` from month index `fromMonthIndex` (0-based: model.md's
 * `g_s(m)` with `m = fromMonthIndex + 1`), money as in the scenario. `yhat` is the plan of
 * `referencePlanV3` (stages 1-3, and 4 under channels or pooled); a month whose need is 0 sets no
 * floor, and with no need from the start month on the promise is 1.
 */
export async function referencePromiseV3(spec: V3Spec, system: string, recipient: string, fromMonthIndex: number, options: ReferencePlanOptions = {}): Promise<ReferencePromiseV3> {
  const open = await openPlan(spec, options);
  let planned: Map<number, number>;
  let planTieRange = 0;
  try {
    const rows = pairRows(open.program, system, recipient);
    planned = new Map(rows.map((n) => [n.y, open.values[n.y]!]));
    const columns = open.session.program.numCols;
    for (const n of rows.filter((r) => r.t < fromMonthIndex)) {
      const upTo = new Map(rows.filter((r) => r.t <= n.t).map((r) => [r.y, 1]));
      open.session.setObjective(dense(upTo, columns), 0);
      const min = expectOptimal(await open.session.solve(), 'tie range').objective;
      open.session.setObjective(dense(scaledMap(upTo, -1), columns), 0);
      const max = -expectOptimal(await open.session.solve(), 'tie range').objective;
      planTieRange = Math.max(planTieRange, max - min);
    }
  } finally {
    open.session.dispose();
  }

  // The promise program: model.md's constraints (no stage held) and g.
  const p = buildProgram(spec);
  const rows = pairRows(p, system, recipient);
  const g = p.builder.addColumn(11, 0, 0, 0, 1);
  for (const n of rows) {
    if (n.t < fromMonthIndex || n.quantity === 0) continue;
    p.builder.beginRow(11, 0, n.t, 0, Infinity); // y - g need >= 0
    p.builder.entry(n.y, 1);
    p.builder.entry(g, -n.quantity);
  }
  const lp = build(p);
  const session = await highsAdapter.open({ ...lp, colCost: dense(new Map([[g, -1]]), lp.numCols) }, { method: 'simplex' });
  try {
    const earlierMonthsFree = -expectOptimal(await session.solve(), 'promise, earlier months free').objective;
    session.addRows(keepEarlierRows(rows, planned, fromMonthIndex));
    const promise = -expectOptimal(await session.solve(), 'promise').objective;
    return { promise, earlierMonthsFree, planTieRange };
  } finally {
    session.dispose();
  }
}

function scaledMap(expression: Linear, factor: number): Linear {
  return new Map([...expression].map(([j, v]) => [j, v * factor]));
}

export interface ReferencePriceOptions extends ReferencePlanOptions {
  /**
   * Which deliveries of the plan the price must keep month by month: `other-pairs` (default)
   * every need row of another system or another recipient; `other-systems` only those of other
   * systems (model.md's words read literally: the same system's other recipients are free).
   */
  readonly keep?: 'other-pairs' | 'other-systems';
}

/**
 * Price of a promise: the least top-up money, EUR, for which `system` reaches `level` (a share
 * in [0, 1], not a percentage) of `recipient`'s need in every month from `fromMonthIndex`
 * (0-based) on, the plan's cumulative deliveries of the pair before it kept, and the other
 * deliveries of the plan kept month by month (see `keep`). A top-up is one column per payer of
 * budgets.csv: it adds to the payer's money from the first month (a later top-up could only do
 * less under cumulative budgets) and to its channel caps in proportion to their shares.
 * `undefined` where no money reaches the level.
 */
export async function referencePriceV3(spec: V3Spec, system: string, recipient: string, fromMonthIndex: number, level: number, options: ReferencePriceOptions = {}): Promise<number | undefined> {
  const plan = await referencePlanV3(spec, options);
  const p = buildProgram(spec, { topUps: true });
  const rows = pairRows(p, system, recipient);
  const keep = options.keep ?? 'other-pairs';
  const b = p.builder;
  p.needs.forEach((n, k) => {
    const planned = plan.deliveries[k]!.delivered;
    const own = n.system === system && n.recipient === recipient;
    if (own && n.t >= fromMonthIndex) {
      b.beginRow(12, k, 0, level * n.quantity, Infinity); // the promise
      b.entry(n.y, 1);
    } else if (!own && (keep === 'other-pairs' || n.system !== system)) {
      b.beginRow(13, k, 0, planned - FLOOR_SLACK, Infinity); // the rest of the plan keeps its deliveries
      b.entry(n.y, 1);
    }
  });
  const planned = new Map(p.needs.map((n, k) => [n.y, plan.deliveries[k]!.delivered]));
  const lp = build(p);
  const cost = new Map([...p.topUp.values()].map((j) => [j, 1]));
  const session = await highsAdapter.open({ ...lp, colCost: dense(cost, lp.numCols) }, { method: 'simplex' });
  try {
    session.addRows(keepEarlierRows(rows, planned, fromMonthIndex));
    const result = await session.solve();
    if (result.status === 'infeasible') return undefined;
    return expectOptimal(result, 'price of a promise').objective / MONEY_UNIT;
  } finally {
    session.dispose();
  }
}
