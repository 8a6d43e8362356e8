import type { DataSet } from '../inputs/parse-data-folder.js';
import { DEFAULT_RECIPIENT } from '../inputs/parse-data-folder.js';
import type { FileIssue } from '../inputs/input-issue.js';
import { formatMonth } from '../inputs/periods.js';
import type { PlanInput, PlanLine, PlanNeed } from './plan-input.js';
import type { ScenarioSettings } from './scenario-settings.js';
import { lastMatch, targetMatchesCountry, targetMatchesSystem } from './targets.js';

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

  const excluded = new Set<string>();
  if (settings.includeOnly.length > 0) {
    for (const c of data.countries) if (!settings.includeOnly.some((t) => targetMatchesCountry(t, c))) excluded.add(c.country);
  }
  for (const c of data.countries) if (settings.exclude.some((t) => targetMatchesCountry(t, c))) excluded.add(c.country);

  const countries = data.countries
    .filter((c) => !excluded.has(c.country))
    .map((c) => {
      const budgetEur = new Array<number>(horizon).fill(0);
      const gdpPct = lastMatch(settings.budgetGdpPct, (t) => targetMatchesCountry(t, c), undefined);
      if (gdpPct !== undefined) {
        budgetEur.fill(((gdpPct / 100) * c.gdp_eur) / 12);
      } else {
        for (const b of data.budgets) {
          if (b.country !== c.country) continue;
          if (b.period.month !== undefined) {
            const t = b.period.month - first;
            if (t >= 0 && t < horizon) budgetEur[t]! += b.budget_eur;
          } else {
            for (let m = 0; m < 12; m++) {
              const t = b.period.year * 12 + m - first;
              if (t >= 0 && t < horizon) budgetEur[t]! += b.budget_eur / 12;
            }
          }
        }
      }
      const scale = lastMatch(settings.budgetScale, (t) => targetMatchesCountry(t, c), 1);
      return {
        code: c.country,
        name: c.name,
        gdpEur: c.gdp_eur,
        group: c.group ?? '',
        budgetEur: budgetEur.map((v) => v * scale),
      };
    })
    .sort((a, b) => byCode(a.code, b.code));

  const stock = new Map(data.stocks.map((s) => [s.system, s.quantity]));
  const systems = data.systems
    .map((s) => ({
      code: s.system,
      name: s.name,
      category: s.category,
      unit: s.unit,
      priority: s.priority,
      stock: stock.get(s.system) ?? 0,
    }))
    .sort((a, b) => byCode(a.code, b.code));
  const systemRows = new Map(data.systems.map((s) => [s.system, s]));
  const countryRows = new Map(data.countries.map((c) => [c.country, c]));

  const lines: PlanLine[] = data.capacity
    .filter((l) => !excluded.has(l.country))
    .map((l) => {
      const system = systemRows.get(l.system)!;
      const country = countryRows.get(l.country)!;
      const scale = lastMatch(
        settings.capacityScale,
        (t) => (t.kind === 'country' || t.kind === 'group' ? targetMatchesCountry(t, country) : targetMatchesSystem(t, system)),
        1,
      );
      const producer = l.producer ?? '';
      return {
        id: `${l.country}/${l.system}/${producer}`,
        country: l.country,
        system: l.system,
        producer,
        capacityPerMonth: l.capacity_per_month * scale,
        maxCapacityPerMonth: (l.max_capacity_per_month ?? l.capacity_per_month) * scale,
        maxExpansionPerMonth: l.max_expansion_per_month,
        leadTimeMonths: l.lead_time_months ?? 0,
        unitCostEur: l.unit_cost_eur,
        expansionCostEur: l.expansion_cost_eur ?? 0,
      };
    })
    .sort((a, b) => byCode(a.system, b.system) || byCode(a.country, b.country) || byCode(a.producer, b.producer));

  const needs: PlanNeed[] = [];
  for (const n of data.needs) {
    const t = n.period - first;
    if (t < 0 || t >= horizon) continue;
    const system = systemRows.get(n.system)!;
    const scale = lastMatch(settings.needScale, (target) => targetMatchesSystem(target, system), 1);
    needs.push({
      system: n.system,
      recipient: n.recipient ?? DEFAULT_RECIPIENT,
      t,
      quantity: n.quantity * scale,
      weight: n.priority ?? system.priority,
      guarantee: lastMatch(settings.guarantee, (target) => targetMatchesSystem(target, system), 0),
    });
  }
  needs.sort((a, b) => byCode(a.system, b.system) || byCode(a.recipient, b.recipient) || a.t - b.t);

  return {
    input: {
      scenario: settings.name,
      months,
      countries,
      systems,
      lines,
      needs,
      recipients: [...new Set(needs.map((n) => n.recipient))].sort(byCode),
      financing:
        settings.financing === 'pooled'
          ? {
              kind: 'pooled',
              ...(settings.fairShare !== undefined ? { fairShare: settings.fairShare } : {}),
              ...(settings.workShare !== undefined ? { workShare: settings.workShare } : {}),
            }
          : { kind: 'national' },
      excluded: [...excluded].sort(byCode),
    },
    issues: [],
  };
}
