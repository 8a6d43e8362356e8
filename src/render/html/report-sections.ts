import { systemsByCategory } from '../plan-words.js';
import type { Manifest } from '../../results/manifest.js';
import type { Plan, PlanSummary } from '../../results/plan.js';
import type { ScenarioSettings } from '../../scenario/scenario-settings.js';
import { splitApplied } from '../../scenario/applied-settings.js';
import { CAUSE_WORDS } from '../cause-words.js';
import { humanEuros, humanUnits } from '../../base/format-number.js';
import { htmlFromSpec } from '../report-table.js';
import { systemsSpec } from '../tables/systems-table.js';
import { whoPaysSpec } from '../tables/who-pays-table.js';
import { esc, htmlTable, pc, section, weighted } from './html-kit.js';
import { moneyBoughtParts } from '../what-money-bought.js';
import { financingWords, horizonWords, solverWords } from '../plan-words.js';

export function keyFigures(summary: PlanSummary): string {
  const figure = (label: string, value: string, small: string) => `<div><dt>${esc(label)}</dt><dd>${esc(value)}<small>${esc(small)}</small></dd></div>`;
  return [
    '<p class="capabilities">By capability, the share of each system\'s need delivered:</p>',
    '<ul class="capabilities">',
    ...systemsByCategory(summary).map(([category, systems]) => `<li><strong>${esc(category)}</strong>: ${esc(systems.map((s) => `${s.name} ${pc(s.fillRate)}`).join('; '))}</li>`),
    '</ul>',
    '<dl class="figures">',
    figure('Weighted fill rate', pc(summary.weightedFillRate), `1 - weighted shortfall (${weighted(summary.weightedShortfall)}) / weighted need`),
    figure('Cost', humanEuros(summary.totalCostEur), `of ${humanEuros(summary.budgetEur)} made available`),
    figure('Systems short', `${summary.worstGaps.length} of ${summary.systems.length}`, summary.worstGaps.length > 0 ? `worst: ${summary.worstGaps[0]!.name}` : 'every need met'),
    '</dl>',
  ].join('\n');
}

export function gapsInWords(summary: PlanSummary): string {
  if (summary.worstGaps.length === 0) return '<p>Every need is met in every month.</p>';
  const items = summary.worstGaps.map((s) => {
    const cause = s.mainCause ? ` Main cause: ${CAUSE_WORDS[s.mainCause] ?? s.mainCause}.` : '';
    const met = s.firstMonthMet ? `Fully met from ${esc(s.firstMonthMet)}.` : 'Not fully met within the horizon.';
    return (
      `<li><strong>${esc(s.name)}</strong>: ${esc(humanUnits(s.shortfall))} ${esc(s.unit)}s short over ${s.monthsShort} month${s.monthsShort === 1 ? '' : 's'} ` +
      `(fill rate ${pc(s.fillRate)}).${esc(cause)} ${met}</li>`
    );
  });
  return `<p>Systems with a shortfall, the worst (by weighted shortfall) first.</p>\n<ul class="gaps">\n${items.join('\n')}\n</ul>`;
}

export function tables(plan: Plan, summary: PlanSummary): string {
  const { input } = plan;
  const out: string[] = [];
  out.push(
    '<h3>Headline</h3>',
    htmlTable(
      [{ label: 'measure' }, { label: 'value', kind: 'num' }],
      [
        ['Units needed', humanUnits(summary.need)],
        ['Units delivered', humanUnits(summary.delivered)],
        ['Fill rate', pc(summary.fillRate)],
        ['Fill rate weighted by priority', pc(summary.weightedFillRate)],
        ['Weighted shortfall', weighted(summary.weightedShortfall)],
        ['Total cost', humanEuros(summary.totalCostEur)],
        ['Money made available', humanEuros(summary.budgetEur)],
        ['Share of the money used', summary.budgetEur > 0 ? pc(summary.totalCostEur / summary.budgetEur) : 'n/a'],
        ...summary.fillRateByCategory.map((c) => [`Fill rate, ${c.category}`, pc(c.fillRate)]),
      ],
      { narrow: true },
    ),
  );
  out.push('<h3>Every system</h3>', htmlFromSpec(systemsSpec(plan), summary.systems));
  const withDuals = plan.payers.some((c) => c.marginalValuePerMillion !== undefined);
  out.push('<h3>Who pays</h3>', htmlFromSpec(whoPaysSpec(plan), plan.payers));
  if (!withDuals) out.push('<p class="note">The shortfall removed per extra euro is not available with this solver.</p>');
  if (input.financing.kind === 'national') {
    out.push('<p class="note">Under national financing each country pays only for its own lines: a budget without lines to spend it on stays unused.</p>');
  }
  out.push('<h3>Production lines</h3>', linesTable(plan));
  return out.join('\n');
}

