import type { FileIssue } from '../base/input-issue.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import { formatMonth } from '../inputs/periods.js';
import { planChannels } from './plan-channels.js';
import type { Financing, PlanInput } from './plan-input.js';
import { planOptions, planReleases } from './plan-levers.js';
import { excludedPayers, planPayers } from './plan-payers.js';
import { byCode, planLines, planNeeds, planProducts } from './plan-products.js';
import type { ScenarioSettings } from './scenario-settings.js';

/** Turns a data set and a scenario into the model's input: who takes part, what money, which months. */
export function applyScenario(data: DataSet, settings: ScenarioSettings): { input?: PlanInput; issues: FileIssue[] } {
  const months = horizonOf(data, settings);
  if ('issue' in months) return { issues: [months.issue] };
  const first = months[0]!;
  const horizon = months.length;
  const excluded = excludedPayers(data, settings);
  const countries = data.countries
    .filter((c) => !excluded.has(c.country))
    .map((c) => ({ code: c.country, name: c.name, gdpEur: c.gdp_eur, group: c.group ?? '' }))
    .sort((a, b) => byCode(a.code, b.code));
  const payers = planPayers(data, settings, excluded, first, horizon);
  const lines = [...planLines(data, settings, excluded, first, horizon), ...planReleases(data, settings, excluded, first, horizon)];
  const needs = planNeeds(data, settings, first, horizon);
  const kind = settings.financing ?? (data.channels.length > 0 ? 'channels' : 'national');
  const financing: Financing =
    kind === 'pooled'
      ? { kind, ...(settings.fairShare !== undefined ? { fairShare: settings.fairShare } : {}), ...(settings.workShare !== undefined ? { workShare: settings.workShare } : {}) }
      : kind === 'channels'
        ? { kind, channels: planChannels(data, settings, payers, countries, lines) }
        : { kind };
  return {
    input: {
      scenario: settings.name,
      months,
      countries,
      payers,
      ...planProducts(data),
      lines,
      options: planOptions(data, settings, lines, first),
      needs,
      recipients: [...new Set(needs.map((n) => n.recipient))].sort(byCode),
      financing,
      excluded: [...excluded].sort(byCode),
    },
    issues: [],
  };
}

/** The months planned: the scenario's start and end, else those of needs.csv. */
function horizonOf(data: DataSet, settings: ScenarioSettings): number[] | { issue: FileIssue } {
  // A loop, not Math.min(...months): a spread of 200,000 arguments overflows the stack.
  let minMonth = Infinity;
  let maxMonth = -Infinity;
  for (const n of data.needs) {
    if (n.period < minMonth) minMonth = n.period;
    if (n.period > maxMonth) maxMonth = n.period;
  }
  const first = settings.start ?? minMonth;
  const last = settings.end ?? maxMonth;
  if (!(last >= first)) {
    return { issue: { file: 'scenarios.csv', line: 1, column: 1, code: 'EMPTY_HORIZON', message: `scenario ${settings.name}: the horizon ${formatMonth(first)} to ${formatMonth(last)} is empty` } };
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
