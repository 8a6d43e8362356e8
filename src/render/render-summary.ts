import { formatMonth } from '../inputs/periods.js';
import type { Plan } from '../results/plan.js';
import type { PlanSummary } from '../results/summarize-plan.js';
import type { ScenarioSettings } from '../scenario/scenario-settings.js';
import { humanEuros, humanPercent, humanUnits, markdownTable } from './format-number.js';

export const CAUSE_WORDS: Record<string, string> = {
  capacity: 'lines full; more capacity could have been online in time but was not bought',
  'lead-time': 'lines full; new capacity could not be online by then',
  ceiling: 'every line at its ceiling',
  budget: 'spare capacity, but the money was spent',
  'no-producer': 'no line makes it in this scenario',
};

const pc = humanPercent;
const table = markdownTable;

/** The Markdown summary a person reads first. */
export function renderSummary(plan: Plan, summary: PlanSummary, settings: ScenarioSettings, solver: { name: string; duals: boolean }): string {
  const { input } = plan;
  const first = formatMonth(input.months[0]!);
  const last = formatMonth(input.months[input.months.length - 1]!);
  const out: string[] = [];
  out.push(`# Ramp-up plan: scenario \`${settings.name}\``, '');
  if (settings.description) out.push(settings.description, '');
  out.push(
    `Horizon ${first} to ${last} (${input.months.length} months); financing: ${input.financing.kind}` +
      (input.financing.kind === 'pooled' && input.financing.fairShare !== undefined ? `, fair share ${input.financing.fairShare}` : '') +
      (input.financing.kind === 'pooled' && input.financing.workShare !== undefined ? `, work share ${input.financing.workShare}` : '') +
      `; solver: ${solver.name}.`,
  );
  if (input.excluded.length > 0) out.push(`Excluded countries: ${input.excluded.join(', ')}.`);
  if (settings.applied.length > 0) {
    out.push('', 'Settings: ' + settings.applied.map((s) => `\`${s.setting}${s.target ? `:${s.target}` : ''}${s.value ? `=${s.value}` : ''}\``).join(', ') + '.');
  }
  out.push(
    '',
    '## Headline',
    '',
    `- **Fill rate: ${pc(summary.fillRate)}** of the ${humanUnits(summary.need)} units needed are delivered (${pc(summary.weightedFillRate)} weighted by priority).`,
    `- Weighted shortfall: ${summary.weightedShortfall.toFixed(1)}.`,
    `- Total cost: ${humanEuros(summary.totalCostEur)} of ${humanEuros(summary.budgetEur)} made available (${summary.budgetEur > 0 ? pc(summary.totalCostEur / summary.budgetEur) : 'n/a'}).`,
    '',
    '## Worst gaps',
    '',
  );
  if (summary.worstGaps.length === 0) out.push('Every need is met in every month.');
  else {
    out.push(
      table(
        ['system', 'shortfall', 'fill rate', 'months short', 'main cause', 'fully met from'],
        summary.worstGaps.slice(0, 5).map((s) => [s.name, `${humanUnits(s.shortfall)} ${s.unit}s`, pc(s.fillRate), String(s.monthsShort), s.mainCause ?? '', s.firstMonthMet ?? 'never in the horizon']),
      ),
    );
  }
  if (plan.closure) {
    const c = plan.closure;
    out.push('', '## What money can and cannot close', '');
    out.push(
      `With unlimited money the weighted shortfall falls from ${summary.weightedShortfall.toFixed(1)} to ${c.weightedShortfallUnlimited.toFixed(1)}; ` +
        `that takes ${humanEuros(c.extraMoneyEur)} more than the budgets. What remains is set by lead times and ceilings.`,
      '',
    );
    out.push(
      table(
        ['system', 'cost to close', 'short even with unlimited money', 'fully met from (scenario money)', 'fully met from (unlimited money)'],
        summary.systems.map((s) => {
          const sc = c.bySystem.get(s.system);
          return [s.name, humanEuros(sc?.costToCloseEur ?? 0), `${humanUnits(sc?.shortfallMoneyCannotClose ?? 0)} ${s.unit}s`, s.firstMonthMet ?? 'never', sc?.firstMonthMetUnlimited ?? 'never'];
        }),
      ),
    );
  }
  if (plan.guarantees) out.push(...guaranteeSection(plan));
  out.push('', '## Every system', '');
  out.push(
    table(
      ['system', 'category', 'need', 'delivered', 'fill rate', 'main cause'],
      summary.systems.map((s) => [s.name, s.category, humanUnits(s.need), humanUnits(s.delivered), pc(s.fillRate), s.mainCause ?? '']),
    ),
  );
  out.push('', '## Who pays', '');
  const totalPaid = plan.countries.reduce((a, c) => a + c.paidEur, 0);
  out.push(
    table(
      ['country', 'budget', input.financing.kind === 'pooled' ? 'paid into the pool' : 'spent', 'share', 'GDP share', 'shortfall removed per extra EUR 1 m', ...(plan.countries.some((c) => c.sensitivityPerMillion !== undefined) ? ['same, with +10 % money'] : [])],
      plan.countries.map((c) => [
        c.name,
        humanEuros(c.budgetEur),
        humanEuros(c.paidEur),
        totalPaid > 0 ? pc(c.paidEur / totalPaid) : '0.0 %',
        c.gdpShare === undefined ? 'no budget' : pc(c.gdpShare),
        solver.duals ? (c.marginalValuePerMillion ?? 0).toFixed(3) : 'not available with this solver',
        ...(c.sensitivityPerMillion !== undefined ? [c.sensitivityPerMillion.toFixed(3)] : []),
      ]),
    ),
  );
  out.push('', 'GDP shares are over the countries that bring money (the payers).');
  if (input.financing.kind === 'national') {
    out.push('', 'Under national financing each country pays only for its own lines: a budget without lines to spend it on stays unused.');
  }
  out.push('', '## Why a gap', '');
  for (const [cause, words] of Object.entries(CAUSE_WORDS)) out.push(`- \`${cause}\`: ${words}.`);
  out.push('');
  return out.join('\n');
}