function linesTable(plan: Plan): string {
  const { input } = plan;
  const H = input.months.length;
  const systemNames = new Map(input.systems.map((s) => [s.code, s.name]));
  const countryNames = new Map(input.countries.map((c) => [c.code, c.name]));
  const rows = input.lines.map((line, l) => {
    // lineMonths is ordered line by line: line l's months are l*H .. l*H + H - 1.
    const months = plan.lineMonths.slice(l * H, (l + 1) * H);
    const atEnd = months.at(-1)?.capacityOnline ?? line.capacityPerMonth;
    return [
      systemNames.get(line.system) ?? line.system,
      countryNames.get(line.country) ?? line.country,
      line.producer,
      humanUnits(line.capacityPerMonth),
      humanUnits(atEnd),
      humanUnits(line.maxCapacityPerMonth),
      String(line.leadTimeMonths),
      humanUnits(months.reduce((a, lm) => a + lm.units, 0)),
      humanEuros(months.reduce((a, lm) => a + lm.costEur, 0)),
    ];
  });
  return htmlTable(
    [
      { label: 'system' },
      { label: 'country' },
      { label: 'producer' },
      { label: 'capacity at start', kind: 'num' },
      { label: 'capacity at end', kind: 'num' },
      { label: 'ceiling', kind: 'num' },
      { label: 'lead time (months)', kind: 'num' },
      { label: 'units made', kind: 'num' },
      { label: 'cost', kind: 'num' },
    ],
    rows,
  );
}

export function causeList(): string {
  const items = Object.entries(CAUSE_WORDS).map(([cause, words]) => `<dt>${esc(cause)}</dt><dd>${esc(words)}.</dd>`);
  return `<dl class="terms">\n${items.join('\n')}\n</dl>`;
}

export function about(plan: Plan, scenario: ScenarioSettings, manifest: Manifest): string {
  const { input } = plan;
  const out: string[] = [];
  const { fromScenario, onTop } = splitApplied(scenario);
  const codes = (list: readonly string[]) => list.map((s) => `<code>${esc(s)}</code>`).join(', ');
  out.push(
    '<p class="note">',
    `Made by ${esc(manifest.tool.name)} ${esc(manifest.tool.version)} with the solver ${esc(solverWords(manifest))} ` +
      `(${manifest.model.variables} variables, ${manifest.model.constraints} constraints). ` +
      `${esc(horizonWords(plan))}; financing: ${esc(financingWords(plan))}.` +
      (fromScenario.length > 0 ? ` Settings of the scenario: ${codes(fromScenario)}.` : ' The scenario has no settings: the data as it stands.') +
      (onTop.length > 0 ? ` On top of it (--set): ${codes(onTop)}.` : '') +
      (input.excluded.length > 0 ? ` Excluded countries: ${esc(input.excluded.join(', '))}.` : '') +
      (manifest.data.latestSourceDate ? ` Latest source in the data: ${esc(manifest.data.latestSourceDate)}.` : ''),
    '</p>',
  );
  if (manifest.inputs.length > 0) {
    out.push(htmlTable([{ label: 'input file' }, { label: 'sha256', kind: 'code' }], manifest.inputs.map((i) => [i.file, i.sha256])));
  }
  return out.join('\n');
}

/** Under the title: the settings applied on top of the scenario (--set), which its name does not say. */
export function settingsLine(scenario: ScenarioSettings): string {
  const { onTop } = splitApplied(scenario);
  const list = onTop.length > 0 ? onTop.map((s) => `<code>${esc(s)}</code>`).join(', ') : 'none';
  return `<p class="meta">On top of the scenario (--set): ${list}</p>`;
}



/** "What money bought": capacity, stock releases, places in the queue and take-or-pay surplus; nothing where money bought output alone. */
export function moneyBoughtHtml(plan: Plan, summary: PlanSummary): string {
  const parts = moneyBoughtParts(plan, summary.levers);
  if (parts.length === 0) return '';
  const body = parts.map((p) => `<h3>${esc(p.title)}</h3>\n${p.html}`).join('\n');
  return section('money-bought', 'What money bought', `<p>Beyond output from capacity already online; options_plan.csv, releases.csv and queue.csv have every order, month and line.</p>\n${body}`);
}
