import type { PlanInput } from '../scenario/plan-input.js';
import { LinearProgramBuilder } from './linear-program.js';
import { MONEY_SCALE, type ModelIndex, type ModelOptions } from './ramp-up-model.js';

/** What every define* step of the builder shares: the input, the growing program, the index. */
export interface ModelContext {
  readonly input: PlanInput;
  readonly options: ModelOptions;
  readonly b: LinearProgramBuilder;
  /** Months in the horizon. */
  readonly H: number;
  readonly index: ModelIndex;
  readonly activeLine: Uint8Array;
  readonly systemIndex: ReadonlyMap<string, number>;
  readonly countryIndex: ReadonlyMap<string, number>;
  /** [column, EUR millions per unit] pairs of the stage-2 objective, added as columns are made. */
  readonly costs: number[];
}

export function createModelContext(input: PlanInput, options: ModelOptions): ModelContext {
  const H = input.months.length;
  const L = input.lines.length;
  const S = input.systems.length;
  const C = input.countries.length;
  const countryIndex = new Map(input.countries.map((c, i) => [c.code, i]));
  // A line is in the model when its system is needed and its country takes part.
  const neededSystems = new Set(input.needs.map((n) => n.system));
  const activeLine = Uint8Array.from(input.lines, (l) => (neededSystems.has(l.system) && countryIndex.has(l.country) ? 1 : 0));
  return {
    input,
    options,
    b: new LinearProgramBuilder(),
    H,
    index: {
      produce: new Int32Array(L * H).fill(-1),
      order: new Int32Array(L * H).fill(-1),
      online: new Int32Array(L * H).fill(-1),
      deliver: new Int32Array(input.needs.length).fill(-1),
      stock: new Int32Array(S * H).fill(-1),
      pay: new Int32Array(C * H).fill(-1),
      budgetRow: new Int32Array(C * H).fill(-1),
      topUp: new Int32Array(C * H).fill(-1),
    },
    activeLine,
    systemIndex: new Map(input.systems.map((s, i) => [s.code, i])),
    countryIndex,
    costs: [],
  };
}

/** The active lines of each country, in line order. */
export function linesByCountry(m: ModelContext): number[][] {
  const out = m.input.countries.map(() => [] as number[]);
  m.input.lines.forEach((line, l) => {
    if (m.activeLine[l]) out[m.countryIndex.get(line.country)!]!.push(l);
  });
  return out;
}

/** Adds the spending (EUR millions) of `lines` in month t to the open row. */
export function spendingEntries(m: ModelContext, lines: readonly number[], t: number, sign: number): void {
  for (const l of lines) {
    const line = m.input.lines[l]!;
    m.b.entry(m.index.produce[l * m.H + t]!, sign * line.unitCostEur * MONEY_SCALE);
    const ordered = m.index.order[l * m.H + t]!;
    if (ordered >= 0) m.b.entry(ordered, sign * line.expansionCostEur * MONEY_SCALE);
  }
}
