import type { PlanLine } from '../scenario/plan-input.js';
import { OWN_EXPANSION, type LineMonth, type OptionOrder } from './plan.js';
import { clean, TOLERANCE, type SolutionValues } from './read-values.js';

/** Each line in each month: output, cost (model.md 5''), orders, capacity online, output sold, waiting and obliged. */
export function readLineMonths(values: SolutionValues): LineMonth[] {
  const { input, index, lineCosts } = values.model;
  const { value } = values;
  const H = input.months.length;
  const orderedThrough = orderedByLineMonth(values);
  const out: LineMonth[] = [];
  input.lines.forEach((line, l) => {
    for (let t = 0; t < H; t++) {
      const k = l * H + t;
      const terms = lineCosts[k] ?? [];
      let costEur = 0;
      for (let e = 0; e < terms.length; e += 2) costEur += value(terms[e]!) * terms[e + 1]!;
      const owed = value(index.owed[k]!);
      const change = owed - (t > 0 ? value(index.owed[k - 1]!) : 0);
      out.push({
        line,
        t,
        units: value(index.produce[k]!),
        ordered: orderedThrough[k]!,
        capacityOnline: index.online[k]! >= 0 ? value(index.online[k]!) : capacityWithoutGrowth(line, t),
        committed: line.committed[t]!,
        costEur: terms.length > 0 ? costEur : 0,
        deferred: clean(Math.max(0, change)),
        repaid: clean(Math.max(0, -change)),
        owed,
        contracted: value(index.contracted[k]!),
      });
    }
  });
  return out;
}

/** A line that cannot grow has its starting capacity, a stock release its monthly limit from its first month. */
function capacityWithoutGrowth(line: PlanLine, t: number): number {
  return t < line.firstT ? 0 : line.capacityPerMonth;
}

/** [line * H + t] capacity ordered in the month through every option of the line, its own expansion included. */
function orderedByLineMonth(values: SolutionValues): Float64Array {
  const { input, index } = values.model;
  const H = input.months.length;
  const out = new Float64Array(input.lines.length * H);
  for (let k = 0; k < out.length; k++) out[k] = values.value(index.order[k]!);
  input.options.forEach((o, i) => {
    for (let t = 0; t < H; t++) out[o.line * H + t]! += values.value(index.optionOrder[i * H + t]!);
  });
  return out;
}

/** Every order of capacity, per line, option (the line's own expansion first) and month. */
export function readOrders(values: SolutionValues): OptionOrder[] {
  const { input, index } = values.model;
  const H = input.months.length;
  const out: OptionOrder[] = [];
  const add = (line: PlanLine, option: string, t: number, ordered: number, lead: number, costEur: number, offtake: number) => {
    if (ordered > TOLERANCE) out.push({ line, option, t, ordered, onlineFromT: t + lead, costEur: ordered * costEur, offtakeUnits: ordered * offtake });
  };
  const optionsOf = input.lines.map(() => [] as number[]);
  input.options.forEach((o, i) => optionsOf[o.line]!.push(i));
  input.lines.forEach((line, l) => {
    for (let t = 0; t < H; t++) add(line, OWN_EXPANSION, t, values.value(index.order[l * H + t]!), line.leadTimeMonths, line.expansionCostEur, 0);
    for (const i of optionsOf[l]!) {
      const o = input.options[i]!;
      for (let t = 0; t < H; t++) add(line, o.id, t, values.value(index.optionOrder[i * H + t]!), o.leadTimeMonths, o.costPerCapacityEur, o.offtakeMonths);
    }
  });
  return out;
}
