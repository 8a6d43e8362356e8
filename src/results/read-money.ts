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

/** Who paid what through which channel to whom: payers and money flows, read back from the plan. */
export function readMoney(values: SolutionValues, lineMonths: readonly LineMonth[]): { payers: PayerResult[]; flows: MoneyFlow[] } {
  const { model } = values;
  const { input, index } = model;
  const H = input.months.length;
  const financing = input.financing;
  const flows = new Map<string, FlowKey & { paidEur: number; units: number }>();
  const add = (key: FlowKey, paidEur: number, units: number) => {
    if (paidEur === 0 && units === 0) return;
    const id = `${key.payer}\u0000${key.channel}\u0000${key.seller}\u0000${key.product}`;
    const f = flows.get(id) ?? { ...key, paidEur: 0, units: 0 };
    f.paidEur += paidEur;
    f.units += units;
    flows.set(id, f);
  };
  const paid = new Map<string, number>();
  const budgetOf = (p: number) => input.payers[p]!.budgetEur.reduce((a, v) => a + v, 0);

  if (financing.kind === 'channels') {
    index.flows.forEach((flow) => {
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
    });
    for (const f of flows.values()) paid.set(f.payer, (paid.get(f.payer) ?? 0) + f.paidEur);
  } else {
    // National: each country pays its own lines. Pooled: each member's share of the pool pays every line alike.
    let poolPaid = 0;
    if (financing.kind === 'pooled') {
      input.payers.forEach((p, i) => {
        let sum = 0;
        for (let t = 0; t < H; t++) sum += values.value(index.pay[i * H + t]!) / MONEY_SCALE;
        paid.set(p.code, clean(sum));
        poolPaid += sum;
      });
    }
    for (const lm of lineMonths) {
      if (lm.costEur === 0 && lm.units === 0) continue;
      if (financing.kind === 'national') {
        add({ payer: lm.line.country, channel: 'national', seller: lm.line.country, product: lm.line.system, priceFactor: 1, k: -1 }, lm.costEur, lm.units);
        paid.set(lm.line.country, (paid.get(lm.line.country) ?? 0) + lm.costEur);
      } else if (poolPaid > 0) {
        for (const [payer, amount] of paid) {
          if (amount > 0) add({ payer, channel: 'pool', seller: lm.line.country, product: lm.line.system, priceFactor: 1, k: -1 }, (lm.costEur * amount) / poolPaid, (lm.units * amount) / poolPaid);
        }
      }
    }
  }

  const own = new Map<string, number>();
  for (const lm of lineMonths) own.set(lm.line.country, (own.get(lm.line.country) ?? 0) + lm.costEur);
  const payerGdp = input.payers.filter((p) => p.kind === 'country' && p.budgetEur.some((v) => v > 0)).reduce((a, p) => a + p.gdpEur, 0);
  const payers: PayerResult[] = input.payers.map((payer, p) => {
    const budgetEur = budgetOf(p);
    const paidEur = clean(paid.get(payer.code) ?? 0);
    let marginal: number | undefined;
    let weighted = 0;
    for (let t = 0; t < H; t++) {
      const dual = values.dual(index.budgetRow[p * H + t]!);
      if (dual === undefined) {
        if (values.solution.shortfall.rowDuals === undefined) break;
        continue;
      }
      // Extra money given in proportion to the monthly budgets (as a +x % budget_scale would).
      weighted += budgetEur > 0 ? (-dual * payer.budgetEur[t]!) / budgetEur : t === 0 ? -dual : 0;
    }
    if (values.solution.shortfall.rowDuals) marginal = clean(weighted);
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
      marginalValuePerMillion: marginal,
    };
  });

  const usedByChannel = new Map<number, number>();
  for (const f of flows.values()) if (f.k >= 0) usedByChannel.set(f.k, (usedByChannel.get(f.k) ?? 0) + f.paidEur);
  const moneyFlows: MoneyFlow[] = [...flows.values()]
    .map((f) => {
      const ch = financing.kind === 'channels' && f.k >= 0 ? financing.channels[f.k]! : undefined;
      const capped = ch !== undefined && ch.maxShare < 1;
      const cap = capped ? ch.maxShare * budgetOf(model.input.payers.findIndex((p) => p.code === ch.payer)) : 0;
      const used = usedByChannel.get(f.k) ?? 0;
      const dual = ch ? values.dual(index.channelCapRow[f.k]!) : undefined;
      return {
        payer: f.payer,
        channel: f.channel,
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
  return { payers, flows: moneyFlows };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
