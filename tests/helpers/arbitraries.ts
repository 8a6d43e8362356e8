import fc from 'fast-check';
import type { DataFiles } from '../../src/inputs/parse-data-folder.js';
import { csv, files, months as monthNames } from './data-builder.js';

/**
 * fast-check arbitraries of small, valid data folders. A draw is a plain `DataSpec` (what
 * fast-check prints as the counterexample, readable by a person); `dataFilesOf` turns it
 * into the in-memory files that `loadDataSet` takes. Every field is drawn so that any value
 * and any shrink of it stays valid: references are indices taken modulo the counts.
 */

export const COUNTRY_CODES = ['DE', 'FR', 'PL', 'IT', 'SE'] as const;
export const FIRST_MONTH = '2026-01';
/** The second recipient, besides the default `UA`. */
export const SECOND_RECIPIENT = 'EF';

export interface SpecCountry {
  readonly code: string;
  readonly gdpEur: number;
  readonly group: string | undefined;
}

export interface SpecSystem {
  readonly code: string;
  readonly category: string;
  /** Weight of one unit short, 0.1 to 1000. */
  readonly priority: number;
}

export interface SpecLine {
  readonly country: string;
  readonly system: string;
  readonly producer: string;
  readonly cap0: number;
  readonly capmax: number;
  /** Most capacity ordered in a month; undefined = no limit (column left empty). */
  readonly ramp: number | undefined;
  readonly lead: number;
  readonly unitEur: number;
  readonly xcostEur: number;
}

export interface SpecNeed {
  readonly system: string;
  readonly recipient: string;
  /** Month index from FIRST_MONTH, 0-based. */
  readonly t: number;
  readonly quantity: number;
  /** Overrides the system's priority when set. */
  readonly priority: number | undefined;
}

export interface SpecBudget {
  readonly country: string;
  /** Month index from FIRST_MONTH; undefined = a whole-year row for 2026 (spread over 12 months). */
  readonly t: number | undefined;
  readonly budgetEur: number;
}

/** A valid data folder, in the terms of model.md. */
export interface DataSpec {
  readonly months: number;
  readonly countries: readonly SpecCountry[];
  readonly systems: readonly SpecSystem[];
  readonly lines: readonly SpecLine[];
  readonly needs: readonly SpecNeed[];
  readonly budgets: readonly SpecBudget[];
  /** Opening stock per system; undefined = no stocks.csv. */
  readonly stocks: Readonly<Record<string, number>> | undefined;
}

export interface DataSpecLimits {
  readonly minCountries: number;
  readonly maxCountries: number;
  readonly maxSystems: number;
  readonly minMonths: number;
  readonly maxMonths: number;
  readonly maxLines: number;
}

/** The brief's sizes: 2-5 countries, 1-4 systems, 2-8 months, 1-8 lines. */
export const DEFAULT_LIMITS: DataSpecLimits = { minCountries: 2, maxCountries: 5, maxSystems: 4, minMonths: 2, maxMonths: 8, maxLines: 8 };

/** Small enough for javascript-lp-solver to finish well under a second. */
export const SMALL_LIMITS: DataSpecLimits = { minCountries: 2, maxCountries: 3, maxSystems: 2, minMonths: 2, maxMonths: 5, maxLines: 4 };

/** 10^(k/10) to two significant digits: log-uniform from 0.1 (k = -10) to 1000 (k = 30). */
const logUniform = (minK: number, maxK: number) => fc.integer({ min: minK, max: maxK }).map((k) => Number((10 ** (k / 10)).toPrecision(2)));

const priorityArb = logUniform(-10, 30);

const lineArb = fc.record({
  country: fc.nat(),
  system: fc.nat(),
  cap0: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
  /** Added to cap0 for the ceiling; 0 = a line that cannot grow. */
  growth: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
  ramp: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  lead: fc.integer({ min: 0, max: 4 }),
  /** Unit price 10 EUR to 1 million EUR. */
  unitEur: logUniform(10, 60),
  /** Expansion cost per unit/month of capacity, as a multiple of the unit price (0 = free). */
  xcostFactor: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })),
});

