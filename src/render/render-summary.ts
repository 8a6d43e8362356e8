import { systemsByCategory } from './plan-words.js';
import { formatMonth } from '../inputs/periods.js';
import type { Plan, PlanSummary } from '../results/plan.js';
import { yearTotals } from '../results/summarize-years.js';
import type { GuaranteeAnalysis, SystemGuarantee } from '../results/promise-results.js';
import type { ScenarioSettings } from '../scenario/scenario-settings.js';
import { CAUSE_WORDS } from './cause-words.js';
import { humanEuros, humanPercent, humanUnits, markdownTable } from '../base/format-number.js';
import { financingWords } from './plan-words.js';
import { moneyFlowsSection, sharedInputsSection } from './summary-money-and-inputs.js';
import { moneyBoughtParts } from './what-money-bought.js';
import { markdownFromSpec } from './report-table.js';
import { guaranteeRows, guaranteesSpec } from './tables/guarantees-table.js';
import { byYearMarkdown } from './tables/by-year-table.js';
import { systemsSpec } from './tables/systems-table.js';
import { whoMakesWhatMarkdown } from './tables/who-makes-what-table.js';
import { whoPaysSpec } from './tables/who-pays-table.js';
import { splitApplied } from '../scenario/applied-settings.js';

const pc = humanPercent;
const table = markdownTable;

