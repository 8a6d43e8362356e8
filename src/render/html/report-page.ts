import type { TopLevelSpec } from 'vega-lite';
import type { Manifest } from '../../results/manifest.js';
import type { CalibrationRow } from '../../results/calibration.js';
import type { Plan, PlanSummary } from '../../results/plan.js';
import type { ScenarioSettings } from '../../scenario/scenario-settings.js';
import { budgetSharesChart } from '../charts/budget-shares-chart.js';
import { capacityChart } from '../charts/capacity-chart.js';
import { calibrationChart } from '../charts/calibration-chart.js';
import { costToCloseChart } from '../charts/cost-to-close-chart.js';
import { materialsChart } from '../charts/materials-chart.js';
import { moneyFlowsChart } from '../charts/money-flows-chart.js';
import { optionsCapacityChart } from '../charts/options-capacity-chart.js';
import { needDeliveredChart } from '../charts/need-delivered-chart.js';
import { promiseCurvesChart } from '../charts/promise-curves-chart.js';
import { promisePricesChart } from '../charts/promise-prices-chart.js';
import { formatMonth } from '../../inputs/periods.js';
import type { RenderSvg } from '../charts/render-svg.js';
import { chartFigure, esc, renderHtmlPage, section } from './html-kit.js';
import { financingWords, horizonWords, solverWords } from '../plan-words.js';
import { calibrationSection } from './calibration-section.js';
import { about, causeList, gapsInWords, keyFigures, moneyBoughtHtml, settingsLine, tables } from './report-sections.js';

/** What it would cost to close one system's gap, for the cost-to-close chart. */
export interface CostToCloseRow {
  readonly system: string;
  readonly name: string;
  readonly costToCloseEur: number;
}

export interface HtmlReportInput {
  readonly plan: Plan;
  readonly summary: PlanSummary;
  readonly scenario: ScenarioSettings;
  readonly manifest: Manifest;
}

/** Optional parts of the report; a part that is not given leaves no trace on the page. */
export interface HtmlReportExtra {
  readonly costToClose?: readonly CostToCloseRow[];
  /** A replay's figures against the record (rampup replay). */
  readonly calibration?: readonly CalibrationRow[];
}

/**
 * Asks for the charts that need only the plan, before the analyses re-solve: a renderer on
 * another thread can draw them meanwhile, and the report picks them up (memoizeRender).
 */
export function requestEarlyCharts(plan: Plan, summary: PlanSummary, renderSvg: RenderSvg): void {
  for (const [spec, prefix] of [[needDeliveredChart(plan, summary), 'need-delivered'], [capacityChart(plan), 'capacity'], [budgetSharesChart(plan), 'budget-shares']] as const) {
    renderSvg(spec, prefix).catch(() => undefined); // failures surface when the report asks again
  }
}

/** One chart of the report: shown when the plan has something to draw, with its title and caption. */
interface ReportChart {
  readonly id: string;
  readonly title: (plan: Plan) => string;
  readonly caption: (plan: Plan, summary: PlanSummary) => string;
  readonly shown: (plan: Plan, summary: PlanSummary, extra: HtmlReportExtra) => boolean;
  readonly spec: (plan: Plan, summary: PlanSummary, extra: HtmlReportExtra) => TopLevelSpec;
}

const paidWord = (plan: Plan) => (plan.input.financing.kind === 'pooled' ? 'paid into the pool' : 'spent');
const costRows = (extra: HtmlReportExtra) => extra.costToClose?.filter((r) => Math.round(r.costToCloseEur) > 0) ?? [];

