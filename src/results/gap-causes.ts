import { MONEY_SCALE } from '../model/build-ramp-up-model.js';
import type { PlanInput, PlanLine } from '../scenario/plan-input.js';
import type { GapCause, LineMonth } from './plan.js';
import { bindingMaterial, linesOfProducts } from './read-materials.js';
import { TOLERANCE, type SolutionValues } from './read-values.js';

/** A way a line grows: its own expansion or a capacity option (model.md 2''). */
interface Growth {
  readonly add: number;
  readonly lead: number;
  readonly ramp: number | undefined;
  readonly first: number;
}

/** The ways each line can grow: its own expansion, then its options. */
export function growthOf(input: PlanInput): Growth[][] {
  const out = input.lines.map((line) => [{ add: line.maxCapacityPerMonth - line.capacityPerMonth, lead: line.leadTimeMonths, ramp: line.maxExpansionPerMonth, first: 0 }]);
  for (const o of input.options) out[o.line]!.push({ add: o.addPerMonth, lead: o.leadTimeMonths, ramp: o.maxOrderPerMonth, first: o.firstOrderT });
  return out;
}

/** The most capacity a line can have: its start and everything its options add. */
export function ceilingOf(line: PlanLine, growth: readonly Growth[]): number {
  return line.capacityPerMonth + growth.reduce((a, g) => a + Math.max(0, g.add), 0);
}

/** Most capacity a line could have online in month t (0-based): orders from each option's first order month on, each online after its lead, within its ramp. */
export function reachableCapacity(line: PlanLine, growth: readonly Growth[], t: number): number {
  let capacity = line.capacityPerMonth;
  for (const g of growth) {
    const orderMonths = t - g.lead - g.first + 1; // orders placed in months first..t-lead are online by t
    if (orderMonths > 0 && g.add > 0) capacity += Math.min(g.add, (g.ramp ?? Infinity) * orderMonths);
  }
  return capacity;
}

/**
 * Why a system falls short in month t, by the rules of model.md tried in order: no-producer,
 * no-payer, input, rule, budget, ceiling, lead-time, capacity. A line serves month t with what
 * it makes in month t - delivery lag. Money "left" is money available by then that stays
 * unspent to the end of the horizon: spending it would have closed the gap, so only a
 * financing rule (a channel's cap, a fair or work share) can have stopped it.
 */