function guaranteeSection(plan: Plan): string[] {
  const g = plan.guarantees!;
  const month = (t: number | undefined) => (t === undefined ? 'not within the horizon' : formatMonth(plan.input.months[t]!));
  const from = g.from !== undefined ? formatMonth(plan.input.months[g.from]!) : undefined;
  const out = [
    '',
    '## What can be guaranteed',
    '',
    `A guarantee is a share of **every** month's need that is delivered without fail. Across all systems at once the coalition can guarantee ` +
      `**${pc(g.jointLevel)}** of Ukraine's monthly needs with this money, and ${pc(g.jointLevelUnlimited)} with unlimited money ` +
      `(lead times and ceilings set that limit).`,
    '',
  ];
  const header = ['system', 'guarantee', 'with unlimited money', '100 % from', '100 % from, unlimited money'];
  if (from) header.push(`extra money for 100 % from ${from}`);
  out.push(
    table(
      header,
      g.systems.map((s) => [
        s.name,
        pc(s.level),
        pc(s.levelUnlimited),
        month(s.firstFullMonth),
        month(s.firstFullMonthUnlimited),
        ...(from ? [s.extraMoneyFromEur === undefined ? 'impossible at any price' : humanEuros(s.extraMoneyFromEur)] : []),
      ]),
    ),
  );
  if (from) {
    out.push('', `To guarantee 100 % of every system from ${from}: ${g.jointExtraMoneyFromEur === undefined ? 'impossible at any price (lead times and ceilings)' : `${humanEuros(g.jointExtraMoneyFromEur)} more than the budgets`}.`);
  }
  return out;
}
