import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DataFiles } from '../../src/inputs/parse-data-folder.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { planRampUp, type PlanOutcome } from '../../src/plan-ramp-up.js';
import type { ComparisonRow } from '../../src/results/plan.js';
import { renderComparisonHtml } from '../../src/render/html/comparison-page.js';
import { renderChartSvg } from '../../src/render/charts/render-chart-svg.js';
import { renderHtmlReport } from '../../src/render/html/report-page.js';
import { humanEuros } from '../../src/base/format-number.js';
import { CAUSE_WORDS } from '../../src/render/cause-words.js';
import { planCase } from '../helpers/data-builder.js';

const EXAMPLE = join(import.meta.dirname, '..', 'fixtures', 'example');

/** The example data set, with some of its texts replaced (to put markup in names). */
function exampleFiles(replace: Record<string, [string, string][]> = {}): DataFiles {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(EXAMPLE)) {
    let text = readFileSync(join(EXAMPLE, name), 'utf8');
    for (const [from, to] of replace[name] ?? []) text = text.replace(from, to);
    files[name] = new TextEncoder().encode(text);
  }
  return files as DataFiles;
}

async function examplePlan(options: { scenario?: string } = {}): Promise<PlanOutcome> {
  return planRampUp(loadDataSet(exampleFiles()), [{ file: 'systems.csv', sha256: 'ab'.repeat(32) }], options.scenario ? { scenario: { name: options.scenario } } : {});
}

/** The inline SVG of one chart container, or undefined when the page has no such chart. */
function chartSvg(html: string, id: string): string | undefined {
  const figure = new RegExp(`<figure class="chart" id="chart-${id}">([\\s\\S]*?)</figure>`).exec(html)?.[1];
  return figure === undefined ? undefined : /<svg[\s\S]*<\/svg>/.exec(figure)?.[0];
}

