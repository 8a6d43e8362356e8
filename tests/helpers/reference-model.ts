import { LinearProgramBuilder } from '../../src/model/linear-program.js';
import { highsAdapter } from '../../src/solve/highs-adapter.js';
import type { SolveResult } from '../../src/solve/solver-adapter.js';
import { monthlyBudgets } from './arbitraries.js';
import { payersOf, reaches, type V2Spec } from './arbitraries-v2.js';

/**
 * model.md's version-2 program written out literally from a spec, independently of src/model:
 * cumulative capacity (no state columns), explicit shortfall columns, one money column per
 * channel, line and month, cumulative budget rows. Returns the optima of stages 1 and 2
 * (weighted shortfall; money the payers spend, EUR).
 */
export async function referenceOptima(spec: V2Spec): Promise<{ weightedShortfall: number; moneyEur: number }> {
  const b = new LinearProgramBuilder();
  const { base } = spec;
  const H = base.months;
  const M = 1e-6; // money in EUR millions, as any well-scaled model would
  const lines = [
    ...base.lines.map((l, i) => ({ country: l.country, product: l.system, cap0: l.cap0, capmax: l.capmax, ramp: l.ramp, lead: l.lead, unit: l.unitEur, xcost: l.xcostEur, lag: spec.lags[i]!, committed: spec.committed[i]! })),
    ...spec.materialLines.map((l) => ({ country: l.country, product: l.material, cap0: l.cap0, capmax: l.capmax, ramp: undefined, lead: l.lead, unit: l.unitEur, xcost: l.xcostEur, lag: l.lag, committed: 0 })),
  ];
  const x = lines.map((_, l) => Array.from({ length: H }, (_, t) => b.addColumn(1, l, t, 0, Infinity)));
  const e = lines.map((line, l) => Array.from({ length: H }, (_, t) => b.addColumn(2, l, t, 0, line.ramp ?? Infinity)));
  const costEntries = (l: number, t: number, factor: number) => {
    b.entry(x[l]![t]!, factor * lines[l]!.unit * M);
    b.entry(e[l]![t]!, factor * lines[l]!.xcost * M);
  };
  lines.forEach((line, l) => {
    for (let t = 0; t < H; t++) {
      // 1': x + committed <= cap0 + orders placed lead months before
      b.beginRow(1, l, t, -Infinity, line.cap0 - line.committed);
      b.entry(x[l]![t]!, 1);
      for (let tau = 0; tau <= t - line.lead; tau++) b.entry(e[l]![tau]!, -1);
    }
    // 2: cap0 + sum e <= capmax
    b.beginRow(2, l, 0, -Infinity, line.capmax - line.cap0);
    for (let t = 0; t < H; t++) b.entry(e[l]![t]!, 1);
  });
  // 4: y + u = need; the objective weighs u.
  const stage1 = new Map<number, number>();
  const y = base.needs.map((n, k) => {
    const yk = b.addColumn(3, k, 0, 0, Infinity);
    const uk = b.addColumn(4, k, 0, 0, Infinity);
    stage1.set(uk, n.priority ?? base.systems.find((s) => s.code === n.system)!.priority);
    b.beginRow(3, k, 0, n.quantity, n.quantity);
    b.entry(yk, 1);
    b.entry(uk, 1);
    return yk;
  });
  // 3': stock of systems with a need; 3m: materials.
  for (const system of base.systems) {
    const needs = base.needs.map((n, k) => (n.system === system.code ? k : -1)).filter((k) => k >= 0);
    if (needs.length === 0) continue;
    const inv = Array.from({ length: H }, (_, t) => b.addColumn(5, 0, t, 0, Infinity));
    for (let t = 0; t < H; t++) {
      const rhs = t === 0 ? -(base.stocks?.[system.code] ?? 0) : 0;
      b.beginRow(4, 0, t, rhs, rhs);
      lines.forEach((line, l) => {
        if (line.product === system.code && t - line.lag >= 0) b.entry(x[l]![t - line.lag]!, 1);
      });
      if (t > 0) b.entry(inv[t - 1]!, 1);
      for (const k of needs) if (base.needs[k]!.t === t) b.entry(y[k]!, -1);
      b.entry(inv[t]!, -1);
    }
  }
  for (const material of spec.materials) {
    const minv = Array.from({ length: H }, (_, t) => b.addColumn(6, 0, t, 0, Infinity));
    for (let t = 0; t < H; t++) {
      const rhs = t === 0 ? -(spec.materialStocks[material] ?? 0) : 0;
      b.beginRow(5, 0, t, rhs, rhs);
      const coefficient = new Map<number, number>();
      lines.forEach((line, l) => {
        if (line.product === material && t - line.lag >= 0) coefficient.set(x[l]![t - line.lag]!, (coefficient.get(x[l]![t - line.lag]!) ?? 0) + 1);
        for (const use of spec.bom) if (use.material === material && use.product === line.product) coefficient.set(x[l]![t]!, (coefficient.get(x[l]![t]!) ?? 0) - use.quantity);
      });
      for (const [j, v] of coefficient) b.entry(j, v);
      if (t > 0) b.entry(minv[t - 1]!, 1);
      b.entry(minv[t]!, -1);
    }
  }
  // 6, 6': money.
  const budgets = monthlyBudgets(base);
  for (const [fund, eur] of Object.entries(spec.funds)) budgets.set(fund, new Array<number>(H).fill(eur));
  const payers = [...budgets.keys()];
  const money: number[] = [];
  if (spec.financing === 'national') {
    for (const c of base.countries) {
      for (let t = 0; t < H; t++) {
        b.beginRow(6, 0, t, -Infinity, budgets.get(c.code)!.slice(0, t + 1).reduce((a, v) => a + v, 0) * M);
        lines.forEach((line, l) => {
          if (line.country === c.code) for (let tau = 0; tau <= t; tau++) costEntries(l, tau, 1);
        });
      }
    }
    lines.forEach((_, l) => {
      for (let t = 0; t < H; t++) money.push(x[l]![t]!, lines[l]!.unit * M, e[l]![t]!, lines[l]!.xcost * M);
    });
  } else if (spec.financing === 'pooled') {
    const pay = payers.map((p) => Array.from({ length: H }, (_, t) => b.addColumn(7, 0, t, 0, Infinity)));
    for (let t = 0; t < H; t++) {
      b.beginRow(7, 0, t, 0, 0);
      lines.forEach((_, l) => costEntries(l, t, 1));
      pay.forEach((cols) => b.entry(cols[t]!, -1));
      payers.forEach((p, i) => {
        b.beginRow(8, i, t, -Infinity, budgets.get(p)!.slice(0, t + 1).reduce((a, v) => a + v, 0) * M);
        for (let tau = 0; tau <= t; tau++) b.entry(pay[i]![tau]!, 1);
      });
    }
    pay.forEach((cols) => cols.forEach((j) => money.push(j, 1)));
  } else {
    // One channel per payer a row names; z[k][l][t] money (EUR millions) for line l.
    const channels = spec.channels.flatMap((c) => payersOf(c.payer, base, Object.keys(spec.funds)).filter((p) => budgets.has(p)).map((p) => ({ ...c, payer: p })));
    const z = channels.map((c) => lines.map((line) => (reaches(c, c.payer, line.country, line.product, base) ? Array.from({ length: H }, (_, t) => b.addColumn(9, 0, t, 0, Infinity)) : undefined)));
    lines.forEach((_, l) => {
      for (let t = 0; t < H; t++) {
        b.beginRow(9, l, t, 0, 0);
        costEntries(l, t, 1);
        channels.forEach((c, k) => {
          const cols = z[k]![l];
          if (cols) b.entry(cols[t]!, -1 / c.factor);
        });
      }
    });
    payers.forEach((p) => {
      for (let t = 0; t < H; t++) {
        b.beginRow(10, 0, t, -Infinity, budgets.get(p)!.slice(0, t + 1).reduce((a, v) => a + v, 0) * M);
        channels.forEach((c, k) => {
          if (c.payer === p) for (const cols of z[k]!) if (cols) for (let tau = 0; tau <= t; tau++) b.entry(cols[tau]!, 1);
        });
      }
    });
    channels.forEach((c, k) => {
      b.beginRow(11, k, 0, -Infinity, c.share * budgets.get(c.payer)!.reduce((a, v) => a + v, 0) * M);
      for (const cols of z[k]!) if (cols) cols.forEach((j) => b.entry(j, 1));
      for (const cols of z[k]!) if (cols) cols.forEach((j) => money.push(j, 1));
    });
  }
  const lp = b.build(0, (j) => `c${j}`, (i) => `r${i}`);
  const cost1 = new Float64Array(lp.numCols);
  for (const [j, w] of stage1) cost1[j] = w;
  const session = await highsAdapter.open({ ...lp, colCost: cost1 }, { method: 'simplex' });
  try {
    const first = expectOptimal(await session.solve());
    const indices = Int32Array.from(stage1.keys());
    const values = Float64Array.from(stage1.values());
    const cost2 = new Float64Array(lp.numCols);
    for (let k = 0; k < money.length; k += 2) cost2[money[k]!]! += money[k + 1]!;
    session.addRows([{ name: 'u', lower: -Infinity, upper: first.objective * (1 + 1e-9) + 1e-6, indices, values }]);
    session.setObjective(cost2, 0);
    const second = expectOptimal(await session.solve());
    return { weightedShortfall: first.objective, moneyEur: second.objective / M };
  } finally {
    session.dispose();
  }
}

function expectOptimal(result: SolveResult): Extract<SolveResult, { status: 'optimal' }> {
  if (result.status !== 'optimal') throw new Error(`reference model: ${result.status}`);
  return result;
}
