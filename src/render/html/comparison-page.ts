import type { ComparisonRow } from '../../results/plan.js';
import type { Table } from '../report-table.js';
import { bySystemHtml } from '../tables/comparison-by-system-table.js';
import { fillRateChart, moneyChart, sweepChart } from '../charts/comparison-charts.js';
import { humanEuros, humanUnits } from '../../base/format-number.js';
import { chartFigure, esc, htmlTable, pc, renderHtmlPage, section, weighted, type HtmlColumn } from './html-kit.js';

export interface ComparisonHtmlOptions {
  readonly title: string;
  /** The swept setting (`rampup sweep`); adds the curve of fill rate against its value. */
  readonly sweepKey?: string;
  /** comparison_by_system.csv's table: adds the fill rate of every system in every run. */
  readonly bySystem?: Table;
}

/**
 * The page of a scenario set or a sweep: fill rates and money per scenario, the sweep's curve,
 * and a table of every scenario, failed ones included. Self-contained like report.html.
 */
export async function renderComparisonHtml(rows: readonly ComparisonRow[], options: ComparisonHtmlOptions): Promise<string> {
  // Loaded on first use: the chart libraries cost every command a quarter of a second at start-up.
  const { renderChartSvg } = await import('../charts/render-chart-svg.js');
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
    options.bySystem && options.bySystem.rows.length > 0
      ? section('by-system', 'Fill rate by system', `<p class="note">Units delivered over units needed, over the horizon. comparison_by_system.csv adds need, delivery, shortfall and the main cause.</p>\n${bySystemHtml(options.bySystem)}`)
      : '',
  ];
  return renderHtmlPage(options.title, body.filter((part) => part !== '').join('\n'));
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
