import type { RiskStudy } from '../analyses/risk/risk-study.js';
import { clearDrivers, type RiskSummary } from '../analyses/risk/summarize-risk.js';
import { markdownTable } from '../base/format-number.js';
import { markdownFromSpec } from './report-table.js';
import { READING, SPREAD_HEADER, confidenceWords, driversWords, failedWords, methodSentence, spreadRows } from './risk-words.js';
import { driversSpec, riskSpec } from './tables/risk-tables.js';

const pct = (v: number | undefined) => (v === undefined ? 'n/a' : `${v.toFixed(1)} %`);

/** The risk folder's summary.md: the bands, the promises that hold with confidence, what moves them. */
export function renderRiskSummary(study: RiskStudy, summary: RiskSummary): string {
  const all = summary.lines.find((l) => l.system === '*')!;
  const c = confidenceWords(study);
  const out = [`# How sure is it? Scenario \`${study.scenario.name}\``, ''];
  if (study.scenario.description) out.push(study.scenario.description, '');
  out.push(methodSentence(study), '', '## Headline', '');
  out.push(
    `- **Fill rate: ${pct(all.point?.fillRatePct)}** as the data stands; in 80 % of the samples between ${pct(all.fillRate.p10)} and ${pct(all.fillRate.p90)} (median ${pct(all.fillRate.p50)}).`,
    `- Weighted by priority: ${pct(all.point?.weightedFillRatePct)}; between ${pct(all.weightedFillRate.p10)} and ${pct(all.weightedFillRate.p90)} (median ${pct(all.weightedFillRate.p50)}).`,
    `- **What can be promised** to ${study.recipient} for all systems at once, every month from ${study.from}: ${pct(all.point?.promisePct)} as the data stands; ` +
      `**${pct(all.promiseAtConfidence)} with ${c} confidence** (the point estimate's promise holds in ${pct(all.pointPromiseHoldsPct)} of the samples).`,
  );
  const failed = failedWords(summary);
  if (failed) out.push(`- ${failed}`);
  out.push('', '## Every system', '', markdownFromSpec(riskSpec(study), summary.lines));
  out.push('', '## What moves the result most', '');
  const top = clearDrivers(summary, 10);
  out.push(driversWords(study, summary, top.length));
  if (top.length > 0) out.push('', markdownFromSpec(driversSpec(study), top));
  out.push('', '## How to read this', '', ...READING.map((r) => `- ${r}`));
  out.push('', '## The spreads used', '', 'Multipliers by the basis of a figure\'s source (README, "How sure is it?"; a data folder may override them in uncertainty.csv):', '');
  out.push(markdownTable(SPREAD_HEADER, spreadRows(study)), '');
  return out.join('\n');
}