/** The Markdown summary a person reads first. */
export function renderSummary(plan: Plan, summary: PlanSummary, settings: ScenarioSettings, solver: { name: string; tieBreak: string }): string {
  const { input } = plan;
  const first = formatMonth(input.months[0]!);
  const last = formatMonth(input.months[input.months.length - 1]!);
  const out: string[] = [];
  const { fromScenario, onTop } = splitApplied(settings);
  const code = (list: readonly string[]) => list.map((t) => `\`${t}\``).join(', ');
  out.push(`# Ramp-up plan: scenario \`${settings.name}\`${onTop.length > 0 ? `, with ${code(onTop)} on top` : ''}`, '');
  if (settings.description) out.push(settings.description, '');
  out.push(
    `Horizon ${first} to ${last} (${input.months.length} months); financing: ${financingWords(plan)}; solver: ${solver.name}, tie-break: ${solver.tieBreak === 'soonest' ? 'deliver soonest' : solver.tieBreak}.`,
  );
  if (input.excluded.length > 0) out.push(`Excluded countries: ${input.excluded.join(', ')}.`);
  out.push(
    '',
    `Settings of the scenario (scenarios.csv): ${fromScenario.length > 0 ? code(fromScenario) : 'none, the data as it stands'}. ` +
      `On top of it (--set): ${onTop.length > 0 ? code(onTop) : 'none'}.`,
  );
  out.push(
    '',
    '## Headline',
    '',
    '- **Delivered, the share of each system\'s need, by capability** (every recipient):',
    ...systemsByCategory(summary).map(([category, systems]) => `  - **${category}**: ${systems.map((s) => `${s.name} ${pc(s.fillRate)}`).join('; ')}`),
    `- **Weighted fill rate: ${pc(summary.weightedFillRate)}**: 1 - weighted shortfall (${summary.weightedShortfall.toFixed(1)}) / weighted need, the weights being systems.csv's priorities.`,
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
  out.push(...moneyBoughtSection(plan, summary));
  if (plan.closure) out.push(...closureSection(plan, summary));
  if (plan.guarantees) out.push(...guaranteeSection(plan));
  out.push('', '## Every system', '', markdownFromSpec(systemsSpec(plan), summary.systems));
  const fractional = fractionalNeed(plan);
  out.push(
    '',
    'Figures for people are rounded to whole units; the CSV files keep three decimals, because the plan is a linear program that may make part of a unit' +
      (fractional ? `, and some needs are not whole (${fractional}: an annual figure spread over months, or a scale factor).` : '.'),
  );
  const perYear = byYearMarkdown(plan, yearTotals(plan));
  out.push('', '## Per year', '', 'Delivered of the need in each year, every recipient (by_year.csv per recipient):', '', table(perYear.header, perYear.rows));
  out.push('', '## Who makes what, month by month', '', 'Units made per system and country (every line of the country together); `production.csv` has each line.', '', whoMakesWhatMarkdown(plan));
  out.push('', '## Who pays', '', markdownFromSpec(whoPaysSpec(plan), plan.payers));
  out.push('', 'GDP shares are over the countries that bring money (the payers).');
  out.push(...moneyFlowsSection(plan), ...sharedInputsSection(plan));
  if (input.financing.kind === 'national') {
    out.push('', 'Under national financing each country pays only for its own lines: a budget without lines to spend it on stays unused.');
  }
  out.push('', '## Why a gap', '');
  for (const [cause, words] of Object.entries(CAUSE_WORDS)) out.push(`- \`${cause}\`: ${words}.`);
  out.push('');
  return out.join('\n');
}

/** "What money bought": capacity, stock releases, places in the queue, take-or-pay surplus. */
function moneyBoughtSection(plan: Plan, summary: PlanSummary): string[] {
  const parts = moneyBoughtParts(plan, summary.levers);
  if (parts.length === 0) return [];
  const out = ['', '## What money bought', '', 'Beyond output from capacity already online (`options_plan.csv`, `releases.csv` and `queue.csv` have every order, month and line):'];
  for (const part of parts) out.push('', `${part.title}:`, '', part.markdown);
  return out;
}

/** The first need that is not a whole number of units, in words ("5.83 tanks of Leopard 2 in 2026-01"), if any. */
function fractionalNeed(plan: Plan): string | undefined {
  const n = plan.input.needs.find((need) => Math.abs(need.quantity - Math.round(need.quantity)) > 1e-9);
  if (!n) return undefined;
  const system = plan.input.systems.find((s) => s.code === n.system);
  return `e.g. ${Number(n.quantity.toFixed(3))} ${system?.unit ?? 'unit'}s of ${system?.name ?? n.system} for ${n.recipient} in ${formatMonth(plan.input.months[n.t]!)}`;
}

function closureSection(plan: Plan, summary: PlanSummary): string[] {
  const c = plan.closure!;
  return [
    '',
    '## What money can and cannot close',
    '',
    `With unlimited money the weighted shortfall falls from ${summary.weightedShortfall.toFixed(1)} to ${c.weightedShortfallUnlimited.toFixed(1)}; ` +
      `that takes ${humanEuros(c.extraMoneyEur)} more than the budgets. What remains is set by lead times and ceilings.`,
    '',
    table(
      ['system', 'cost to close', 'short even with unlimited money', 'fully met from (scenario money)', 'fully met from (unlimited money)'],
      summary.systems.map((s) => {
        const sc = c.bySystem.get(s.system);
        const inputs = sc && sc.bindingInputs.length > 0 ? ` (${sc.bindingInputs.map((m) => plan.input.materials.find((x) => x.code === m)?.name ?? m).join(', ')} runs out)` : '';
        return [s.name, humanEuros(sc?.costToCloseEur ?? 0), `${humanUnits(sc?.shortfallMoneyCannotClose ?? 0)} ${s.unit}s${inputs}`, s.firstMonthMet ?? 'never', sc?.firstMonthMetUnlimited ?? 'never'];
      }),
    ),
    ...whoWouldPay(plan),
  ];
}

/** The top-ups by payer and channel: who would have to bring the extra money, pledged or not. */
function whoWouldPay(plan: Plan): string[] {
  const c = plan.closure!;
  if (c.topUpByPayer.size === 0) return [];
  const name = (code: string) => plan.input.payers.find((p) => p.code === code)?.name ?? code;
  const pledged = (code: string) => (plan.payers.find((p) => p.code === code)?.budgetEur ?? 0) > 0;
  return [
    '',
    'Who would bring the extra money (each payer tops up its own budget, through the channels it has; a payer that pledged nothing shows here too):',
    '',
    table(
      ['payer', 'top-up', 'pledged anything?', 'through'],
      [...c.topUpByPayer]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([payer, eur]) => [
          name(payer),
          humanEuros(eur),
          pledged(payer) ? 'yes' : 'no',
          [...(c.topUpByChannel.get(payer) ?? new Map<string, number>())]
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .map(([ch, v]) => `${ch} ${humanEuros(v)}`)
            .join(', ') || '-',
        ]),
    ),
  ];
}