/** How much money a country has, relative to what its share of the need would cost. */
const budgetLevelArb = fc.constantFrom(0, 0.05, 0.2, 0.5, 1, 3, 1000);

const rawSpecArb = (limits: DataSpecLimits) =>
  fc.record({
    countryCount: fc.integer({ min: limits.minCountries, max: limits.maxCountries }),
    systemCount: fc.integer({ min: 1, max: limits.maxSystems }),
    months: fc.integer({ min: limits.minMonths, max: limits.maxMonths }),
    gdp: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: limits.maxCountries, maxLength: limits.maxCountries }),
    groups: fc.array(fc.option(fc.constantFrom('core', 'flank'), { nil: undefined }), { minLength: limits.maxCountries, maxLength: limits.maxCountries }),
    priorities: fc.array(priorityArb, { minLength: limits.maxSystems, maxLength: limits.maxSystems }),
    lines: fc.array(lineArb, { minLength: 1, maxLength: limits.maxLines }),
    /** Need per system and month (rows of maxMonths, cut to the horizon); 0 is a valid need. */
    needs: fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 })), { minLength: limits.maxMonths, maxLength: limits.maxMonths }), {
      minLength: limits.maxSystems,
      maxLength: limits.maxSystems,
    }),
    /** Systems (beyond the first) with no need rows at all: their lines are idle. */
    unneeded: fc.array(fc.boolean(), { minLength: limits.maxSystems, maxLength: limits.maxSystems }),
    secondRecipient: fc.option(
      fc.record({
        share: fc.constantFrom(0.25, 0.5, 1, 2),
        priority: fc.option(priorityArb, { nil: undefined }),
      }),
      { nil: undefined, freq: 1 },
    ),
    budgetLevels: fc.array(budgetLevelArb, { minLength: limits.maxCountries, maxLength: limits.maxCountries }),
    /** Month-to-month variation of each budget, in halves (0 to 2 times the level). */
    budgetShape: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: limits.maxMonths, maxLength: limits.maxMonths }),
    annualBudget: fc.array(fc.boolean(), { minLength: limits.maxCountries, maxLength: limits.maxCountries }),
    stocks: fc.option(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: limits.maxSystems, maxLength: limits.maxSystems }), { nil: undefined, freq: 1 }),
  });

type RawSpec = ReturnType<typeof rawSpecArb> extends fc.Arbitrary<infer T> ? T : never;

function buildSpec(raw: RawSpec): DataSpec {
  const countries: SpecCountry[] = COUNTRY_CODES.slice(0, raw.countryCount).map((code, c) => ({
    code,
    gdpEur: raw.gdp[c]! * 1e9,
    group: raw.groups[c],
  }));
  const systems: SpecSystem[] = Array.from({ length: raw.systemCount }, (_, s) => ({
    code: `sys-${s + 1}`,
    category: s % 2 === 0 ? 'ammunition' : 'air-defence',
    priority: raw.priorities[s]!,
  }));
  const lines: SpecLine[] = raw.lines.map((l, i) => ({
    country: countries[l.country % countries.length]!.code,
    system: systems[l.system % systems.length]!.code,
    producer: `P${i + 1}`,
    cap0: l.cap0,
    capmax: l.cap0 + l.growth,
    ramp: l.ramp,
    lead: l.lead,
    unitEur: l.unitEur,
    xcostEur: l.unitEur * l.xcostFactor,
  }));
  const needs: SpecNeed[] = [];
  systems.forEach((system, s) => {
    if (s > 0 && raw.unneeded[s]) return;
    for (let t = 0; t < raw.months; t++) {
      const quantity = raw.needs[s]![t]!;
      needs.push({ system: system.code, recipient: 'UA', t, quantity, priority: undefined });
      if (raw.secondRecipient) {
        needs.push({
          system: system.code,
          recipient: SECOND_RECIPIENT,
          t,
          quantity: Math.round(quantity * raw.secondRecipient.share),
          priority: raw.secondRecipient.priority,
        });
      }
    }
  });
  // What the whole need would cost per month at the mean unit price of its lines.
  let monthlyNeedCost = 0;
  for (const system of systems) {
    const own = lines.filter((l) => l.system === system.code);
    if (own.length === 0) continue;
    const meanUnit = own.reduce((a, l) => a + l.unitEur, 0) / own.length;
    const need = needs.filter((n) => n.system === system.code).reduce((a, n) => a + n.quantity, 0);
    monthlyNeedCost += (meanUnit * need) / raw.months;
  }
  const budgets: SpecBudget[] = [];
  countries.forEach((country, c) => {
    const level = (raw.budgetLevels[c]! * monthlyNeedCost) / countries.length;
    if (raw.annualBudget[c]) {
      budgets.push({ country: country.code, t: undefined, budgetEur: Math.round(12 * level) });
      return;
    }
    for (let t = 0; t < raw.months; t++) budgets.push({ country: country.code, t, budgetEur: Math.round((level * raw.budgetShape[t]!) / 2) });
  });
  const stocks = raw.stocks ? Object.fromEntries(systems.map((s, i) => [s.code, raw.stocks![i]!])) : undefined;
  return { months: raw.months, countries, systems, lines, needs, budgets, stocks };
}