/** The report's charts, in the order the page shows them. */
const CHARTS: readonly ReportChart[] = [
  {
    id: 'calibration',
    title: () => 'Does it reproduce the record? The model against what happened',
    caption: () =>
      'Each figure of actuals.csv: what the model says was possible over what was reported. Below the band the model says less was possible than happened (a data error to fix); above it, more (the table gives the reason the data holds).',
    shown: (_plan, _summary, extra) => (extra.calibration?.length ?? 0) > 0,
    spec: (_plan, _summary, extra) => calibrationChart(extra.calibration!),
  },
  {
    id: 'need-delivered',
    title: () => 'Need and delivery per system, by month',
    caption: () => 'Units a month, all recipients together; the shaded band is the shortfall. Each panel has its own scale: interceptors and shells differ by orders of magnitude.',
    shown: (_plan, summary) => summary.systems.length > 0,
    spec: (plan, summary) => needDeliveredChart(plan, summary),
  },
  {
    id: 'capacity',
    title: () => 'Production capacity per system, by month',
    caption: (plan, summary) => {
      const withoutLines = summary.systems.filter((s) => !plan.input.lines.some((l) => l.system === s.system));
      return (
        'Units a month, every line of a system together: the capacity online, the ceiling it can be expanded to, and what was made.' +
        (withoutLines.length > 0 ? ` No line makes ${withoutLines.map((s) => s.name).join(', ')} in this scenario.` : '')
      );
    },
    shown: (plan) => plan.input.lines.length > 0,
    spec: (plan) => capacityChart(plan),
  },
  {
    id: 'money-bought',
    title: () => 'Capacity bought, line by line',
    caption: () =>
      "Units a month online at each line that ordered capacity, stacked by where it came from: the line's starting capacity, its own expansion, and each capacity option (options.csv), numbered on its line as the panel's title names them. " +
      'A plant that could be built is marked as new.',
    shown: (plan) => plan.orders.length > 0,
    spec: (plan) => optionsCapacityChart(plan),
  },
  {
    id: 'budget-shares',
    title: () => 'Who pays, against who could',
    caption: (plan) => {
      const paid = paidWord(plan);
      return `Each country's share of the money made available, of the money ${paid}, and of the GDP of the countries taking part; the countries that paid most first, with the money they ${paid === 'spent' ? 'spent' : 'paid'} in brackets.`;
    },
    shown: (plan) => plan.payers.length > 0,
    spec: (plan) => budgetSharesChart(plan),
  },
  {
    id: 'promises',
    title: (plan) => `What can be promised to ${plan.guarantees!.recipient}, from each month on`,
    caption: () =>
      "A system's line is the share of every month's need, from that month to the end, that can be delivered without fail if that system is served first, " +
      'no month before getting less, cumulatively, than the plan delivers; the dashed line is the same with unlimited money, the grey dashed line the promise if the months before were free. ' +
      'The panels after the systems hold for each category, and for all systems at once. The grey area is what the plan itself delivers each month: a promise is not a delivery.',
    shown: (plan) => plan.guarantees !== undefined,
    spec: (plan) => promiseCurvesChart(plan),
  },
  {
    id: 'promise-prices',
    title: (plan) => `What a promise costs, from ${formatMonth(plan.input.months[plan.guarantees!.from]!)}`,
    caption: (plan) => {
      const impossible = plan.guarantees!.systems.filter((s) => plan.guarantees!.prices.some((p) => p.system === s.system && p.extraMoneyEur === undefined));
      return (
        'EUR million over the budgets to promise each share of every month\'s need of one system, every other system keeping what the plan delivers it. ' +
        (impossible.length > 0 ? `Levels no money reaches have no point (${impossible.map((s) => s.name).join(', ')}; promise_prices.csv says why).` : 'Every level can be bought.')
      );
    },
    shown: (plan) => plan.guarantees !== undefined && plan.guarantees.prices.some((p) => p.extraMoneyEur !== undefined && p.extraMoneyEur > 0),
    spec: (plan) => promisePricesChart(plan),
  },
  {
    id: 'money-flows',
    title: () => 'Money flows: whose industry each payer pays',
    caption: () => 'EUR million over the horizon, one bar per payer, split by the country whose lines the money buys from.',
    shown: (plan) => plan.moneyFlows.some((f) => f.paidEur > 0),
    spec: (plan) => moneyFlowsChart(plan),
  },
  {
    id: 'materials',
    title: () => 'Shared inputs: supply against use, by month',
    caption: () => "Each material's capacity online, what its lines made, what the month's output used, and the stock left.",
    shown: (plan) => plan.materials.length > 0,
    spec: (plan) => materialsChart(plan),
  },
  {
    id: 'cost-to-close',
    title: () => 'What it would cost to close each gap',
    caption: () => 'EUR million per system with a shortfall, largest first.',
    shown: (_plan, _summary, extra) => costRows(extra).length > 0,
    spec: (_plan, _summary, extra) => costToCloseChart(costRows(extra)),
  },
];

/**
 * report.html: one self-contained page (no script, no font or style from elsewhere, charts
 * drawn to inline SVG at build time), printable, and byte-identical for the same plan.
 */
export async function renderHtmlReport(outcome: HtmlReportInput, extra: HtmlReportExtra = {}, renderSvg?: RenderSvg): Promise<string> {
  // The chart libraries load only when this thread draws (a worker may draw instead).
  const render = renderSvg ?? (await import('../charts/render-chart-svg.js')).renderChartSvg;
  const { plan, summary, scenario, manifest } = outcome;
  const figures: string[] = [];
  for (const chart of CHARTS) {
    if (chart.shown(plan, summary, extra)) figures.push(chartFigure(chart.id, chart.title(plan), chart.caption(plan, summary), await render(chart.spec(plan, summary, extra), chart.id)));
  }

  const body = [
    '<header>',
    '<p class="kicker">Ramp-up plan</p>',
    `<h1>Scenario ${esc(scenario.name)}</h1>`,
    scenario.description ? `<p class="lede">${esc(scenario.description)}</p>` : '',
    settingsLine(scenario),
    `<p class="meta">${esc(horizonWords(plan))} · financing: ${esc(financingWords(plan))} · solver: ${esc(solverWords(manifest))}</p>`,
    '</header>',
    keyFigures(summary),
    extra.calibration && extra.calibration.length > 0 ? calibrationSection(extra.calibration) : '',
    section('gaps', 'Where the plan falls short', gapsInWords(summary)),
    moneyBoughtHtml(plan, summary),
    section('charts', 'Charts', figures.join('\n')),
    section('tables', 'Tables', tables(plan, summary)),
    section('causes', 'Why a gap', causeList()),
    section('about', 'About this report', about(plan, scenario, manifest)),
  ];
  return renderHtmlPage(`Ramp-up plan: scenario ${scenario.name}`, body.filter((part) => part !== '').join('\n'));
}