function guaranteeSection(plan: Plan): string[] {
  const g = plan.guarantees!;
  const months = plan.input.months;
  const from = formatMonth(months[g.from]!);
  const joint = g.joint;
  return [
    '',
    `## What can be promised to ${g.recipient}, from ${from}`,
    '',
    PROMISE_WORDS,
    `All systems at once: **${pc(joint.asked.level)}** of every month's need from ${from} on with this money, ${pc(joint.asked.levelUnlimited)} with unlimited money.`,
    '',
    markdownFromSpec(guaranteesSpec(g, months), guaranteeRows(g)),
    ...pricesSection(g, months),
    ...jointByMonth(joint, months),
  ];
}

/** All systems at once by start month, where its curve was drawn at more than the asked month (horizons up to EVERY_MONTH_UP_TO). */
function jointByMonth(joint: SystemGuarantee, months: readonly number[]): string[] {
  if (joint.points.length < 2) return [];
  return [
    '',
    'All systems at once, by start month (`promises.csv` has every system and category):',
    '',
    table(
      ['from', 'promise, every month from then', 'if the months before were free', 'with unlimited money', 'the plan delivers, lowest month from then'],
      joint.points.filter((p, i) => i % 3 === 0 || i === joint.points.length - 1).map((p) => [formatMonth(months[p.from]!), pc(p.level), pc(p.levelEarlierFree), pc(p.levelUnlimited), pc(p.planLowest)]),
    ),
  ];
}

/** What a promise means, in words, wherever one is shown. */
export const PROMISE_WORDS =
  "A promise is a share of every month's need, from its start month on, that is delivered without fail, while no month before it gets less, cumulatively, than the plan delivers. " +
  "A system's promise assumes that system is served first, the others getting what is left, so the rows do not add up; a category's, and all systems', hold for their systems together. " +
  "Beside each: the promise if the months before were free (it may starve them), and the lowest share of a month's need the plan itself delivers.";

/** Each system's price at each level: extra money over the budgets, `impossible` with why. */
function pricesSection(g: GuaranteeAnalysis, months: readonly number[]): string[] {
  if (g.prices.length === 0) return [];
  const levels = [...new Set(g.prices.map((p) => p.level))].sort((a, b) => a - b);
  const price = (system: string, level: number) => g.prices.find((p) => p.system === system && p.level === level);
  const why = g.systems.flatMap((s) => {
    const impossible = g.prices.find((p) => p.system === s.system && p.extraMoneyEur === undefined);
    return impossible?.reason ? [`- ${s.name} from ${pc(impossible.level)}: ${impossible.reason}.`] : [];
  });
  return [
    '',
    `What a promise costs from ${formatMonth(months[g.from]!)}: the least extra money over the budgets (each system on its own, every other system keeping what the plan delivers it; \`promise_prices.csv\`):`,
    '',
    table(
      ['system', ...levels.map((l) => pc(l))],
      g.systems.map((s) => [s.name, ...levels.map((l) => {
        const p = price(s.system, l);
        return p === undefined ? '' : p.extraMoneyEur === undefined ? 'impossible' : humanEuros(p.extraMoneyEur);
      })]),
    ),
    ...(why.length > 0 ? ['', 'Why a promise is impossible at any price:', '', ...why] : []),
  ];
}
