import { codesOf, MEASURES, type Measure } from '../inputs/check-actuals.js';
import type { ActualRow } from '../inputs/schemas.js';
import type { CalibrationRow, Verdict } from './calibration-results.js';
import { growthOf, reachableCapacity } from './gap-causes.js';
import type { Plan } from './plan.js';

export type { CalibrationRow, Verdict } from './calibration-results.js';

/** Within this band of the record, the model reproduces it (issue 29). */
export const WITHIN = { low: 0.8, high: 1.25 } as const;

/**
 * Each figure of what happened beside the plan's own figure for it: for `produced`, the capacity
 * online at the sellers' lines (what could have been made; the plan makes only what is paid
 * for); for `delivered`, what the plan delivers (from every source when the sellers are `*`,
 * else from the sellers' lines, in the month it arrives); for `spent`, the money paid through
 * the channels, the months' share taken from the cost of the sellers' output in the period.
 */
export function calibrate(plan: Plan, actuals: readonly ActualRow[]): CalibrationRow[] {
  return actuals.map((actual) => {
    const { value, planned, as } = modelledFigure(plan, actual);
    const ratio = value / comparable(actual);
    const verdict: Verdict = ratio < WITHIN.low - 1e-9 ? 'model below record' : ratio > WITHIN.high + 1e-9 ? 'model above record' : 'within';
    const reason = verdict === 'within' ? '' : (actual.explanation ?? 'no reason given in actuals.csv: check the data');
    return { actual, modelledAs: as, modelled: value, planned, ratio, verdict, reason };
  });
}

function modelledFigure(plan: Plan, actual: ActualRow): { value: number; planned: number; as: string } {
  const { input } = plan;
  const from = input.months.indexOf(actual.from_month);
  const to = input.months.indexOf(actual.to_month);
  const within = (t: number) => t >= from && t <= to;
  const category = new Map(input.systems.map((s) => [s.code, s.category]));
  const systems = codesOf(actual.systems);
  const sellers = codesOf(actual.sellers);
  const ofSystem = (s: string) => systems === '*' || systems.includes(s) || systems.includes(`category:${category.get(s) ?? ''}`);
  const ofSeller = (c: string) => sellers === '*' || sellers.includes(c);
  const lineMonths = plan.lineMonths.filter((m) => !m.line.makesMaterial && ofSystem(m.line.system) && ofSeller(m.line.country));
  switch (actual.measure as Measure) {
    case 'produced': {
      const made = lineMonths.filter((m) => m.line.kind !== 'release' && within(m.t));
      // Money aside: whether the lines could have made what was made, every expansion ordered as early as allowed.
      const index = new Map(input.lines.map((l, i) => [l, i]));
      const growth = growthOf(input);
      const possible = sum(made.map((m) => reachableCapacity(m.line, growth[index.get(m.line)!]!, m.t)));
      return { value: possible, planned: sum(made.map((m) => m.capacityOnline)), as: 'capacity that could be online (every expansion ordered as early as allowed)' };
    }
    case 'delivered': {
      const delivered = sellers === '*'
        ? sum(plan.needs.filter((n) => ofSystem(n.need.system) && within(n.need.t)).map((n) => n.delivered))
        : sum(lineMonths.filter((m) => within(m.t + m.line.deliveryLagMonths)).map((m) => m.units));
      return { value: delivered, planned: delivered, as: sellers === '*' ? 'delivered, every source' : "delivered from the sellers' lines" };
    }
    case 'spent': {
      const paid = spentIn(plan, actual, ofSystem, ofSeller, within);
      return { value: paid, planned: paid, as: 'paid through the channels' };
    }
  }
  // checkActuals lets no other measure through.
  throw new Error(`unknown measure ${actual.measure}; expected ${Object.keys(MEASURES).join(', ')}`);
}

function spentIn(plan: Plan, actual: ActualRow, ofSystem: (s: string) => boolean, ofSeller: (c: string) => boolean, within: (t: number) => boolean): number {
  const channel = actual.channels;
  const through = (f: Plan['moneyFlows'][number]) =>
    channel === undefined || (channel.startsWith('group:') ? f.channelGroup === channel.slice('group:'.length) : f.channel === channel || f.channel.startsWith(`${channel}:`));
  // A flow's money falls in the months its seller's lines cost money for that product.
  const costs = new Map<string, { inPeriod: number; all: number }>();
  for (const m of plan.lineMonths) {
    const key = `${m.line.country}\u0000${m.line.system}`;
    const c = costs.get(key) ?? { inPeriod: 0, all: 0 };
    c.all += m.costEur;
    if (within(m.t)) c.inPeriod += m.costEur;
    costs.set(key, c);
  }
  let total = 0;
  for (const f of plan.moneyFlows) {
    if (!through(f) || !ofSeller(f.seller) || !ofSystem(f.product) || f.paidEur <= 0) continue;
    const c = costs.get(`${f.seller}\u0000${f.product}`);
    total += c && c.all > 0 ? (f.paidEur * c.inPeriod) / c.all : 0;
  }
  return total;
}

/** The part of the record the model covers: money in scope (the rest buys what the model does not carry). */
export const comparable = (actual: ActualRow) => actual.quantity * (actual.in_scope_share ?? 1);

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
