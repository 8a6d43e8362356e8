import { MONEY_SCALE } from '../model/build-ramp-up-model.js';
import type { LineMonth, MoneyFlow, PayerResult } from './plan.js';
import { clean, type SolutionValues } from './read-values.js';

interface FlowKey {
  payer: string;
  channel: string;
  seller: string;
  product: string;
  priceFactor: number;
  k: number;
}

type Flows = Map<string, FlowKey & { paidEur: number; units: number }>;

/** Who paid what through which channel to whom: payers and money flows, read back from the plan. */
export function readMoney(values: SolutionValues, lineMonths: readonly LineMonth[]): { payers: PayerResult[]; flows: MoneyFlow[] } {
  const flows: Flows = new Map();
  const add = (key: FlowKey, paidEur: number, units: number) => {
    if (paidEur === 0 && units === 0) return;
    const id = `${key.payer}\u0000${key.channel}\u0000${key.seller}\u0000${key.product}`;
    const f = flows.get(id) ?? { ...key, paidEur: 0, units: 0 };
    f.paidEur += paidEur;
    f.units += units;
    flows.set(id, f);
  };
  const financing = values.model.input.financing.kind;
  const paid = financing === 'channels' ? channelFlows(values, lineMonths, add, flows) : financing === 'national' ? nationalFlows(lineMonths, add) : pooledFlows(values, lineMonths, add);
  return { payers: payerResults(values, lineMonths, paid), flows: moneyFlowRows(values, flows) };
}

type AddFlow = (key: FlowKey, paidEur: number, units: number) => void;

/** Channels: each flow's money, split over its lines in proportion to their cost. Returns what each payer paid, summed over its flows. */
function channelFlows(values: SolutionValues, lineMonths: readonly LineMonth[], add: AddFlow, flows: Flows): Map<string, number> {
  const { input, index } = values.model;
  const H = input.months.length;
  const financing = input.financing;
  if (financing.kind !== 'channels') return new Map();
  const paid = new Map<string, number>();
  for (const flow of index.flows) {
    const ch = financing.channels[flow.channel]!;
    for (let t = 0; t < H; t++) {
      const groupCost = flow.lines.reduce((a, l) => a + lineMonths[l * H + t]!.costEur, 0);
      const money = flow.columns ? values.value(flow.columns[t]!) / MONEY_SCALE : ch.priceFactor * groupCost;
      if (money <= 0 || groupCost <= 0) continue;
      for (const l of flow.lines) {
        const lm = lineMonths[l * H + t]!;
        const share = lm.costEur / groupCost;
        const lineShare = (money * share) / ch.priceFactor / lm.costEur || 0;
        add({ payer: ch.payer, channel: ch.id, seller: lm.line.country, product: lm.line.system, priceFactor: ch.priceFactor, k: flow.channel }, money * share, lm.units * lineShare);
      }
    }
  }
  for (const f of flows.values()) paid.set(f.payer, (paid.get(f.payer) ?? 0) + f.paidEur);
  return paid;
}

/** National: each country pays its own lines. */
function nationalFlows(lineMonths: readonly LineMonth[], add: AddFlow): Map<string, number> {
  const paid = new Map<string, number>();
  for (const lm of lineMonths) {
    if (lm.costEur === 0 && lm.units === 0) continue;
    add({ payer: lm.line.country, channel: 'national', seller: lm.line.country, product: lm.line.system, priceFactor: 1, k: -1 }, lm.costEur, lm.units);
    paid.set(lm.line.country, (paid.get(lm.line.country) ?? 0) + lm.costEur);
  }
  return paid;
}

/** Pooled: each member's share of the pool pays every line alike. */
function pooledFlows(values: SolutionValues, lineMonths: readonly LineMonth[], add: AddFlow): Map<string, number> {
  const { input, index } = values.model;
  const H = input.months.length;
  const paid = new Map<string, number>();
  let poolPaid = 0;
  input.payers.forEach((p, i) => {
    let sum = 0;
    for (let t = 0; t < H; t++) sum += values.value(index.pay[i * H + t]!) / MONEY_SCALE;
    paid.set(p.code, clean(sum));
    poolPaid += sum;
  });
  if (poolPaid <= 0) return paid;
  for (const lm of lineMonths) {
    if (lm.costEur === 0 && lm.units === 0) continue;
    for (const [payer, amount] of paid) {
      if (amount > 0) add({ payer, channel: 'pool', seller: lm.line.country, product: lm.line.system, priceFactor: 1, k: -1 }, (lm.costEur * amount) / poolPaid, (lm.units * amount) / poolPaid);
    }
  }
  return paid;
}

