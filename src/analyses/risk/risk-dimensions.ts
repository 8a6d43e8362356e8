import type { DataSet } from '../../inputs/parse-data-folder.js';
import { liveFigures } from './perturb-data-set.js';
import { spreadOf, type Basis, type QuantityKind, type Spread, type UncertaintyRule } from './uncertainty-rules.js';

/** One uncertain quantity: a source's figures of one kind, drawn once per sample. */
export interface RiskDimension {
  /** `kind:source`; its column in samples.csv is `draw:` + key. */
  readonly key: string;
  readonly kind: QuantityKind;
  readonly source: string;
  readonly basis: Basis;
  /** False when the source has no basis in sources.csv (or the rows cite none): graded as an assumption. */
  readonly graded: boolean;
  /** The source's title in sources.csv ('' when there is none). */
  readonly title: string;
  /** Rows whose figure this draw moves. */
  readonly rows: number;
  readonly spread: Spread;
}

/** The method's fallback grade for a figure without one. */
export const UNGRADED_BASIS: Basis = 'assumption';

/**
 * The dimensions of the sampling: every source and kind that moves a figure of the data set,
 * with the spread its basis is given; those whose spread is exactly 1 (no uncertainty) are left
 * out. Sorted by key, so the order never depends on file order.
 */
export function riskDimensions(data: DataSet, rules: readonly UncertaintyRule[]): RiskDimension[] {
  const sources = new Map(data.sources.map((s) => [s.source, s]));
  const out: RiskDimension[] = [];
  for (const [key, { source, kind, rows }] of liveFigures(data)) {
    const row = sources.get(source);
    const basis = row?.basis ?? UNGRADED_BASIS;
    const spread = spreadOf(rules, basis, kind);
    if (spread.low === 1 && spread.high === 1) continue;
    out.push({ key, kind, source, basis, graded: row?.basis !== undefined, title: row?.title ?? '', rows, spread });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
