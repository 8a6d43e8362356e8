import type { FileIssue } from '../base/input-issue.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import { formatMonth } from '../inputs/periods.js';
import { scaleBudget } from './budget-scale.js';
import { planChannels } from './plan-channels.js';
import type { Financing, PlanInput, PlanPayer } from './plan-input.js';
import { byCode, planLines, planNeeds, planProducts } from './plan-products.js';
import type { ScenarioSettings } from './scenario-settings.js';
import { lastMatch, targetMatchesPayer } from './targets.js';

/** Turns a data set and a scenario into the model's input: who takes part, what money, which months. */
export function applyScenario(data: DataSet, settings: ScenarioSettings): { input?: PlanInput; issues: FileIssue[] } {
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
    return {
      issues: [{ file: 'scenarios.csv', line: 1, column: 1, code: 'EMPTY_HORIZON', message: `scenario ${settings.name}: the horizon ${formatMonth(first)} to ${formatMonth(last)} is empty` }],
    };
  }
  const months = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const horizon = months.length;

  // Countries and funds alike: excluded ones neither make nor pay.
  const all = [
    ...data.countries.map((c) => ({ code: c.country, kind: 'country' as const, group: c.group })),
    ...data.funds.map((f) => ({ code: f.fund, kind: 'fund' as const, group: f.group })),
  ];
  const excluded = new Set<string>();
  if (settings.includeOnly.length > 0) for (const p of all) if (!settings.includeOnly.some((t) => targetMatchesPayer(t, p))) excluded.add(p.code);
  for (const p of all) if (settings.exclude.some((t) => targetMatchesPayer(t, p))) excluded.add(p.code);

  const countries = data.countries
    .filter((c) => !excluded.has(c.country))
    .map((c) => ({ code: c.country, name: c.name, gdpEur: c.gdp_eur, group: c.group ?? '' }))
    .sort((a, b) => byCode(a.code, b.code));
  const budgetOf = (code: string, gdpEur: number | undefined, target: { code: string; kind: 'country' | 'fund'; group?: string | undefined }) => {
    const budgetEur = new Array<number>(horizon).fill(0);
    // A share of GDP replaces a country's budget rows; a fund has no GDP and keeps its rows.
    const gdpPct = gdpEur === undefined ? undefined : lastMatch(settings.budgetGdpPct, (t) => targetMatchesPayer(t, target), undefined);
    if (gdpPct !== undefined) budgetEur.fill(((gdpPct / 100) * gdpEur!) / 12);
    else {
      for (const b of data.budgets) {
        if (b.payer !== code) continue;
        const spread = b.period.month !== undefined ? [b.period.month] : Array.from({ length: 12 }, (_, m) => b.period.year * 12 + m);
        for (const month of spread) {
          const t = month - first;
          if (t >= 0 && t < horizon) budgetEur[t]! += b.period.month !== undefined ? b.budget_eur : b.budget_eur / 12;
        }
      }
    }
    const scale = lastMatch(settings.budgetScale, (t) => targetMatchesPayer(t, target), 1);
    return scaleBudget(budgetEur, scale);
  };
  const payers: PlanPayer[] = [
    ...data.countries
      .filter((c) => !excluded.has(c.country))
      .map((c) => ({ code: c.country, name: c.name, kind: 'country' as const, gdpEur: c.gdp_eur, group: c.group ?? '', budgetEur: budgetOf(c.country, c.gdp_eur, { code: c.country, kind: 'country', group: c.group }) }))
      .sort((a, b) => byCode(a.code, b.code)),
    ...data.funds
      .filter((f) => !excluded.has(f.fund))
      .map((f) => ({ code: f.fund, name: f.name, kind: 'fund' as const, gdpEur: 0, group: f.group ?? '', budgetEur: budgetOf(f.fund, undefined, { code: f.fund, kind: 'fund', group: f.group }) }))
      .sort((a, b) => byCode(a.code, b.code)),
  ];

  const lines = planLines(data, settings, excluded, first, horizon);
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
      needs,
      recipients: [...new Set(needs.map((n) => n.recipient))].sort(byCode),
      financing,
      excluded: [...excluded].sort(byCode),
    },
    issues: [],
  };
}