/** The `d` of every data mark of one named Vega-Lite layer (axes, grid and legend excluded). */
function markPaths(svg: string, layer: string): string[] {
  const groups = [...svg.matchAll(new RegExp(`<g class="mark-\\w+ role-mark ${layer}_marks"[^>]*>([\\s\\S]*?)</g>`, 'g'))];
  return groups.flatMap((g) => [...g[1]!.matchAll(/<path[^>]* d="([^"]*)"/g)].map((m) => m[1]!));
}

/** Every tag name on the page: markup smuggled in through a name would show up here. */
function tagNames(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([A-Za-z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
}

const PAGE_TAGS = ['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'section', 'h1', 'h2', 'h3', 'p', 'ul', 'li', 'dl', 'dt', 'dd', 'div', 'small', 'strong', 'code'];
const TABLE_TAGS = ['table', 'thead', 'tbody', 'tr', 'th', 'td'];
const SVG_TAGS = ['figure', 'figcaption', 'svg', 'g', 'path', 'rect', 'line', 'text', 'tspan', 'defs', 'clippath'];
const ALLOWED_TAGS = new Set([...PAGE_TAGS, ...TABLE_TAGS, ...SVG_TAGS]);

const nonEmpty = (d: string) => d.length > 0 && d !== 'M0,0h0v0h0Z';

describe('renderHtmlReport', () => {
  it('draws need against delivery as one panel per system: a shaded gap and two lines in each', async () => {
    const outcome = await examplePlan();
    const svg = chartSvg(await renderHtmlReport(outcome), 'need-delivered')!;
    expect(svg).toBeDefined();
    const systems = outcome.summary.systems.length;
    expect(systems).toBe(3);
    expect(markPaths(svg, 'shortfall')).toHaveLength(systems);
    expect(markPaths(svg, 'lines')).toHaveLength(2 * systems);
    expect([...markPaths(svg, 'shortfall'), ...markPaths(svg, 'lines')].every(nonEmpty)).toBe(true);
    // Independent scales: the interceptor panel's axis stops at tens, the shells' at tens of thousands.
    expect(svg).toMatch(/>20<\/text>/);
    expect(svg).toMatch(/>40,000<\/text>/);
    for (const s of outcome.summary.systems) expect(svg).toContain(`${s.name} (${s.unit}s)`);
    expect(svg).toContain('>Shortfall</text>');
  });

  it('draws capacity online against the ceiling for every system that has a line', async () => {
    const outcome = await examplePlan();
    const svg = chartSvg(await renderHtmlReport(outcome), 'capacity')!;
    expect(markPaths(svg, 'online_area')).toHaveLength(3);
    // Ceiling, capacity online and what was made: three lines per panel.
    expect(markPaths(svg, 'lines')).toHaveLength(9);
    expect(markPaths(svg, 'lines').every(nonEmpty)).toBe(true);
    for (const label of ['Ceiling', 'Capacity online', 'Made']) expect(svg).toContain(`>${label}</text>`);
  });

  it('draws three bars per country: its share of the budgets, of the money spent and of GDP', async () => {
    const outcome = await examplePlan();
    const svg = chartSvg(await renderHtmlReport(outcome), 'budget-shares')!;
    const bars = markPaths(svg, 'shares');
    expect(bars).toHaveLength(3 * outcome.plan.payers.length);
    expect(bars.filter(nonEmpty).length).toBeGreaterThanOrEqual(outcome.plan.payers.length);
    // Each country named with what it paid, the largest payer first.
    for (const c of outcome.plan.payers) expect(svg).toContain(`>${c.name} (${humanEuros(c.paidEur)})</text>`);
    const byPaid = [...outcome.plan.payers].sort((a, b) => b.paidEur - a.paidEur);
    expect(svg.indexOf(`>${byPaid[0]!.name} (`)).toBeLessThan(svg.indexOf(`>${byPaid.at(-1)!.name} (`));
    expect(svg).toContain('Share of money spent');

    const pooled = chartSvg(await renderHtmlReport(await examplePlan({ scenario: 'pooled' })), 'budget-shares')!;
    expect(pooled).toContain('Share of money paid into the pool');
  });

  it('draws the cost to close only when it is given, largest first', async () => {
    const outcome = await examplePlan();
    expect(await renderHtmlReport(outcome)).not.toContain('cost-to-close');
    const html = await renderHtmlReport(outcome, {
      costToClose: [
        { system: 'sam-medium', name: 'Medium-range interceptor', costToCloseEur: 900e6 },
        { system: 'shell-155', name: '155 mm artillery round', costToCloseEur: 2.5e9 },
        { system: 'fpv-drone', name: 'FPV drone', costToCloseEur: 0 },
      ],
    });
    const svg = chartSvg(html, 'cost-to-close')!;
    expect(markPaths(svg, 'cost')).toHaveLength(2);
    expect(markPaths(svg, 'cost').every(nonEmpty)).toBe(true);
    expect(svg.indexOf('>155 mm artillery round</text>')).toBeLessThan(svg.indexOf('>Medium-range interceptor</text>'));
    expect(svg).toContain('>2,500</text>');
  });

  it('writes the headline, every system and who pays as tables, and the gap causes in words', async () => {
    const outcome = await examplePlan();
    const html = await renderHtmlReport(outcome);
    for (const heading of ['Headline', 'Every system', 'Who pays', 'Production lines']) expect(html).toContain(`<h3>${heading}</h3>`);
    for (const s of outcome.summary.systems) expect(html).toContain(`<td>${s.name}</td>`);
    for (const c of outcome.plan.payers) expect(html).toContain(`<td>${c.name}</td>`);
    const worst = outcome.summary.worstGaps[0]!;
    expect(html).toContain(`<li><strong>${worst.name}</strong>`);
    expect(html).toContain(`Main cause: ${CAUSE_WORDS[worst.mainCause!]}`);
    for (const words of Object.values(CAUSE_WORDS)) expect(html).toContain(words);
    expect(html).toContain(`<td class="code">${'ab'.repeat(32)}</td>`);
  });

  it('loads nothing from anywhere: no script, no link, no URL but the SVG namespace', async () => {
    const html = await renderHtmlReport(await examplePlan());
    const urls = [...html.matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    expect(html).toContain(`default-src 'none'`);
    expect([...tagNames(html)].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
  });

  it('escapes every text that comes from the data', async () => {
    const data = loadDataSet(
      exampleFiles({
        'systems.csv': [['155 mm artillery round', '"155 mm <round> & ""co"""']],
        'capacity.csv': [['Shellworks', `Shell<works> & 'Sons'`]],
        'countries.csv': [['Germany', 'Germany <b>DE</b>']],
        'scenarios.csv': [['The data as it stands', 'The data <i>as</i> it stands & more']],
      }),
    );
    const html = await renderHtmlReport(await planRampUp(data, []));
    expect([...tagNames(html)].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    expect(html).toContain('155 mm &lt;round&gt; &amp; &quot;co&quot;');
    expect(html).toContain('Shell&lt;works&gt; &amp; &#39;Sons&#39;');
    expect(html).toContain('Germany &lt;b&gt;DE&lt;/b&gt;');
    expect(html).toContain('The data &lt;i&gt;as&lt;/i&gt; it stands &amp; more');
    // Vega escapes the labels it draws into the SVG.
    expect(chartSvg(html, 'budget-shares')).toContain('>Germany &lt;b&gt;DE&lt;/b&gt; (EUR');
  });

  it('gives the same bytes for the same plan, whatever the time zone', async () => {
    const outcome = await examplePlan();
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const first = await renderHtmlReport(outcome);
      process.env.TZ = 'Pacific/Kiritimati';
      const second = await renderHtmlReport(outcome);
      expect(second).toBe(first);
      expect(first).toContain('>Jan 2026</text>');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('notes the systems no line makes, and still draws their need', async () => {
    const outcome = await planCase({ lines: [{ system: 's', cap0: 5 }], needs: { s: 10, t: 4 }, months: 3, budgets: { AA: 1e6 } });
    const html = await renderHtmlReport(outcome);
    expect(markPaths(chartSvg(html, 'need-delivered')!, 'shortfall')).toHaveLength(2);
    expect(markPaths(chartSvg(html, 'capacity')!, 'online_area')).toHaveLength(1);
    expect(html).toContain('No line makes System t in this scenario.');
  });

  it('draws a one-month horizon as points, and a plan with no money at all', async () => {
    const outcome = await planCase({ lines: [{ system: 's', cap0: 5 }], needs: { s: 10 }, months: 1, budgets: { AA: 0 } });
    const svg = chartSvg(await renderHtmlReport(outcome), 'need-delivered')!;
    const points = [...svg.matchAll(/<g class="mark-symbol role-mark [^"]*"[^>]*>([\s\S]*?)<\/g>/g)].flatMap((g) => [...g[1]!.matchAll(/<path/g)]);
    expect(points).toHaveLength(2);
    expect(markPaths(chartSvg(await renderHtmlReport(outcome), 'budget-shares')!, 'shares')).toHaveLength(3);
  });
});

describe('renderChartSvg', () => {
  it('numbers clip paths per chart, so they are stable run to run and apart on one page', async () => {
    const spec = {
      data: { values: [{ a: 'x', b: 1 }] },
      mark: { type: 'bar', clip: true },
      encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
    } as const;
    const first = await renderChartSvg(spec, 'one');
    const again = await renderChartSvg(spec, 'one');
    const other = await renderChartSvg(spec, 'two');
    expect(again).toBe(first);
    expect(first).toContain('<clipPath id="one-1">');
    expect(first).toContain('clip-path="url(#one-1)"');
    expect(other).toContain('<clipPath id="two-1">');
  });

  it('refuses a spec that Vega-Lite warns about rather than drawing it half right', async () => {
    const spec = {
      data: { values: [{ a: 1 }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'quantitative', axis: { format: 'x', formatType: 'custom' } } },
    } as const;
    await expect(renderChartSvg(spec, 'bad')).rejects.toThrow(/chart bad/);
  });
});

function comparisonRow(scenario: string, over: Partial<ComparisonRow> = {}): ComparisonRow {
  return {
    scenario,
    description: `Scenario ${scenario}`,
    status: 'optimal',
    fillRate: 0.8,
    weightedFillRate: 0.9,
    fillRateByCategory: { 'air-defence': 0.5, 'artillery-ammunition': 0.95 },
    weightedShortfall: 1234.5,
    shortfallUnits: 40000,
    totalCostEur: 1.5e9,
    budgetEur: 2e9,
    moneyUsed: 0.75,
    worstSystem: 'sam-medium',
    jointGuarantee: 0.4,
    ...over,
  };
}

describe('renderComparisonHtml', () => {
  const rows: ComparisonRow[] = [
    comparisonRow('low', { sweepValue: 0.5, fillRate: 0.6, weightedFillRate: 0.7 }),
    comparisonRow('mid', { sweepValue: 1, fillRate: 0.8, weightedFillRate: 0.85 }),
    comparisonRow('high', { sweepValue: 2, fillRate: 0.95, weightedFillRate: 0.97, totalCostEur: 3e9, budgetEur: 4e9 }),
    comparisonRow('<broken>', { status: 'failed', error: 'infeasible: guarantee & budget', sweepValue: 3 }),
  ];

  it('draws fill rates and money for every solved scenario and lists every scenario', async () => {
    const html = await renderComparisonHtml(rows, { title: 'Budget <sweep>' });
    expect(markPaths(chartSvg(html, 'fill-rate')!, 'fill')).toHaveLength(2 * 3);
    expect(markPaths(chartSvg(html, 'money')!, 'available')).toHaveLength(3);
    expect(markPaths(chartSvg(html, 'money')!, 'used')).toHaveLength(3);
    expect([...markPaths(chartSvg(html, 'money')!, 'used')].every(nonEmpty)).toBe(true);
    expect(chartSvg(html, 'sweep')).toBeUndefined();
    expect(html).toContain('<h1>Budget &lt;sweep&gt;</h1>');
    expect(html).toContain('<td>&lt;broken&gt;</td><td class="num">not solved</td>');
    expect(html).toContain('<dt>&lt;broken&gt;</dt><dd>Scenario &lt;broken&gt;. Not solved: infeasible: guarantee &amp; budget.</dd>');
    expect(html).toContain('<th class="num">fill rate, air-defence</th>');
    expect([...tagNames(html)].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
  });

  it('draws the budget against fill rate curve when a sweep key is given', async () => {
    const html = await renderComparisonHtml(rows, { title: 'Budget sweep', sweepKey: 'budget_scale' });
    const svg = chartSvg(html, 'sweep')!;
    expect(markPaths(svg, 'curve')).toHaveLength(2);
    expect(markPaths(svg, 'curve').every(nonEmpty)).toBe(true);
    expect(markPaths(svg, 'point')).toHaveLength(2 * 3);
    expect(svg).toContain('>budget_scale</text>');
    expect(html).toContain('<th class="num">budget_scale</th>');
  });

  it('is self-contained and the same every time', async () => {
    const html = await renderComparisonHtml(rows, { title: 'Budget sweep', sweepKey: 'budget_scale' });
    expect(await renderComparisonHtml(rows, { title: 'Budget sweep', sweepKey: 'budget_scale' })).toBe(html);
    const urls = [...html.matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
  });

  it('says so when no scenario was solved, and draws nothing', async () => {
    const html = await renderComparisonHtml([rows[3]!], { title: 'All failed' });
    expect(html).not.toContain('<svg');
    expect(html).toContain('No scenario was solved');
  });
});
