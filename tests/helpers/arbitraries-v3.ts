import fc from 'fast-check';
import type { DataFiles } from '../../src/inputs/parse-data-folder.js';
import { DEFAULT_LIMITS, monthOf, type DataSpecLimits } from './arbitraries.js';
import { v2FilesOf, v2SpecArb, type V2Spec } from './arbitraries-v2.js';
import { csv, files } from './data-builder.js';

/**
 * Random valid folders with the version-3 files and columns (model.md "Version 3",
 * contract.md "Version 3 additions"): capacity options, candidate plants, stock releases and
 * places in the queue, as a readable spec on top of a version-2 spec. As in arbitraries.ts,
 * every draw and every shrink is valid by construction: references are indices taken modulo
 * the counts, and keys that could repeat are deduplicated.
 */

/** A line as capacity.csv names it: (country, system or material, producer). */
export interface V3LineKey {
  readonly country: string;
  readonly system: string;
  readonly producer: string;
}

/** One row of options.csv: a way to add capacity to a line beyond its own expansion columns. */
export interface V3Option {
  /** The line it adds to: a line of the base spec, a material line or a candidate. */
  readonly line: V3LineKey;
  /** Unique per line, a slug (`opt-a`). */
  readonly id: string;
  /** `add[o]`: most capacity the option adds over the horizon, units/month. */
  readonly addPerMonth: number;
  /** `ocost[o]`: EUR per unit/month of capacity. */
  readonly costEurPerCapacity: number;
  /** `olead[o]`: months from ordering to producing with it. */
  readonly lead: number;
  /** `oramp[o]`: most capacity ordered in one month, units/month; undefined = no limit. */
  readonly maxOrderPerMonth: number | undefined;
  /** `ofrom[o]`: month index (0-based from FIRST_MONTH) of the first order; undefined = the first month. */
  readonly firstOrderMonth: number | undefined;
  /** `offtake[o]`: take-or-pay months after it comes online; 0 = none. */
  readonly offtakeMonths: number;
}

/** A plant that could be built: a line with no capacity (`status = candidate`) whose capacity comes only from options. */
export interface V3Candidate {
  readonly country: string;
  readonly system: string;
  /** `N1`, `N2`, ...: never a producer of the base spec. */
  readonly producer: string;
  readonly unitEur: number;
  /** Delivery lag, months. */
  readonly lag: number;
}

/** One row of inventories.csv: a stock release, a line of `system` sold by `holder`. */
export interface V3Inventory {
  readonly holder: string;
  readonly system: string;
  /** Units that can be released over the horizon. */
  readonly units: number;
  /** At most this many units a month (`<= units`). */
  readonly maxPerMonth: number;
  /** Month index of the first release; undefined = the first month (column left empty). */
  readonly firstMonth: number | undefined;
  /** What replacing one unit costs the holder, EUR. */
  readonly unitEur: number;
  /** Delivery lag, months. */
  readonly lag: number;
}

/** The deferral columns of a line's commitments: the same share every month. */
export interface V3Deferral {
  /** `dshare[l,t]`: share of the committed output its customers would let wait, in (0, 1]. */
  readonly share: number;
  /** `dcost[l]`: premium per unit and month a deferred unit waits, EUR (> 0). */
  readonly costEurPerUnitMonth: number;
}

/** A version-2 spec plus the version-3 parts; with all of them empty it is the version-2 folder. */
export interface V3Spec extends V2Spec {
  readonly candidates: readonly V3Candidate[];
  readonly options: readonly V3Option[];
  readonly inventories: readonly V3Inventory[];
  /** [base line index] deferral of the line's committed output; undefined = not deferrable (only lines with `committed > 0` have one). */
  readonly deferrals: readonly (V3Deferral | undefined)[];
}

export interface V3SpecLimits extends DataSpecLimits {
  readonly maxCandidates: number;
  /** Options of existing lines (base and material lines), in all; candidates draw their own 1..maxOptionsPerLine. */
  readonly maxExtraOptions: number;
  readonly maxOptionsPerLine: number;
  readonly maxInventories: number;
}

/** At most 8 months, 6 base lines plus 2 candidates, 3 options a line: an LP solves in milliseconds. */
export const V3_LIMITS: V3SpecLimits = { ...DEFAULT_LIMITS, maxLines: 6, maxCandidates: 2, maxExtraOptions: 4, maxOptionsPerLine: 3, maxInventories: 2 };

/** 10^(k/10) to two significant digits (as arbitraries.ts draws prices). */
const logUniform = (minK: number, maxK: number) => fc.integer({ min: minK, max: maxK }).map((k) => Number((10 ** (k / 10)).toPrecision(2)));

