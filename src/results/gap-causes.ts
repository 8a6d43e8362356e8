import { MONEY_SCALE } from '../model/build-ramp-up-model.js';
import type { PlanLine } from '../scenario/plan-input.js';
import type { GapCause, LineMonth } from './plan.js';
import { bindingMaterial, linesOfProducts } from './read-materials.js';
import { TOLERANCE, type SolutionValues } from './read-values.js';

/** Most capacity line `l` could have online in month t (0-based) given lead time and ramp limit. */
export function reachableCapacity(line: PlanLine, t: number): number {
  const orderMonths = t - line.leadTimeMonths + 1; // orders placed in months 0..t-lead are online by t
  if (orderMonths <= 0) return line.capacityPerMonth;
  const ramp = line.maxExpansionPerMonth ?? Infinity;
  return Math.min(line.maxCapacityPerMonth, line.capacityPerMonth + ramp * orderMonths);
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
  const costs = (l: number) => input.lines[l]!.unitCostEur > 0 || input.lines[l]!.expansionCostEur > 0;

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
    const spare = own.filter((l) => month(l) >= 0 && at(l).capacityOnline - at(l).committed - at(l).units > TOLERANCE * Math.max(1, at(l).capacityOnline));
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
    // A line whose output cannot arrive by month t counts as time-bound.
    const belowCeiling = own.filter((l) => month(l) < 0 || at(l).capacityOnline < input.lines[l]!.maxCapacityPerMonth - slack(input.lines[l]!.maxCapacityPerMonth));
    if (belowCeiling.length === 0) return { cause: 'ceiling' };
    if (belowCeiling.every((l) => month(l) < 0 || at(l).capacityOnline >= reachableCapacity(input.lines[l]!, month(l)) - slack(at(l).capacityOnline))) return { cause: 'lead-time' };
    return { cause: 'capacity' };
  };
}
