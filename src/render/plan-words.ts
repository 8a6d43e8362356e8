import type { Manifest } from '../results/manifest.js';
import type { Plan, PlanSummary } from '../results/plan.js';
import { formatMonth } from '../inputs/periods.js';

export function horizonWords(plan: Plan): string {
  const months = plan.input.months;
  return `Horizon ${formatMonth(months[0]!)} to ${formatMonth(months.at(-1)!)} (${months.length} months)`;
}

/** "HiGHS 1.15.1" rather than "highs HiGHS 1.15.1" when the version names the solver already. */
export function solverWords(manifest: Manifest): string {
  const { name, version } = manifest.solver;
  return version.toLowerCase().startsWith(name.toLowerCase()) ? version : `${name} ${version}`;
}

export function financingWords(plan: Plan): string {
  const f = plan.input.financing;
  if (f.kind === 'national') return 'national (each country pays its own lines)';
  if (f.kind === 'channels') return `channels (${f.channels.length} ways money may flow)`;
  return ['pooled', ...(f.fairShare !== undefined ? [`fair share ${f.fairShare}`] : []), ...(f.workShare !== undefined ? [`work share ${f.workShare}`] : [])].join(', ');
}

/** The systems by capability (systems.csv's category), categories in name order, systems as summarised. */
export function systemsByCategory(summary: PlanSummary): [string, PlanSummary['systems'][number][]][] {
  const out = new Map<string, PlanSummary['systems'][number][]>();
  for (const s of summary.systems) out.set(s.category, [...(out.get(s.category) ?? []), s]);
  return [...out].sort(([a], [b]) => a.localeCompare(b));
}
