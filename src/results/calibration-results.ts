/** A replay's results (rampup replay): pure data; calibration.ts computes them. */
import type { ActualRow } from '../inputs/schemas.js';

export type Verdict = 'model below record' | 'within' | 'model above record';

/** One figure of actuals.csv against what the replayed plan says was possible. */
export interface CalibrationRow {
  readonly actual: ActualRow;
  /** What the model counts for it: capacity that could be online, deliveries, or money paid. */
  readonly modelledAs: string;
  /** What the model says was possible. */
  readonly modelled: number;
  /** What the plan itself did: capacity it had online, its deliveries, its payments. */
  readonly planned: number;
  readonly ratio: number;
  readonly verdict: Verdict;
  /** Why the model is off the record, as actuals.csv explains it; '' when within. */
  readonly reason: string;
}
