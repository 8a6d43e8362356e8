/**
 * The statistics of the risk reports. Quantiles interpolate between order statistics (Hyndman
 * and Fan's type 7, the default of R and NumPy); rank correlation is Spearman's, ties given
 * their average rank.
 */

/** The q-quantile (0..1) of values; undefined for no values. */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The largest level that at least `confidence` of the values reach: the ceil(confidence x n)-th
 * largest value, so it holds in at least that share of the samples (no interpolation: a level
 * between two samples' levels would be a claim no sample made).
 */
export function levelHeldWith(values: readonly number[], confidence: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => b - a);
  const k = Math.max(1, Math.ceil(confidence * sorted.length - 1e-9));
  return sorted[Math.min(sorted.length, k) - 1];
}

/** Ranks 1..n, ties sharing their average rank. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    for (let k = start; k <= end; k++) out[order[k]!.i] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return out;
}

/** Spearman's rank correlation; undefined for fewer than 3 pairs or a constant series. */
export function rankCorrelation(x: readonly number[], y: readonly number[]): number | undefined {
  return x.length === y.length ? correlationOfRanks(ranks(x), ranks(y)) : undefined;
}

/** Spearman's rank correlation from ranks already taken (the same series against many others). */
export function correlationOfRanks(rx: readonly number[], ry: readonly number[]): number | undefined {
  if (rx.length !== ry.length || rx.length < 3) return undefined;
  const mean = (rx.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    const a = rx[i]! - mean;
    const b = ry[i]! - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : undefined;
}
