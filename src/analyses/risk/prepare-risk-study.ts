import { InputError } from '../../base/errors.js';
import { DEFAULT_RECIPIENT, type DataSet } from '../../inputs/parse-data-folder.js';
import { formatMonth } from '../../inputs/periods.js';
import type { InputFileHash } from '../../results/manifest.js';
import { horizonMonth } from '../../scenario/horizon-month.js';
import { BASELINE, prepareScenario } from '../../scenario/prepare-scenario.js';
import { TOOL_NAME, TOOL_VERSION } from '../../base/version.js';
import { latinHypercube } from './latin-hypercube.js';
import { riskDimensions } from './risk-dimensions.js';
import type { RiskStudy } from './risk-study.js';
import type { RiskJob, RiskSampleSpec } from './run-risk-sample.js';
import { multiplierOf, type UncertaintyRule } from './uncertainty-rules.js';

export interface RiskOptions {
  readonly scenario?: string;
  readonly set?: readonly string[];
  /** Samples besides the point estimate (default 200). */
  readonly samples?: number;
  readonly seed?: number;
  /** First month of the promises, YYYY-MM (default: the first month of the horizon). */
  readonly from?: string;
  /** Share of samples a promise must hold in (default 0.9). */
  readonly confidence?: number;
  /** Who the promises are made to (default UA, as model.md's promise curves). */
  readonly recipient?: string;
}

export const DEFAULT_SAMPLES = 200;
export const DEFAULT_SEED = 1;
export const DEFAULT_CONFIDENCE = 0.9;
export const GENERATOR = 'xoroshiro128+ (pure-rand), one jumped stream per dimension';

/** The study a risk run makes: the scenario checked, its uncertain quantities, the promise asked for. */
export function prepareRiskStudy(
  data: DataSet,
  rules: readonly UncertaintyRule[],
  inputs: readonly InputFileHash[],
  options: RiskOptions,
  solver: RiskStudy['solver'],
): { study: RiskStudy; spec: RiskSampleSpec } {
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const problems = [
    ...(Number.isInteger(samples) && samples >= 1 ? [] : [{ flag: '--samples', value: String(samples), code: 'BAD_SETTING_VALUE' as const, message: 'expected a whole number >= 1' }]),
    ...(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff ? [] : [{ flag: '--seed', value: String(seed), code: 'BAD_SETTING_VALUE' as const, message: 'expected a whole number from 0 to 4294967295' }]),
    ...(confidence > 0 && confidence <= 1 ? [] : [{ flag: '--confidence', value: String(confidence), code: 'BAD_SETTING_VALUE' as const, message: 'expected a share above 0 and at most 1, e.g. 0.9' }]),
  ];
  if (problems.length > 0) throw new InputError(problems);
  const { settings, input } = prepareScenario(data, options.scenario ?? BASELINE, options.set ?? []);
  const from = options.from ?? formatMonth(input.months[0]!);
  horizonMonth(from, input.months, '--from');
  const needed = new Set(input.needs.map((n) => n.system));
  const dimensions = riskDimensions(data, rules);
  const study: RiskStudy = {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    scenario: { name: settings.name, description: settings.description, settings: settings.applied.map((s) => ({ setting: s.setting, target: s.target, value: s.value })) },
    inputs,
    horizon: { first: formatMonth(input.months[0]!), last: formatMonth(input.months.at(-1)!) },
    solver,
    sampling: { design: 'latin-hypercube', generator: GENERATOR, seed, samples },
    from,
    recipient: options.recipient ?? DEFAULT_RECIPIENT,
    confidence,
    systems: input.systems.filter((s) => needed.has(s.code)).map((s) => ({ system: s.code, name: s.name, unit: s.unit })),
    dimensions,
  };
  const spec: RiskSampleSpec = { scenario: settings.name, set: options.set ?? [], dimensions: dimensions.map((d) => ({ kind: d.kind, source: d.source })), from, recipient: study.recipient };
  return { study, spec };
}

/** The jobs of a study: the point estimate (sample 0) and the samples asked for, each with its multipliers. */
export function riskJobs(study: RiskStudy, samples: readonly number[]): RiskJob[] {
  const D = study.dimensions.length;
  const design = latinHypercube(study.sampling.seed, study.sampling.samples, D);
  return [
    { sample: 0, multipliers: study.dimensions.map(() => 1) },
    ...samples.map((i) => ({ sample: i, multipliers: study.dimensions.map((d, k) => multiplierOf(d.spread, design[(i - 1) * D + k]!)) })),
  ];
}
