import { MONEY_SCALE, type RampUpModel } from '../model/build-ramp-up-model.js';
import type { LexicographicSolution } from '../solve/solve-lexicographic.js';
import type { PlanLine } from '../scenario/plan-input.js';
import type { CountryResult, GapCause, LineMonth, NeedResult, Plan } from './plan.js';

/** Solver noise below this (relative to the quantity's scale) is read as zero. */
const TOLERANCE = 1e-6;

export function clean(value: number): number {
  return Math.abs(value) < 1e-9 ? 0 : value;
}

/** Reads the stage-2 solution (and stage-1 duals) back into lines, needs and countries. */
export function readPlan(model: RampUpModel, solution: LexicographicSolution): Plan {
  const { input, index } = model;
  const H = input.months.length;
  const x = solution.cost.columnValues;
  const value = (j: number) => (j >= 0 ? clean(x[j]!) : 0);

  const lineMonths: LineMonth[] = [];
  input.lines.forEach((line, l) => {
    for (let t = 0; t < H; t++) {
      const units = value(index.produce[l * H + t]!);
      const ordered = value(index.order[l * H + t]!);
      const online = index.online[l * H + t]! >= 0 ? value(index.online[l * H + t]!) : line.capacityPerMonth;
      lineMonths.push({
        line,
        t,
        units,
        ordered,
        capacityOnline: online,
        costEur: units * line.unitCostEur + ordered * line.expansionCostEur,
      });
    }
  });

  const linesBySystem = new Map<string, number[]>();
  input.lines.forEach((line, l) => {
    if (!model.activeLine[l]) return;
    const list = linesBySystem.get(line.system) ?? [];
    list.push(l);
    linesBySystem.set(line.system, list);
  });

  // Per system and month: output and deliveries, to split deliveries into fresh and from stock.
  const produced = new Map<string, number>();
  const delivered = new Map<string, number>();
  const key = (system: string, t: number) => `${system}\u0000${t}`;
  for (const lm of lineMonths) produced.set(key(lm.line.system, lm.t), (produced.get(key(lm.line.system, lm.t)) ?? 0) + lm.units);
  input.needs.forEach((need, k) => {
    delivered.set(key(need.system, need.t), (delivered.get(key(need.system, need.t)) ?? 0) + value(index.deliver[k]!));
  });

  const needs: NeedResult[] = input.needs.map((need, k) => {
    const y = Math.min(need.quantity, value(index.deliver[k]!));
    const shortfall = clean(need.quantity - y) > TOLERANCE * Math.max(1, need.quantity) ? need.quantity - y : 0;
    const total = delivered.get(key(need.system, need.t)) ?? 0;
    const drawn = Math.max(0, total - (produced.get(key(need.system, need.t)) ?? 0));
    return {
      need,
      delivered: shortfall === 0 ? need.quantity : y,
      fromStock: total > 0 ? clean((drawn * y) / total) : 0,
      shortfall,
      cause: shortfall > 0 ? gapCause(linesBySystem.get(need.system) ?? [], need.t) : undefined,
    };
  });

  const countries = readCountries();
  return {
    input,
    lineMonths,
    needs,
    countries,
    // model.md's optimum (stage 1). The gaps of the stage-2 plan add up to it within the
    // stage-2 slack (1e-9 relative + 1e-6 absolute), invisible at the reports' 3 decimals.
    weightedShortfall: clean(solution.shortfall.objective),
    totalCostEur: clean(solution.cost.objective / MONEY_SCALE),
  };

  /** model.md's rules, checked in this order; see the README's "Why a gap" section. */
  function gapCause(lines: readonly number[], t: number): GapCause {
    if (lines.length === 0) return 'no-producer';
    const at = (l: number) => lineMonths[l * H + t]!;
    const slack = (v: number) => TOLERANCE * Math.max(1, v);
    if (lines.some((l) => at(l).capacityOnline - at(l).units > slack(at(l).capacityOnline))) return 'budget';
    const belowCeiling = lines.filter((l) => at(l).capacityOnline < input.lines[l]!.maxCapacityPerMonth - slack(input.lines[l]!.maxCapacityPerMonth));
    if (belowCeiling.length === 0) return 'ceiling';
    if (belowCeiling.every((l) => at(l).capacityOnline >= reachableCapacity(input.lines[l]!, t) - slack(at(l).capacityOnline))) return 'lead-time';
    return 'capacity';
  }

  function readCountries(): CountryResult[] {
    const duals = solution.shortfall.rowDuals;
    const payerGdp = input.countries.filter((c) => c.budgetEur.some((v) => v > 0)).reduce((a, c) => a + c.gdpEur, 0);
    const spent = new Map<string, number>();
    for (const lm of lineMonths) spent.set(lm.line.country, (spent.get(lm.line.country) ?? 0) + lm.costEur);
    return input.countries.map((country, c) => {
      const budgetEur = country.budgetEur.reduce((a, v) => a + v, 0);
      let paidEur = spent.get(country.code) ?? 0;
      if (input.financing.kind === 'pooled') {
        paidEur = 0;
        for (let t = 0; t < H; t++) paidEur += value(index.pay[c * H + t]!) / MONEY_SCALE;
      }
      let marginal: number | undefined;
      if (duals) {
        // Extra money given in proportion to the monthly budgets (as a +x % budget_scale would).
        let weighted = 0;
        for (let t = 0; t < H; t++) {
          const row = index.budgetRow[c * H + t]!;
          const dual = row >= 0 ? duals[row]! : 0;
          weighted += budgetEur > 0 ? (-dual * country.budgetEur[t]!) / budgetEur : t === 0 ? -dual : 0;
        }
        marginal = clean(weighted);
      }
      return {
        code: country.code,
        name: country.name,
        gdpEur: country.gdpEur,
        gdpShare: budgetEur > 0 && payerGdp > 0 ? country.gdpEur / payerGdp : undefined,
        budgetEur,
        spentOnOwnLinesEur: clean(spent.get(country.code) ?? 0),
        paidEur: clean(paidEur),
        marginalValuePerMillion: marginal,
      };
    });
  }
}

/** Most capacity line `l` could have online in month t (0-based) given lead time and ramp limit. */
export function reachableCapacity(line: PlanLine, t: number): number {
  const orderMonths = t - line.leadTimeMonths + 1; // orders placed in months 0..t-lead are online by t
  if (orderMonths <= 0) return line.capacityPerMonth;
  const ramp = line.maxExpansionPerMonth ?? Infinity;
  return Math.min(line.maxCapacityPerMonth, line.capacityPerMonth + ramp * orderMonths);
}
