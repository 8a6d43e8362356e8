import type { InputFileHash } from '../../results/manifest.js';
import type { RiskDimension } from './risk-dimensions.js';

/**
 * What a risk study is: everything its reports are made from besides the samples (study.json).
 * It holds no timing and nothing about how the work was split, so every shard of a study
 * writes the same one and a merge can check that they belong together.
 */
export interface RiskStudy {
  readonly tool: { readonly name: string; readonly version: string };
  readonly scenario: { readonly name: string; readonly description: string; readonly settings: readonly { setting: string; target: string; value: string }[] };
  readonly inputs: readonly InputFileHash[];
  readonly horizon: { readonly first: string; readonly last: string };
  readonly solver: { readonly name: string; readonly version: string; readonly method: string; readonly tieBreak: string };
  readonly sampling: { readonly design: 'latin-hypercube'; readonly generator: string; readonly seed: number; readonly samples: number };
  /** First month of the promises, YYYY-MM. */
  readonly from: string;
  readonly recipient: string;
  /** Share of samples a promise must hold in, 0..1. */
  readonly confidence: number;
  readonly systems: readonly { readonly system: string; readonly name: string; readonly unit: string }[];
  readonly dimensions: readonly RiskDimension[];
}

/** The results of one sample in percent, as samples.csv holds them (rounded to 0.01). */
export interface SampleFigures {
  readonly fillRatePct: number;
  readonly weightedFillRatePct: number;
  readonly promisePct: number | undefined;
}

/** A line of samples.csv read back: sample 0 is the point estimate (every multiplier 1). */
export interface SampleRow {
  readonly sample: number;
  readonly status: 'optimal' | 'failed';
  readonly error: string;
  /** Undefined for a failed sample. */
  readonly all: SampleFigures | undefined;
  readonly bySystem: ReadonlyMap<string, SampleFigures>;
  /** The multipliers, in the order of the study's dimensions. */
  readonly draws: readonly number[];
}
