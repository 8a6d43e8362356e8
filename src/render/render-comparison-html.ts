import type { TopLevelSpec } from 'vega-lite';
import type { ComparisonRow } from '../results/comparison.js';
import { humanEuros, humanUnits } from './format-number.js';
import { renderChartSvg } from './render-chart-svg.js';
import { CHART_CONFIG, chartFigure, esc, htmlTable, pc, renderHtmlPage, section, uniqueLabels, weighted, type HtmlColumn } from './render-html-report.js';

export interface ComparisonHtmlOptions {
  readonly title: string;
  /** The swept setting (`rampup sweep`); adds the curve of fill rate against its value. */
  readonly sweepKey?: string;
}

/**
 * The page of a scenario set or a sweep: fill rates and money per scenario, the sweep's curve,
 * and a table of every scenario, failed ones included. Self-contained like report.html.
 */
export async function renderComparisonHtml(rows: readonly ComparisonRow[], options: ComparisonHtmlOptions): Promise<string> {
  const solved = rows.filter((r) => r.status === 'optimal');
  const failed = rows.length - solved.length;
  const figures: string[] = [];
  const swept = options.sweepKey === undefined ? [] : solved.filter((r) => r.sweepValue !== undefined);
  if (options.sweepKey !== undefined && swept.length > 0) {
    figures.push(
      chartFigure(
        'sweep',
        `Fill rate against ${options.sweepKey}`,
        `Each point is one solved scenario of the sweep over ${options.sweepKey}.`,
        await renderChartSvg(sweepChart(swept, options.sweepKey), 'sweep'),
      ),
    );
  }
  if (solved.length > 0) {
    figures.push(
      chartFigure(
        'fill-rate',
        'Fill rate per scenario',
        'Share of the units needed that are delivered, as counted and weighted by priority.',
        await renderChartSvg(fillRateChart(solved), 'fill-rate'),
      ),
      chartFigure(
        'money',
        'Money used against money available',
        'EUR million over the horizon: the pale bar is what the countries made available, the dark bar what the plan spent.',
        await renderChartSvg(moneyChart(solved), 'money'),
      ),
    );
  }
  const lede =
    `${rows.length} scenario${rows.length === 1 ? '' : 's'}` +
    (failed > 0 ? `, of which ${failed} could not be solved (see the table)` : '') +
    (solved.length === 0 ? '. No scenario was solved, so there is nothing to draw.' : '.');
  const body = [
    '<header>',
    `<p class="kicker">${options.sweepKey !== undefined ? 'Ramp-up sweep' : 'Ramp-up scenarios'}</p>`,
    `<h1>${esc(options.title)}</h1>`,
    `<p class="lede">${esc(lede)}</p>`,
    '</header>',
    figures.length > 0 ? section('charts', 'Charts', figures.join('\n')) : '',
    section('scenarios', 'The scenarios', scenarioList(rows)),
    section('table', 'Every scenario in figures', comparisonTable(rows, options.sweepKey)),
  ];
  return renderHtmlPage(options.title, body.filter((part) => part !== '').join('\n'));
}

/** Fill rate and weighted fill rate per scenario, as grouped bars. */
export function fillRateChart(rows: readonly ComparisonRow[]): TopLevelSpec {
  const labels = scenarioLabels(rows);
  const series = ['Fill rate', 'Weighted by priority'];
  return {
    config: CHART_CONFIG,
    data: {
      values: rows.flatMap((r, i) => [
        { scenario: labels[i]!, series: series[0]!, value: r.fillRate },
        { scenario: labels[i]!, series: series[1]!, value: r.weightedFillRate },
      ]),
    },
    width: 560,
    height: { step: 12 },
    name: 'fill',
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'scenario', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 400 }, scale: { paddingInner: 0.3 } },
      yOffset: { field: 'series', type: 'nominal', sort: series, scale: { paddingInner: 0.15 } },
      x: { field: 'value', type: 'quantitative', title: null, axis: { format: '.0%', grid: true }, scale: { domain: [0, 1] } },
      color: { field: 'series', type: 'nominal', sort: series, scale: { domain: series, range: ['#1f4e79', '#7f9fc0'] } },
    },
  };
}