export function gapCauses(values: SolutionValues, lineMonths: readonly LineMonth[]): (system: string, t: number) => { cause: GapCause; bindingInput?: string } {
  const { input, index } = values.model;
  const H = input.months.length;
  const lines = linesOfProducts(values);
  const financing = input.financing;
  const budget = input.payers.map((p) => p.budgetEur.reduce((a, v) => a + v, 0));
  const payerOf = new Map(input.payers.map((p, i) => [p.code, i]));
  const growth = growthOf(input);
  const optionCosts = new Uint8Array(input.lines.length);
  for (const o of input.options) if (o.costPerCapacityEur > 0) optionCosts[o.line] = 1;
  const costs = (l: number) => input.lines[l]!.unitCostEur > 0 || input.lines[l]!.expansionCostEur > 0 || optionCosts[l] === 1 || input.lines[l]!.deferralCostEur > 0;
  const releasedLeft = releasesLeft(input, lineMonths);

  /** Payers (indexes) whose money may pay for line l, with the channel each would use (-1: no channel). */
  const payersOf = (l: number): { p: number; k: number }[] => {
    const line = input.lines[l]!;
    if (financing.kind === 'national') return payerOf.has(line.country) ? [{ p: payerOf.get(line.country)!, k: -1 }] : [];
    if (financing.kind === 'pooled') return input.payers.map((_, p) => ({ p, k: -1 }));
    return financing.channels.flatMap((ch, k) => (ch.lines.includes(l) ? [{ p: payerOf.get(ch.payer)!, k }] : []));
  };
  const moneyLeftFrom = (p: number, t: number) => {
    let least = Infinity;
    for (let tau = t; tau < H; tau++) least = Math.min(least, values.value(index.unspent[p * H + tau]!));
    return least !== Infinity && least > 1e-7 * Math.max(1, budget[p]! * MONEY_SCALE);
  };
  // The cap is the program's own bound on the channel's money (EUR millions).
  const capBinds = (k: number) => {
    const row = index.channelCapRow[k]!;
    if (row < 0) return false;
    const cap = values.model.lp.rowUpper[row]!;
    return values.value(index.channelUsed[k]!) >= cap - 1e-7 * Math.max(1, cap);
  };
  const rulesInForce = financing.kind === 'pooled' && (financing.fairShare !== undefined || financing.workShare !== undefined);

  return (system, t) => {
    const own = lines.get(system) ?? [];
    if (own.length === 0) return { cause: 'no-producer' };
    const month = (l: number) => t - input.lines[l]!.deliveryLagMonths;
    const at = (l: number) => lineMonths[l * H + month(l)]!;
    // Output made for the other customers: what they bought, less what waits, plus what is made up.
    const sold = (l: number) => at(l).committed - at(l).deferred + at(l).repaid;
    const unitsLeft = (l: number) => input.lines[l]!.releaseUnits === undefined || releasedLeft[l]! > TOLERANCE * Math.max(1, input.lines[l]!.releaseUnits!);
    const spare = own.filter((l) => month(l) >= 0 && unitsLeft(l) && at(l).capacityOnline - sold(l) - at(l).units > TOLERANCE * Math.max(1, at(l).capacityOnline));
    if (spare.length > 0) {
      const paid = spare.filter((l) => !costs(l) || payersOf(l).some(({ p }) => budget[p]! > 0));
      if (paid.length === 0) return { cause: 'no-payer' };
      const inputs = paid.map((l) => bindingMaterial(values, lineMonths, system, month(l)));
      if (inputs.every((m) => m !== undefined)) return { cause: 'input', bindingInput: inputs[0]! };
      const free = paid.filter((_, i) => inputs[i] === undefined);
      const blocked = free.some((l) =>
        payersOf(l).some(({ p, k }) => moneyLeftFrom(p, month(l)) && (k >= 0 ? capBinds(k) : rulesInForce)),
      );
      return { cause: blocked ? 'rule' : 'budget' };
    }
    const slack = (v: number) => TOLERANCE * Math.max(1, v);
    // Every option used up (a release: every unit released). A line whose output cannot arrive by month t counts as time-bound.
    const atCeiling = (l: number) => {
      const line = input.lines[l]!;
      // Before its first month a release is not open: time-bound, like output that cannot arrive in time.
      if (line.releaseUnits !== undefined) return month(l) >= line.firstT && !unitsLeft(l);
      const ceiling = ceilingOf(line, growth[l]!);
      return at(l).capacityOnline >= ceiling - slack(ceiling);
    };
    const belowCeiling = own.filter((l) => month(l) < 0 || !atCeiling(l));
    if (belowCeiling.length === 0) return { cause: 'ceiling' };
    // Nothing more could be online by then: no option ordered from its first order month comes online in time (a release: not yet open).
    const timeBound = (l: number) => {
      const line = input.lines[l]!;
      if (month(l) < 0) return true;
      if (line.releaseUnits !== undefined) return month(l) < line.firstT;
      return at(l).capacityOnline >= reachableCapacity(line, growth[l]!, month(l)) - slack(at(l).capacityOnline);
    };
    if (belowCeiling.every(timeBound)) return { cause: 'lead-time' };
    return { cause: 'capacity' };
  };
}

/** A stock release's units left at the end of the horizon (model.md 2s: its ceiling is its units); 0 for other lines. */
function releasesLeft(input: SolutionValues['model']['input'], lineMonths: readonly LineMonth[]): number[] {
  const H = input.months.length;
  return input.lines.map((line, l) => {
    if (line.releaseUnits === undefined) return 0;
    let released = 0;
    for (let t = 0; t < H; t++) released += lineMonths[l * H + t]!.units;
    return line.releaseUnits - released;
  });
}
