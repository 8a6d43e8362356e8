import type { PlanInput } from '../scenario/plan-input.js';
import { emptyFamilyIndex } from './families.js';
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
  readonly materialIndex: ReadonlyMap<string, number>;
  readonly payerIndex: ReadonlyMap<string, number>;
  /** [column, EUR millions per unit] pairs of the lines' cost, added as columns are made. */
  readonly costs: number[];
  /** [column, EUR millions per unit] pairs of the money payers spend (the stage-2 objective). */
  readonly money: number[];
  /** [line * H + t] the line's cost in the month as [column, EUR per unit] pairs (model.md 5''), one pair per column. */
  readonly lineCosts: (readonly number[] | undefined)[];
}

export function createModelContext(input: PlanInput, options: ModelOptions): ModelContext {
  const H = input.months.length;
  const L = input.lines.length;
  const S = input.systems.length;
  const M = input.materials.length;
  const P = input.payers.length;
  const C = input.financing.kind === 'channels' ? input.financing.channels.length : 0;
  return {
    input,
    options,
    b: new LinearProgramBuilder(),
    H,
    index: { ...emptyFamilyIndex({ months: H, lines: L, needs: input.needs.length, systems: S, materials: M, payers: P, channels: C, options: input.options.length }), flows: [] },
    activeLine: activeLines(input),
    systemIndex: new Map(input.systems.map((s, i) => [s.code, i])),
    materialIndex: new Map(input.materials.map((m, i) => [m.code, i])),
    payerIndex: new Map(input.payers.map((p, i) => [p.code, i])),
    costs: [],
    money: [],
    lineCosts: new Array(L * H),
  };
}

/**
 * A line is in the model when its country takes part and its product is needed: a system
 * with a need in the horizon, or a material such a product consumes (through others too).
 */
export function activeLines(input: PlanInput): Uint8Array {
  const countries = new Set(input.countries.map((c) => c.code));
  const wanted = new Set(input.needs.map((n) => n.system));
  const made = new Set(input.lines.filter((l) => countries.has(l.country)).map((l) => l.system));
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of input.bom) {
      if (wanted.has(e.product) && made.has(e.product) && !wanted.has(e.material)) {
        wanted.add(e.material);
        grew = true;
      }
    }
  }
  return Uint8Array.from(input.lines, (l) => (wanted.has(l.system) && countries.has(l.country) ? 1 : 0));
}

/** The active lines of each payer that is a country, in line order ([] for funds). */
export function linesByPayer(m: ModelContext): number[][] {
  const out = m.input.payers.map(() => [] as number[]);
  m.input.lines.forEach((line, l) => {
    const p = m.payerIndex.get(line.country);
    if (m.activeLine[l] && p !== undefined) out[p]!.push(l);
  });
  return out;
}

/** Adds `factor` x the cost (EUR millions) of `lines` in month t to the open row. */
export function spendingEntries(m: ModelContext, lines: readonly number[], t: number, factor: number): void {
  for (const l of lines) {
    const terms = m.lineCosts[l * m.H + t]!;
    for (let k = 0; k < terms.length; k += 2) m.b.entry(terms[k]!, factor * terms[k + 1]! * MONEY_SCALE);
  }
}

/** Adds `factor` x the cost of `lines` in month t to the money objective. */
export function spendingMoney(m: ModelContext, lines: readonly number[], t: number, factor: number): void {
  for (const l of lines) {
    const terms = m.lineCosts[l * m.H + t]!;
    for (let k = 0; k < terms.length; k += 2) m.money.push(terms[k]!, factor * terms[k + 1]! * MONEY_SCALE);
  }
}
