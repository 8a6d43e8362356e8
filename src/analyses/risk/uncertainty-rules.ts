/**
 * How far each graded figure may be off: a multiplier range per basis (the grade of a source)
 * and quantity kind. The defaults are assumptions of the method (README, "How sure is it?");
 * an optional uncertainty.csv overrides them.
 */

export type Basis = 'reported' | 'target' | 'estimate' | 'assumption';
export const BASES: readonly Basis[] = ['reported', 'target', 'estimate', 'assumption'];

/**
 * What a multiplier of each kind changes. A new input file's rows (commitments, material
 * lines) join as a kind here and a rule in perturb-data-set.ts.
 */
export const QUANTITY_KINDS = {
  capacity: 'capacity.csv capacity_per_month',
  ceiling: 'capacity.csv: the increase from capacity_per_month to max_capacity_per_month',
  ramp: 'capacity.csv max_expansion_per_month',
  lead_time: 'capacity.csv lead_time_months, rounded to whole months',
  delivery_lag: 'capacity.csv delivery_lag_months, rounded to whole months',
  unit_cost: 'capacity.csv unit_cost_eur',
  expansion_cost: 'capacity.csv expansion_cost_eur',
  need: 'needs.csv quantity',
  budget: 'budgets.csv budget_eur',
  stock: 'stocks.csv quantity',
  commitment: 'commitments.csv quantity (the plan never lets it exceed the line\'s starting capacity)',
  material_use: 'bom.csv quantity_per_unit',
} as const;
export type QuantityKind = keyof typeof QUANTITY_KINDS;
export const KINDS = Object.keys(QUANTITY_KINDS) as QuantityKind[];

export type Distribution = 'uniform' | 'triangular';
export const DISTRIBUTIONS: readonly Distribution[] = ['uniform', 'triangular'];

/** A multiplier drawn between `low` and `high` (triangular: peaked at 1, or at the end of the range nearest to 1). */
export interface Spread {
  readonly low: number;
  readonly high: number;
  readonly distribution: Distribution;
}

/** One row of uncertainty.csv; `*` matches every basis or kind. */
export interface UncertaintyRule extends Spread {
  readonly basis: Basis | '*';
  readonly kind: QuantityKind | '*';
}

const around = (x: number): Spread => ({ low: 1 - x, high: 1 + x, distribution: 'uniform' });

/** Kinds whose target figure is an announced increase (or order), realised at 50-100 %. */
const ANNOUNCED = new Set<QuantityKind>(['capacity', 'ceiling', 'ramp', 'budget', 'commitment']);
/** Kinds whose target figure is a date: it slips by 0-50 %. */
const DATED = new Set<QuantityKind>(['lead_time', 'delivery_lag']);

/** The method's defaults: reported +-10 %, estimate +-25 %, assumption +-40 %; targets realised at 50-100 %, their lead times slip 0-50 %. */
export function defaultSpread(basis: Basis, kind: QuantityKind): Spread {
  switch (basis) {
    case 'reported':
      return around(0.1);
    case 'estimate':
      return around(0.25);
    case 'assumption':
      return around(0.4);
    case 'target':
      if (ANNOUNCED.has(kind)) return { low: 0.5, high: 1, distribution: 'uniform' };
      if (DATED.has(kind)) return { low: 1, high: 1.5, distribution: 'uniform' };
      // A target's other figures (a unit price, a need) are not promises to be kept: graded as estimates.
      return around(0.25);
  }
}

/** The spread of one basis and kind: the most specific rule of uncertainty.csv, else the default. */
export function spreadOf(rules: readonly UncertaintyRule[], basis: Basis, kind: QuantityKind): Spread {
  const rank = (r: UncertaintyRule) => (r.basis === basis ? 2 : r.basis === '*' ? 0 : -9) + (r.kind === kind ? 1 : r.kind === '*' ? 0 : -9);
  let best: UncertaintyRule | undefined;
  for (const r of rules) if (rank(r) >= 0 && (!best || rank(r) > rank(best))) best = r;
  return best ? { low: best.low, high: best.high, distribution: best.distribution } : defaultSpread(basis, kind);
}

/** A unit draw u in [0,1) as a multiplier of the spread (inverse distribution function), to 6 decimals. */
export function multiplierOf(spread: Spread, u: number): number {
  const { low, high } = spread;
  if (high <= low) return low;
  let x: number;
  if (spread.distribution === 'uniform') x = low + u * (high - low);
  else {
    const mode = Math.min(high, Math.max(low, 1));
    const split = (mode - low) / (high - low);
    x = u < split ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
  }
  return Math.round(x * 1e6) / 1e6;
}
