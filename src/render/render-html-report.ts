import type { TopLevelSpec } from 'vega-lite';
import { formatMonth } from '../inputs/periods.js';
import type { Plan } from '../results/plan.js';
import type { PlanSummary } from '../results/summarize-plan.js';
import type { ScenarioSettings } from '../scenario/scenario-settings.js';
import { humanEuros, humanPercent, humanUnits } from './format-number.js';
import type { Manifest } from './render-manifest.js';
import type { RenderSvg } from './chart-renderer.js';
import { CAUSE_WORDS } from './render-summary.js';

/** What it would cost to close one system's gap, for chart 4. */
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
}

/**
 * report.html: one self-contained page (no script, no font or style from elsewhere, charts
 * drawn to inline SVG at build time), printable, and byte-identical for the same plan.
 */
export async function renderHtmlReport(outcome: HtmlReportInput, extra: HtmlReportExtra = {}, renderSvg?: RenderSvg): Promise<string> {
  // The chart libraries load only when this thread draws (a worker may draw instead).
  const render = renderSvg ?? (await import('./render-chart-svg.js')).renderChartSvg;
  const { plan, summary, scenario, manifest } = outcome;
  const { input } = plan;
  const paid = input.financing.kind === 'pooled' ? 'paid into the pool' : 'spent';
  const figures: string[] = [];
  if (summary.systems.length > 0) {
    figures.push(
      chartFigure(
        'need-delivered',
        'Need and delivery per system, by month',
        'Units a month, all recipients together; the shaded band is the shortfall. Each panel has its own scale: interceptors and shells differ by orders of magnitude.',
        await render(needDeliveredChart(plan, summary), 'need-delivered'),
      ),
    );
  }
  if (input.lines.length > 0) {
    const withoutLines = summary.systems.filter((s) => !input.lines.some((l) => l.system === s.system));
    figures.push(
      chartFigure(
        'capacity',
        'Production capacity per system, by month',
        'Units a month, every line of a system together: the capacity online, the ceiling it can be expanded to, and what was made.' +
          (withoutLines.length > 0 ? ` No line makes ${withoutLines.map((s) => s.name).join(', ')} in this scenario.` : ''),
        await render(capacityChart(plan), 'capacity'),
      ),
    );
  }
  if (plan.countries.length > 0) {
    figures.push(
      chartFigure(
        'budget-shares',
        'Who pays, against who could',
        `Each country's share of the money made available, of the money ${paid}, and of the GDP of the countries taking part.`,
        await render(budgetSharesChart(plan), 'budget-shares'),
      ),
    );
  }
  const costRows = extra.costToClose?.filter((r) => r.costToCloseEur > 0) ?? [];
  if (costRows.length > 0) {
    figures.push(
      chartFigure(
        'cost-to-close',
        'What it would cost to close each gap',
        'EUR million per system with a shortfall, largest first.',
        await render(costToCloseChart(costRows), 'cost-to-close'),
      ),
    );
  }

  const body = [
    '<header>',
    '<p class="kicker">Ramp-up plan</p>',
    `<h1>Scenario ${esc(scenario.name)}</h1>`,
    scenario.description ? `<p class="lede">${esc(scenario.description)}</p>` : '',
    `<p class="meta">${esc(horizonWords(plan))} · financing: ${esc(financingWords(plan))} · solver: ${esc(solverWords(manifest))}</p>`,
    '</header>',
    keyFigures(summary),
    section('gaps', 'Where the plan falls short', gapsInWords(summary)),
    section('charts', 'Charts', figures.join('\n')),
    section('tables', 'Tables', tables(plan, summary)),
    section('causes', 'Why a gap', causeList()),
    section('about', 'About this report', about(plan, scenario, manifest)),
  ];
  return renderHtmlPage(`Ramp-up plan: scenario ${scenario.name}`, body.filter((part) => part !== '').join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Charts: Vega-Lite specs, each a pure function of the data it shows

const INK = '#1a1a1a';
const MUTED = '#6b6b6b';
const NAVY = '#1f4e79';
const STEEL = '#7f9fc0';
const GREY = '#bdbdbd';
const RED = '#b5403a';

/** The house style of every chart: no frame, a light horizontal grid, small dark text. */
export const CHART_CONFIG = {
  font: 'Helvetica Neue, Helvetica, Arial, sans-serif',
  background: '#ffffff',
  padding: 4,
  view: { stroke: null },
  axis: {
    labelColor: INK,
    titleColor: INK,
    labelFontSize: 10,
    titleFontSize: 10,
    titleFontWeight: 'normal',
    domainColor: MUTED,
    tickColor: MUTED,
    gridColor: '#e6e6e6',
  },
  axisX: { grid: false },
  axisY: { domain: false, ticks: false },
  axisBand: { domain: false, ticks: false },
  header: { labelFontSize: 11, labelColor: INK, labelFontWeight: 'bold', labelAnchor: 'start', labelLimit: 440 },
  legend: { orient: 'top', labelFontSize: 10, labelLimit: 320, title: null, symbolStrokeWidth: 2, symbolSize: 160 },
  line: { strokeWidth: 1.75 },
} as const;

const MONTH_X = {
  field: 'month',
  type: 'temporal',
  scale: { type: 'utc' },
  axis: { title: null, format: '%b %Y', labelAngle: 0, tickCount: 4, labelOverlap: true },
} as const;

interface Series {
  /** The field of the data rows, which is also the label in the legend. */
  readonly field: string;
  readonly color: string;
  readonly dashed: boolean;
}

/**
 * Panels laid out by their plotting areas alone ('flush'), so that the columns line up whatever
 * the length of a title or of an axis's numbers; the spacing leaves room for the y axis.
 */
const PANEL_LAYOUT = { bounds: 'flush', spacing: { row: 64, column: 84 } } as const;

/**
 * A layer that draws some fields of each row as lines, one per field, with one legend giving
 * each line's colour and dash (the two channels share the folded field, so Vega-Lite merges them).
 */
function linesLayer(series: readonly Series[], months: number) {
  const domain = series.map((s) => s.field);
  return {
    name: 'lines',
    transform: [{ fold: domain, as: ['series', 'value'] as [string, string] }],
    // A line through one month is invisible: a horizon of one month shows its points.
    mark: { type: 'line' as const, ...(months === 1 ? { point: { filled: true, size: 50 } } : {}) },
    encoding: {
      // A fixed axis width lines the panels of a column up whatever their numbers.
      y: { field: 'value', type: 'quantitative' as const, title: null, axis: { format: ',~f', minExtent: 56, maxExtent: 56 } },
      color: { field: 'series', type: 'nominal' as const, sort: domain, scale: { domain, range: series.map((s) => s.color) } },
      strokeDash: { field: 'series', type: 'nominal' as const, sort: domain, scale: { domain, range: series.map((s) => (s.dashed ? [4, 3] : [1, 0])) } },
    },
  };
}

/** Chart 1: need and delivery over time, one panel per system with its own y scale, the gap shaded. */
export function needDeliveredChart(plan: Plan, summary: PlanSummary): TopLevelSpec {
  const { input } = plan;
  const labels = uniqueLabels(summary.systems.map((s) => ({ code: s.system, label: `${s.name} (${s.unit}s)` })));
  const values: { panel: string; month: number; Need: number; Delivered: number }[] = [];
  summary.systems.forEach((s, i) => {
    const need = input.months.map(() => 0);
    const delivered = input.months.map(() => 0);
    for (const n of plan.needs) {
      if (n.need.system !== s.system) continue;
      need[n.need.t]! += n.need.quantity;
      delivered[n.need.t]! += n.delivered;
    }
    input.months.forEach((m, t) => values.push({ panel: labels[i]!, month: monthMs(m), Need: round(need[t]!), Delivered: round(delivered[t]!) }));
  });
  return {
    config: CHART_CONFIG,
    data: { values },
    facet: { field: 'panel', type: 'nominal', title: null, sort: labels },
    columns: 2,
    ...PANEL_LAYOUT,
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
    spec: {
      width: 310,
      height: 140,
      encoding: { x: MONTH_X },
      layer: [
        {
          name: 'shortfall',
          mark: { type: 'area', opacity: 0.3 },
          encoding: {
            y: { field: 'Delivered', type: 'quantitative' },
            y2: { field: 'Need' },
            fill: { datum: 'Shortfall', scale: { range: [RED] }, legend: { symbolType: 'square', symbolOpacity: 0.3 } },
          },
        },
        linesLayer([
          { field: 'Need', color: INK, dashed: true },
          { field: 'Delivered', color: NAVY, dashed: false },
        ], input.months.length),
      ],
    },
  };
}

/** Chart 2: capacity online against the ceiling, every line of a system added up, one panel per system. */
export function capacityChart(plan: Plan): TopLevelSpec {
  const { input } = plan;
  const systems = input.systems.filter((s) => input.lines.some((l) => l.system === s.code));
  const labels = uniqueLabels(systems.map((s) => ({ code: s.code, label: `${s.name} (${s.unit}s)` })));
  const values: { panel: string; month: number; Ceiling: number; 'Capacity online': number; Made: number }[] = [];
  // One pass over the lines and their months (lineMonths is ordered line by line).
  const H = input.months.length;
  const position = new Map(systems.map((s, i) => [s.code, i]));
  const ceiling = new Float64Array(systems.length);
  const online = new Float64Array(systems.length * H);
  const made = new Float64Array(systems.length * H);
  input.lines.forEach((line, l) => {
    const i = position.get(line.system)!;
    ceiling[i]! += line.maxCapacityPerMonth;
    for (let t = 0; t < H; t++) {
      const lm = plan.lineMonths[l * H + t]!;
      online[i * H + t]! += lm.capacityOnline;
      made[i * H + t]! += lm.units;
    }
  });
  systems.forEach((_, i) => {
    input.months.forEach((m, t) =>
      values.push({ panel: labels[i]!, month: monthMs(m), Ceiling: round(ceiling[i]!), 'Capacity online': round(online[i * H + t]!), Made: round(made[i * H + t]!) }),
    );
  });
  return {
    config: CHART_CONFIG,
    data: { values },
    facet: { field: 'panel', type: 'nominal', title: null, sort: labels },
    columns: 2,
    ...PANEL_LAYOUT,
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
    spec: {
      width: 310,
      height: 140,
      encoding: { x: MONTH_X },
      layer: [
        {
          name: 'online_area',
          mark: { type: 'area', opacity: 0.12, color: NAVY },
          encoding: { y: { field: 'Capacity online', type: 'quantitative' } },
        },
        linesLayer([
          { field: 'Ceiling', color: INK, dashed: true },
          { field: 'Capacity online', color: NAVY, dashed: false },
          { field: 'Made', color: STEEL, dashed: false },
        ], input.months.length),
      ],
    },
  };
}

/** Chart 3: each country's share of the budgets, of the money paid, and of GDP, as grouped bars. */
export function budgetSharesChart(plan: Plan): TopLevelSpec {
  const countries = plan.countries;
  const totalBudget = countries.reduce((a, c) => a + c.budgetEur, 0);
  const totalPaid = countries.reduce((a, c) => a + c.paidEur, 0);
  const paid = plan.input.financing.kind === 'pooled' ? 'Share of money paid into the pool' : 'Share of money spent';
  const series = ['Share of budgets', paid, 'Share of payers\' GDP'];
  const labels = uniqueLabels(countries.map((c) => ({ code: c.code, label: c.name })));
  const share = (part: number, whole: number) => (whole > 0 ? round(part / whole, 6) : 0);
  const values = countries.flatMap((c, i) => [
    { country: labels[i]!, series: series[0]!, share: share(c.budgetEur, totalBudget) },
    { country: labels[i]!, series: series[1]!, share: share(c.paidEur, totalPaid) },
    { country: labels[i]!, series: series[2]!, share: round(c.gdpShare ?? 0, 6) },
  ]);
  return {
    config: CHART_CONFIG,
    data: { values },
    width: 560,
    height: { step: 11 },
    name: 'shares',
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'country', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 320 }, scale: { paddingInner: 0.3 } },
      yOffset: { field: 'series', type: 'nominal', sort: series, scale: { paddingInner: 0.15 } },
      x: { field: 'share', type: 'quantitative', title: null, axis: { format: '.0%', grid: true }, scale: { zero: true, nice: true } },
      color: { field: 'series', type: 'nominal', sort: series, scale: { domain: series, range: [STEEL, NAVY, GREY] } },
    },
  };
}