const optionArb = fc.record({
  /** Host line, modulo the lines it may go to. */
  line: fc.nat(),
  addPerMonth: fc.integer({ min: 1, max: 200 }),
  /** Cost per unit/month of capacity as a multiple of the host's unit price (0 = free). */
  costFactor: fc.constantFrom(0, 1, 5, 20, 50),
  lead: fc.integer({ min: 0, max: 3 }),
  maxOrderPerMonth: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  firstOrderMonth: fc.option(fc.nat(), { nil: undefined }),
  offtakeMonths: fc.constantFrom(0, 0, 0, 1, 2, 3, 4),
});

const extrasArb = (limits: V3SpecLimits) =>
  fc.record({
    candidates: fc.array(
      fc.record({
        country: fc.nat(),
        system: fc.nat(),
        unitEur: logUniform(10, 60),
        lag: fc.integer({ min: 0, max: 2 }),
        options: fc.array(optionArb, { minLength: 1, maxLength: limits.maxOptionsPerLine }),
      }),
      { minLength: 0, maxLength: limits.maxCandidates },
    ),
    options: fc.array(optionArb, { minLength: 0, maxLength: limits.maxExtraOptions }),
    inventories: fc.array(
      fc.record({
        holder: fc.nat(),
        system: fc.nat(),
        units: fc.integer({ min: 1, max: 500 }),
        monthlyShare: fc.constantFrom(0.1, 0.25, 0.5, 1),
        firstMonth: fc.option(fc.nat(), { nil: undefined }),
        unitEur: logUniform(10, 60),
        lag: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 0, maxLength: limits.maxInventories },
    ),
    deferrals: fc.array(
      fc.option(fc.record({ share: fc.constantFrom(0.25, 0.5, 1), costFactor: fc.constantFrom(0.01, 0.1, 1) }), { nil: undefined, freq: 2 }),
      { minLength: limits.maxLines, maxLength: limits.maxLines },
    ),
  });

type RawOption = typeof optionArb extends fc.Arbitrary<infer T> ? T : never;

/** Random valid version-3 folders as readable specs. */
export function v3SpecArb(limits: V3SpecLimits = V3_LIMITS): fc.Arbitrary<V3Spec> {
  return fc.tuple(v2SpecArb(limits), extrasArb(limits)).map(([v2, x]) => {
    const { base } = v2;
    const H = base.months;
    const option = (line: V3LineKey, unitEur: number, o: RawOption, k: number): V3Option => ({
      line,
      id: `opt-${String.fromCharCode(97 + k)}`,
      addPerMonth: o.addPerMonth,
      costEurPerCapacity: Number((o.costFactor * unitEur).toPrecision(2)),
      lead: o.lead,
      maxOrderPerMonth: o.maxOrderPerMonth,
      firstOrderMonth: o.firstOrderMonth === undefined ? undefined : o.firstOrderMonth % H,
      offtakeMonths: o.offtakeMonths,
    });
    const candidates: V3Candidate[] = x.candidates.map((c, i) => ({
      country: base.countries[c.country % base.countries.length]!.code,
      system: base.systems[c.system % base.systems.length]!.code,
      producer: `N${i + 1}`,
      unitEur: c.unitEur,
      lag: c.lag,
    }));
    const options: V3Option[] = x.candidates.flatMap((c, i) => c.options.map((o, k) => option(keyOf(candidates[i]!), candidates[i]!.unitEur, o, k)));
    // Options of existing lines: at most maxOptionsPerLine per line, ids in order of drawing.
    const hosts = [...base.lines.map((l) => ({ key: keyOf(l), unitEur: l.unitEur })), ...v2.materialLines.map((l) => ({ key: { country: l.country, system: l.material, producer: 'M' }, unitEur: l.unitEur }))];
    const perHost = new Map<number, number>();
    for (const o of x.options) {
      const h = o.line % hosts.length;
      const k = perHost.get(h) ?? 0;
      if (k >= limits.maxOptionsPerLine) continue;
      perHost.set(h, k + 1);
      options.push(option(hosts[h]!.key, hosts[h]!.unitEur, o, k));
    }
    // One release per (holder, system): the first drawn wins.
    const inventories: V3Inventory[] = [];
    for (const r of x.inventories) {
      const holder = base.countries[r.holder % base.countries.length]!.code;
      const system = base.systems[r.system % base.systems.length]!.code;
      if (inventories.some((q) => q.holder === holder && q.system === system)) continue;
      inventories.push({
        holder,
        system,
        units: r.units,
        maxPerMonth: Math.max(1, Math.round(r.units * r.monthlyShare)),
        firstMonth: r.firstMonth === undefined ? undefined : r.firstMonth % H,
        unitEur: r.unitEur,
        lag: r.lag,
      });
    }
    const deferrals = base.lines.map((l, i) => {
      const d = x.deferrals[i];
      if (d === undefined || v2.committed[i]! <= 0) return undefined;
      return { share: d.share, costEurPerUnitMonth: Number((d.costFactor * l.unitEur).toPrecision(2)) };
    });
    return { ...v2, candidates, options, inventories, deferrals };
  });
}

/** A version-2 spec as a version-3 spec with none of the new parts. */
export function liftV2(spec: V2Spec): V3Spec {
  return { ...spec, candidates: [], options: [], inventories: [], deferrals: spec.base.lines.map(() => undefined) };
}

/** Whether a spec uses any version-3 part. */
export function hasV3Features(spec: V3Spec): boolean {
  return spec.candidates.length > 0 || spec.options.length > 0 || spec.inventories.length > 0 || spec.deferrals.some((d) => d !== undefined && d.share > 0);
}

function keyOf(l: { country: string; system: string; producer: string }): V3LineKey {
  return { country: l.country, system: l.system, producer: l.producer };
}

/**
 * The CSV files of a version-3 spec, per contract.md: the version-2 files, plus options.csv,
 * inventories.csv, capacity.csv's `status` and commitments.csv's deferral columns, each only
 * where the spec uses it (so a spec without version-3 parts gives exactly `v2FilesOf`).
 */
export function v3FilesOf(spec: V3Spec): DataFiles {
  const v2 = v2FilesOf(spec);
  if (!hasV3Features(spec)) return v2;
  const texts: Record<string, string> = Object.fromEntries(Object.entries(v2).map(([k, v]) => [k, new TextDecoder().decode(v)]));
  const b = spec.base;
  if (spec.candidates.length > 0) {
    texts['capacity.csv'] = csv(
      ['country', 'system', 'producer', 'capacity_per_month', 'max_capacity_per_month', 'max_expansion_per_month', 'lead_time_months', 'unit_cost_eur', 'expansion_cost_eur', 'delivery_lag_months', 'status'],
      [
        ...b.lines.map((l, i) => [l.country, l.system, l.producer, l.cap0, l.capmax, l.ramp, l.lead, l.unitEur, l.xcostEur, spec.lags[i], 'existing']),
        ...spec.materialLines.map((l) => [l.country, l.material, 'M', l.cap0, l.capmax, undefined, l.lead, l.unitEur, l.xcostEur, l.lag, 'existing']),
        ...spec.candidates.map((c) => [c.country, c.system, c.producer, 0, 0, undefined, undefined, c.unitEur, undefined, c.lag, 'candidate']),
      ],
    );
  }
  if (spec.options.length > 0) {
    texts['options.csv'] = csv(
      ['country', 'system', 'producer', 'option', 'max_capacity_added', 'cost_per_capacity_eur', 'lead_time_months', 'max_order_per_month', 'first_order_month', 'offtake_months'],
      spec.options.map((o) => [
        o.line.country,
        o.line.system,
        o.line.producer,
        o.id,
        o.addPerMonth,
        o.costEurPerCapacity,
        o.lead,
        o.maxOrderPerMonth,
        o.firstOrderMonth === undefined ? undefined : monthOf(o.firstOrderMonth),
        o.offtakeMonths || undefined,
      ]),
    );
  }
  if (spec.inventories.length > 0) {
    texts['inventories.csv'] = csv(
      ['holder', 'system', 'units', 'max_per_month', 'first_month', 'unit_cost_eur', 'delivery_lag_months'],
      spec.inventories.map((r) => [r.holder, r.system, r.units, r.maxPerMonth, r.firstMonth === undefined ? undefined : monthOf(r.firstMonth), r.unitEur, r.lag]),
    );
  }
  if (spec.deferrals.some((d) => d !== undefined && d.share > 0)) {
    const rows = b.lines.flatMap((l, i) => {
      const d = spec.deferrals[i];
      const deferral = d !== undefined && d.share > 0 ? [d.share, d.costEurPerUnitMonth] : [undefined, undefined];
      return spec.committed[i]! > 0 ? Array.from({ length: b.months }, (_, t) => [l.country, l.system, l.producer, monthOf(t), spec.committed[i], ...deferral]) : [];
    });
    texts['commitments.csv'] = csv(['country', 'system', 'producer', 'period', 'quantity', 'deferrable_share', 'deferral_cost_eur_per_unit_month'], rows);
  }
  return files(texts);
}