/** Each payer's money, what it paid and left, and the stage-1 value of one more EUR million of it. */
function payerResults(values: SolutionValues, lineMonths: readonly LineMonth[], paid: ReadonlyMap<string, number>): PayerResult[] {
  const { input, index } = values.model;
  const H = input.months.length;
  const own = new Map<string, number>();
  for (const lm of lineMonths) own.set(lm.line.country, (own.get(lm.line.country) ?? 0) + lm.costEur);
  const payerGdp = input.payers.filter((p) => p.kind === 'country' && p.budgetEur.some((v) => v > 0)).reduce((a, p) => a + p.gdpEur, 0);
  const duals = values.solution.shortfall.rowDuals !== undefined;
  return input.payers.map((payer, p) => {
    const budgetEur = payer.budgetEur.reduce((a, v) => a + v, 0);
    const paidEur = clean(paid.get(payer.code) ?? 0);
    let weighted = 0;
    for (let t = 0; t < H && duals; t++) {
      const dual = values.dual(index.budgetRow[p * H + t]!);
      if (dual === undefined) continue;
      // Extra money given in proportion to the monthly budgets (as a +x % budget_scale would).
      weighted += budgetEur > 0 ? (-dual * payer.budgetEur[t]!) / budgetEur : t === 0 ? -dual : 0;
    }
    return {
      code: payer.code,
      name: payer.name,
      kind: payer.kind,
      gdpEur: payer.gdpEur,
      gdpShare: budgetEur > 0 && payer.kind === 'country' && payerGdp > 0 ? payer.gdpEur / payerGdp : undefined,
      budgetEur,
      spentOnOwnLinesEur: payer.kind === 'country' ? clean(own.get(payer.code) ?? 0) : 0,
      paidEur,
      unspentEur: clean(Math.max(0, budgetEur - paidEur)),
      marginalValuePerMillion: duals ? clean(weighted) : undefined,
    };
  });
}

/** The flows as report rows, each capped channel with its share used and, where it binds, its value; the cap is the program's own row bound. */
function moneyFlowRows(values: SolutionValues, flows: Flows): MoneyFlow[] {
  const { input, index, lp } = values.model;
  const financing = input.financing;
  const usedByChannel = new Map<number, number>();
  for (const f of flows.values()) if (f.k >= 0) usedByChannel.set(f.k, (usedByChannel.get(f.k) ?? 0) + f.paidEur);
  return [...flows.values()]
    .map((f) => {
      const ch = financing.kind === 'channels' && f.k >= 0 ? financing.channels[f.k]! : undefined;
      const capped = ch !== undefined && ch.maxShare < 1;
      const row = capped ? index.channelCapRow[f.k]! : -1;
      const cap = row >= 0 ? lp.rowUpper[row]! / MONEY_SCALE : 0;
      const used = usedByChannel.get(f.k) ?? 0;
      const dual = ch ? values.dual(row) : undefined;
      return {
        payer: f.payer,
        channel: f.channel,
        ...(ch?.group !== undefined ? { channelGroup: ch.group } : {}),
        seller: f.seller,
        product: f.product,
        paidEur: clean(f.paidEur),
        unitsPaidFor: clean(f.units),
        priceFactor: f.priceFactor,
        channelShareUsed: capped ? (cap > 0 ? used / cap : 0) : undefined,
        capBinding: capped && used >= cap * (1 - 1e-6) - 1,
        valuePerMillion: capped && dual !== undefined ? clean(-dual) : undefined,
      };
    })
    .sort((a, b) => cmp(a.payer, b.payer) || cmp(a.channel, b.channel) || cmp(a.seller, b.seller) || cmp(a.product, b.product));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