/** A random valid data folder as a readable spec. */
export function dataSpecArb(limits: DataSpecLimits = DEFAULT_LIMITS): fc.Arbitrary<DataSpec> {
  return rawSpecArb(limits).map(buildSpec);
}

/** A random valid data folder as the files loadDataSet takes. */
export function validDataFolderArb(limits: DataSpecLimits = DEFAULT_LIMITS): fc.Arbitrary<DataFiles> {
  return dataSpecArb(limits).map(dataFilesOf);
}

/** Month name of index t from FIRST_MONTH. */
export function monthOf(t: number): string {
  return monthNames(FIRST_MONTH, t + 1)[t]!;
}

/** Budget of each country per month of the horizon, EUR (a year row spread evenly, as contract.md says). */
export function monthlyBudgets(spec: DataSpec): Map<string, number[]> {
  const out = new Map(spec.countries.map((c) => [c.code, new Array<number>(spec.months).fill(0)]));
  for (const b of spec.budgets) {
    const row = out.get(b.country)!;
    if (b.t === undefined) for (let t = 0; t < spec.months; t++) row[t]! += b.budgetEur / 12;
    else row[b.t]! += b.budgetEur;
  }
  return out;
}

/** The CSV files of a spec. */
export function dataFilesOf(spec: DataSpec): DataFiles {
  const texts: Record<string, string> = {
    'countries.csv': csv(['country', 'name', 'gdp_eur', 'group'], spec.countries.map((c) => [c.code, `Country ${c.code}`, c.gdpEur, c.group])),
    'systems.csv': csv(['system', 'name', 'category', 'unit', 'priority'], spec.systems.map((s) => [s.code, `System ${s.code}`, s.category, 'unit', s.priority])),
    'capacity.csv': csv(
      ['country', 'system', 'producer', 'capacity_per_month', 'max_capacity_per_month', 'max_expansion_per_month', 'lead_time_months', 'unit_cost_eur', 'expansion_cost_eur'],
      spec.lines.map((l) => [l.country, l.system, l.producer, l.cap0, l.capmax, l.ramp, l.lead, l.unitEur, l.xcostEur]),
    ),
    'needs.csv': csv(['system', 'period', 'quantity', 'recipient', 'priority'], spec.needs.map((n) => [n.system, monthOf(n.t), n.quantity, n.recipient, n.priority])),
    'budgets.csv': csv(['country', 'period', 'budget_eur'], spec.budgets.map((b) => [b.country, b.t === undefined ? FIRST_MONTH.slice(0, 4) : monthOf(b.t), b.budgetEur])),
  };
  if (spec.stocks) texts['stocks.csv'] = csv(['system', 'quantity'], Object.entries(spec.stocks));
  return files(texts);
}