/** Chart 4: the cost of closing each system's gap, largest first. */
export function costToCloseChart(rows: readonly { system: string; name: string; costToCloseEur: number }[]): TopLevelSpec {
  const sorted = [...rows].sort((a, b) => b.costToCloseEur - a.costToCloseEur || (a.system < b.system ? -1 : a.system > b.system ? 1 : 0));
  const labels = uniqueLabels(sorted.map((r) => ({ code: r.system, label: r.name })));
  return {
    config: CHART_CONFIG,
    data: { values: sorted.map((r, i) => ({ system: labels[i]!, costMillionEur: round(r.costToCloseEur / 1e6), label: millions(r.costToCloseEur) })) },
    width: 560,
    height: { step: 22 },
    encoding: {
      y: { field: 'system', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 400 } },
      x: { field: 'costMillionEur', type: 'quantitative', title: 'EUR million', axis: { format: ',~f', grid: true } },
    },
    layer: [
      { name: 'cost', mark: { type: 'bar', color: NAVY, height: { band: 0.7 } } },
      { name: 'cost_label', mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: INK }, encoding: { text: { field: 'label' } } },
    ],
  };
}

/**
 * Draws a Vega-Lite spec to an SVG string, with no browser and no canvas (text widths are
 * estimated), so the same spec gives the same bytes. Vega numbers clip paths from a counter
 * shared by the whole process; they are renumbered here under `idPrefix`, which keeps the page
 * identical run to run and the ids of two charts on one page apart. The SVG is labelled by the
 * element `${idPrefix}-title`, the title chartFigure gives it. A warning from Vega-Lite or Vega
 * (a spec it had to drop part of) is an error: a chart is drawn as written or not at all.
 */