/** Money spent over money made available per scenario: a pale bar with a dark one inside it. */
export function moneyChart(rows: readonly ComparisonRow[]): TopLevelSpec {
  const labels = scenarioLabels(rows);
  return {
    config: CHART_CONFIG,
    data: { values: rows.map((r, i) => ({ scenario: labels[i]!, budget: r.budgetEur / 1e6, spent: r.totalCostEur / 1e6 })) },
    width: 560,
    height: { step: 26 },
    encoding: { y: { field: 'scenario', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 400 } } },
    layer: [
      {
        name: 'available',
        mark: { type: 'bar', color: '#d5dde6', height: { band: 0.8 } },
        encoding: { x: { field: 'budget', type: 'quantitative', title: 'EUR million', axis: { format: ',~f', grid: true } } },
      },
      {
        name: 'used',
        mark: { type: 'bar', color: '#1f4e79', height: { band: 0.4 } },
        encoding: { x: { field: 'spent', type: 'quantitative' } },
      },
    ],
  };
}

/** The sweep's curve: fill rate and weighted fill rate against the swept value. */
export function sweepChart(rows: readonly ComparisonRow[], sweepKey: string): TopLevelSpec {
  const series = ['Fill rate', 'Weighted by priority'];
  const points = [...rows].sort((a, b) => (a.sweepValue ?? 0) - (b.sweepValue ?? 0));
  return {
    config: CHART_CONFIG,
    data: {
      values: points.flatMap((r) => [
        { x: r.sweepValue ?? 0, series: series[0]!, value: r.fillRate },
        { x: r.sweepValue ?? 0, series: series[1]!, value: r.weightedFillRate },
      ]),
    },
    width: 560,
    height: 260,
    encoding: {
      x: { field: 'x', type: 'quantitative', title: sweepKey, scale: { zero: false }, axis: { grid: false } },
      y: { field: 'value', type: 'quantitative', title: null, axis: { format: '.0%' }, scale: { domain: [0, 1] } },
      color: { field: 'series', type: 'nominal', sort: series, scale: { domain: series, range: ['#1f4e79', '#7f9fc0'] } },
    },
    layer: [
      { name: 'curve', mark: { type: 'line' } },
      { name: 'point', mark: { type: 'point', filled: true, size: 28 } },
    ],
  };
}

/** What each scenario is, and why a failed one has no plan. */
function scenarioList(rows: readonly ComparisonRow[]): string {
  const items = rows.map((r) => {
    const description = r.description && !/[.!?]$/.test(r.description) ? `${r.description}.` : r.description;
    const words = [description, r.status === 'failed' ? `Not solved: ${r.error ?? 'no plan'}.` : ''].filter(Boolean).join(' ');
    return `<dt>${esc(r.scenario)}</dt><dd>${esc(words || 'No description.')}</dd>`;
  });
  return `<dl class="terms">\n${items.join('\n')}\n</dl>`;
}

function comparisonTable(rows: readonly ComparisonRow[], sweepKey: string | undefined): string {
  const categories = [...new Set(rows.flatMap((r) => Object.keys(r.fillRateByCategory)))].sort();
  const columns: HtmlColumn[] = [
    { label: 'scenario' },
    ...(sweepKey !== undefined ? [{ label: sweepKey, kind: 'num' as const }] : []),
    { label: 'fill rate', kind: 'num' },
    { label: 'weighted', kind: 'num' },
    ...categories.map((c) => ({ label: `fill rate, ${c}`, kind: 'num' as const })),
    { label: 'shortfall (units)', kind: 'num' },
    { label: 'weighted shortfall', kind: 'num' },
    { label: 'cost', kind: 'num' },
    { label: 'available', kind: 'num' },
    { label: 'money used', kind: 'num' },
    { label: 'worst gap' },
  ];
  const cells = rows.map((r) => {
    const sweep = sweepKey !== undefined ? [r.sweepValue !== undefined ? String(r.sweepValue) : ''] : [];
    if (r.status === 'failed') return [r.scenario, ...sweep, 'not solved', ...new Array<string>(columns.length - 2 - sweep.length).fill('')];
    return [
      r.scenario,
      ...sweep,
      pc(r.fillRate),
      pc(r.weightedFillRate),
      ...categories.map((c) => (r.fillRateByCategory[c] !== undefined ? pc(r.fillRateByCategory[c]) : '')),
      humanUnits(r.shortfallUnits),
      weighted(r.weightedShortfall),
      humanEuros(r.totalCostEur),
      humanEuros(r.budgetEur),
      pc(r.moneyUsed),
      r.worstSystem,
    ];
  });
  return htmlTable(columns, cells);
}

function scenarioLabels(rows: readonly ComparisonRow[]): string[] {
  return uniqueLabels(rows.map((r, i) => ({ code: String(i + 1), label: r.scenario })));
}
