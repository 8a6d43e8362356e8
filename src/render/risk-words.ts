import type { RiskStudy } from '../analyses/risk/risk-study.js';
import type { RiskSummary } from '../analyses/risk/summarize-risk.js';

/** The wording the risk summary and page share: how the study was made, and how to read it. */
export function confidenceWords(study: RiskStudy): string {
  return `${Math.round(1000 * study.confidence) / 10} %`;
}

export function methodSentence(study: RiskStudy): string {
  const s = study.sampling;
  return (
    `${s.samples.toLocaleString('en-GB')} samples (a Latin hypercube, seed ${s.seed}) of ${study.dimensions.length} uncertain quantities: ` +
    `every figure of the data is multiplied by a draw that depends on its source's basis, one draw per source and kind of figure, ` +
    `so rows that cite the same source move together. Each sample is a full plan of the scenario, with the promise levels to ${study.recipient} ` +
    `from ${study.from}. Horizon ${study.horizon.first} to ${study.horizon.last}; solver ${study.solver.name}.`
  );
}

export const READING = [
  '**The band** (P10 to P90) holds the middle 80 % of the samples: in one sample of ten the result is below P10, in one of ten above P90. P50 is the median sample.',
  '**The point estimate** is the plan of the data as it stands; where it sits near the top of its band, the data\'s own figures are optimistic compared with what their grades allow.',
  '**A promise** is the share of every month\'s need, from the promise\'s first month on, that can be delivered without fail if that system is served first (the others left to the plan); the row "all systems at once" is the one level that holds for all together. A promise is not what the plan delivers.',
  '**Held with confidence**: the level that at least that share of the samples reach. Where it is below the point estimate\'s promise, the point promise fails in the remaining samples ("point promise holds in").',
  '**What moves the result**: Spearman\'s rank correlation between a source\'s draw and the result over the samples: +1 when a higher figure always means a better result, -1 when it always means a worse one, 0 when it makes no difference. It ranks sources; it does not add up.',
];

/** What the drivers table shows, and the level below which a correlation is chance. */
export function driversWords(study: RiskStudy, summary: RiskSummary, shown: number): string {
  if (study.dimensions.length === 0) return 'No figure of the data is uncertain under these spreads.';
  const level = `|rank correlation| below ${summary.chanceLevel.toFixed(2)}`;
  if (shown === 0) return `No source moves a result more than chance would with ${summary.solved} samples (${level}); more samples can tell weaker effects apart. Every source is in drivers.csv.`;
  return `The sources whose draws move the results more than chance would with ${summary.solved} samples (${level} is within chance), strongest first; every source is in drivers.csv.`;
}

export function failedWords(summary: RiskSummary): string | undefined {
  if (summary.failed.length === 0) return undefined;
  const list = summary.failed.slice(0, 5).map((f) => `sample ${f.sample}${f.error ? `: ${f.error}` : ''}`);
  return `${summary.failed.length} sample${summary.failed.length === 1 ? '' : 's'} had no plan and are left out of the bands (${list.join('; ')}${summary.failed.length > 5 ? '; ...' : ''}).`;
}

/** The spreads in use: one line per basis and kind among the study's uncertain quantities. */
export function spreadRows(study: RiskStudy): string[][] {
  const seen = new Map<string, { basis: string; kind: string; range: string; distribution: string; sources: number }>();
  for (const d of study.dimensions) {
    const key = `${d.basis}\u0000${d.kind}\u0000${d.spread.low}\u0000${d.spread.high}\u0000${d.spread.distribution}`;
    const entry = seen.get(key) ?? { basis: d.basis, kind: d.kind, range: `${d.spread.low} to ${d.spread.high}`, distribution: d.spread.distribution, sources: 0 };
    entry.sources++;
    seen.set(key, entry);
  }
  return [...seen.values()]
    .sort((a, b) => a.basis.localeCompare(b.basis) || a.kind.localeCompare(b.kind))
    .map((e) => [e.basis, e.kind.replace('_', ' '), e.range, e.distribution, String(e.sources)]);
}
export const SPREAD_HEADER = ['basis', 'figure', 'multiplier', 'distribution', 'sources'];