export function renderHtmlPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // The page may load nothing at all: no script, font, image or style from anywhere.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const STYLE = `
:root { --ink: #1a1a1a; --muted: #5c5c5c; --rule: #d6d6d6; --navy: #1f4e79; }
* { box-sizing: border-box; }
html { background: #fff; color: var(--ink); font: 17px/1.55 Georgia, "Times New Roman", serif; }
body { margin: 0; }
main { max-width: 62rem; margin: 0 auto; padding: 2.5rem 2rem 4rem; }
header { border-bottom: 3px solid var(--navy); padding-bottom: 1rem; }
.kicker, .meta, figcaption, table, .figures, .note { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .09em; font-size: .72rem; color: var(--navy); font-weight: bold; }
h1 { margin: .2rem 0 .4rem; font-size: 2.1rem; font-weight: normal; line-height: 1.2; }
h2 { margin: 2.8rem 0 1rem; padding-top: .5rem; border-top: 1px solid var(--ink); font-size: 1.35rem; font-weight: normal; }
h3 { margin: 2rem 0 .5rem; font-size: 1.05rem; }
.lede { margin: .2rem 0 .6rem; font-size: 1.15rem; color: var(--muted); }
.meta { margin: 0; font-size: .8rem; color: var(--muted); }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 1rem; margin: 1.6rem 0 0; }
.figures div { border-top: 1px solid var(--rule); padding-top: .4rem; }
.figures dt { font-size: .75rem; color: var(--muted); }
.figures dd { margin: 0; font-size: 1.5rem; font-family: Georgia, "Times New Roman", serif; }
.figures dd small { display: block; margin-top: .15rem; font-size: .75rem; color: var(--muted); font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; }
figure { margin: 2rem 0; }
figcaption { font-size: .82rem; color: var(--muted); margin-bottom: .6rem; }
figcaption strong { display: block; color: var(--ink); font-size: .95rem; margin-bottom: .15rem; }
figure svg { display: block; max-width: 100%; height: auto; }
table { width: 100%; border-collapse: collapse; font-size: .8rem; font-variant-numeric: tabular-nums; margin: .5rem 0 1rem; }
th { text-align: left; font-weight: 600; border-bottom: 1px solid var(--ink); padding: .35rem .7rem .35rem 0; vertical-align: bottom; }
td { border-bottom: 1px solid #e8e8e8; padding: .3rem .7rem .3rem 0; vertical-align: top; }
th.num, td.num { text-align: right; }
td.num { white-space: nowrap; }
table.narrow { width: auto; min-width: 50%; }
td.code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .75rem; word-break: break-all; }
ul.gaps li, dl.terms dd { margin-bottom: .4rem; }
dl.terms dt { font-weight: bold; }
dl.terms dd { margin-left: 1.5rem; }
.note { font-size: .82rem; color: var(--muted); }
@media (max-width: 700px) { .figures { grid-template-columns: repeat(2, 1fr); } main { padding: 1.5rem 1rem; } }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  html { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  header { border-bottom-width: 2px; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure, tr, .figures { break-inside: avoid; page-break-inside: avoid; }
  figcaption { break-after: avoid; page-break-after: avoid; }
  /* A chart of many panels is shrunk to fit one page with its caption. */
  figure svg { width: auto; max-height: 225mm; }
  thead { display: table-header-group; }
}
`.trim();

function keyFigures(summary: PlanSummary): string {
  const figure = (label: string, value: string, small: string) => `<div><dt>${esc(label)}</dt><dd>${esc(value)}<small>${esc(small)}</small></dd></div>`;
  return [
    '<dl class="figures">',
    figure('Fill rate', pc(summary.fillRate), `of ${humanUnits(summary.need)} units needed`),
    figure('Weighted by priority', pc(summary.weightedFillRate), `weighted shortfall ${weighted(summary.weightedShortfall)}`),
    figure('Cost', humanEuros(summary.totalCostEur), `of ${humanEuros(summary.budgetEur)} made available`),
    figure('Systems short', `${summary.worstGaps.length} of ${summary.systems.length}`, summary.worstGaps.length > 0 ? `worst: ${summary.worstGaps[0]!.name}` : 'every need met'),
    '</dl>',
  ].join('\n');
}

function gapsInWords(summary: PlanSummary): string {
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

function tables(plan: Plan, summary: PlanSummary): string {
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
  out.push(
    '<h3>Every system</h3>',
    htmlTable(
      [
        { label: 'system' },
        { label: 'category' },
        { label: 'need', kind: 'num' },
        { label: 'delivered', kind: 'num' },
        { label: 'shortfall', kind: 'num' },
        { label: 'fill rate', kind: 'num' },
        { label: 'months short', kind: 'num' },
        { label: 'main cause' },
        { label: 'fully met from' },
      ],
      summary.systems.map((s) => [
        s.name,
        s.category,
        humanUnits(s.need),
        humanUnits(s.delivered),
        humanUnits(s.shortfall),
        pc(s.fillRate),
        String(s.monthsShort),
        s.mainCause ?? '',
        s.firstMonthMet ?? (s.shortfall > 0 ? 'never in the horizon' : ''),
      ]),
    ),
  );
  const totalPaid = plan.countries.reduce((a, c) => a + c.paidEur, 0);
  const withDuals = plan.countries.some((c) => c.marginalValuePerMillion !== undefined);
  const paidWords = input.financing.kind === 'pooled' ? 'paid into the pool' : 'spent';
  out.push(
    '<h3>Who pays</h3>',
    htmlTable(
      [
        { label: 'country' },
        { label: 'budget', kind: 'num' },
        { label: paidWords, kind: 'num' },
        { label: 'share', kind: 'num' },
        { label: 'GDP share', kind: 'num' },
        { label: 'budget used', kind: 'num' },
        ...(withDuals ? [{ label: 'shortfall removed per extra EUR 1 m', kind: 'num' as const }] : []),
      ],
      plan.countries.map((c) => [
        c.name,
        humanEuros(c.budgetEur),
        humanEuros(c.paidEur),
        totalPaid > 0 ? pc(c.paidEur / totalPaid) : pc(0),
        c.gdpShare === undefined ? 'no budget' : pc(c.gdpShare),
        c.budgetEur > 0 ? pc(c.paidEur / c.budgetEur) : 'n/a',
        ...(withDuals ? [(c.marginalValuePerMillion ?? 0).toFixed(3)] : []),
      ]),
    ),
  );
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

function causeList(): string {
  const items = Object.entries(CAUSE_WORDS).map(([cause, words]) => `<dt>${esc(cause)}</dt><dd>${esc(words)}.</dd>`);
  return `<dl class="terms">\n${items.join('\n')}\n</dl>`;
}

function about(plan: Plan, scenario: ScenarioSettings, manifest: Manifest): string {
  const { input } = plan;
  const out: string[] = [];
  const settings = scenario.applied.map((s) => `${s.setting}${s.target ? `:${s.target}` : ''}${s.value ? `=${s.value}` : ''}`);
  out.push(
    '<p class="note">',
    `Made by ${esc(manifest.tool.name)} ${esc(manifest.tool.version)} with the solver ${esc(solverWords(manifest))} ` +
      `(${manifest.model.variables} variables, ${manifest.model.constraints} constraints). ` +
      `${esc(horizonWords(plan))}; financing: ${esc(financingWords(plan))}.` +
      (settings.length > 0 ? ` Settings: ${settings.map((s) => `<code>${esc(s)}</code>`).join(', ')}.` : ' No settings: the data as it stands.') +
      (input.excluded.length > 0 ? ` Excluded countries: ${esc(input.excluded.join(', '))}.` : '') +
      (manifest.data.latestSourceDate ? ` Latest source in the data: ${esc(manifest.data.latestSourceDate)}.` : ''),
    '</p>',
  );
  if (manifest.inputs.length > 0) {
    out.push(htmlTable([{ label: 'input file' }, { label: 'sha256', kind: 'code' }], manifest.inputs.map((i) => [i.file, i.sha256])));
  }
  return out.join('\n');
}

function horizonWords(plan: Plan): string {
  const months = plan.input.months;
  return `Horizon ${formatMonth(months[0]!)} to ${formatMonth(months.at(-1)!)} (${months.length} months)`;
}

/** "HiGHS 1.15.1" rather than "highs HiGHS 1.15.1" when the version names the solver already. */
function solverWords(manifest: Manifest): string {
  const { name, version } = manifest.solver;
  return version.toLowerCase().startsWith(name.toLowerCase()) ? version : `${name} ${version}`;
}

function financingWords(plan: Plan): string {
  const f = plan.input.financing;
  if (f.kind === 'national') return 'national';
  return ['pooled', ...(f.fairShare !== undefined ? [`fair share ${f.fairShare}`] : []), ...(f.workShare !== undefined ? [`work share ${f.workShare}`] : [])].join(', ');
}

// ---------------------------------------------------------------------------------------------
// Small HTML helpers, shared with the comparison page

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function section(id: string, title: string, content: string): string {
  return `<section id="${esc(id)}">\n<h2>${esc(title)}</h2>\n${content}\n</section>`;
}

/** A chart with its title and how to read it; `id` names the container the browser test looks for. */
export function chartFigure(id: string, title: string, caption: string, svg: string): string {
  return `<figure class="chart" id="chart-${esc(id)}">\n<figcaption><strong id="${esc(id)}-title">${esc(title)}</strong>${esc(caption)}</figcaption>\n${svg}\n</figure>`;
}

export interface HtmlColumn {
  readonly label: string;
  /** `num`: a figure, right-aligned and never wrapped; `code`: a hash or an identifier, in monospace. */
  readonly kind?: 'num' | 'code';
}

/** A table of text cells, every one escaped; a narrow table is as wide as its content. */
export function htmlTable(columns: readonly HtmlColumn[], rows: readonly (readonly string[])[], options: { narrow?: boolean } = {}): string {
  const attr = (i: number) => (columns[i]?.kind ? ` class="${columns[i].kind}"` : '');
  const head = columns.map((c, i) => `<th${attr(i)}>${esc(c.label)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td${attr(i)}>${esc(cell)}</td>`).join('')}</tr>`);
  return `<table${options.narrow ? ' class="narrow"' : ''}>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

/** Labels that tell items apart: the label, with the code added where two labels are the same. */
export function uniqueLabels(items: readonly { code: string; label: string }[]): string[] {
  const count = new Map<string, number>();
  for (const item of items) count.set(item.label, (count.get(item.label) ?? 0) + 1);
  return items.map((item) => ((count.get(item.label) ?? 0) > 1 ? `${item.label} [${item.code}]` : item.label));
}

export const pc = humanPercent;

/** A weighted shortfall: one decimal while small, whole and with thousands separators when large. */
export const weighted = (v: number) => (Math.abs(v) >= 1000 ? humanUnits(v) : v.toFixed(1));

/** EUR as millions for a bar's label: whole millions, or one decimal below ten. */
function millions(eur: number): string {
  const m = eur / 1e6;
  if (m >= 10) return humanUnits(m);
  return m >= 0.05 ? m.toFixed(1) : '< 0.1';
}

const monthMs = (m: number) => Date.UTC(Math.floor(m / 12), m % 12, 1);

const round = (v: number, decimals = 3) => {
  const r = Number(v.toFixed(decimals));
  return r === 0 ? 0 : r;
};
