import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataFiles } from '../../src/inputs/parse-data-folder.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { planRampUp, type PlanOutcome } from '../../src/plan-ramp-up.js';
import type { ComparisonRow } from '../../src/results/plan.js';
import { renderComparisonHtml } from '../../src/render/html/comparison-page.js';
import { renderHtmlReport } from '../../src/render/html/report-page.js';
import { chartName } from '../../src/render/charts/chart-data.js';

/**
 * Opens the generated pages in a real headless Chromium (Debian's, driven by playwright-core;
 * no browser is downloaded) and checks what a reader would see.
 */
const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
const SCREENSHOT = join(ROOT, 'docs', 'report-screenshot.png');
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  console.warn(
    [
      '',
      '!!! ------------------------------------------------------------------------------ !!!',
      `!!! ${CHROMIUM} is missing: the report.html browser tests are SKIPPED.`,
      '!!! Install Debian\'s Chromium to run them: apt-get install -y chromium',
      '!!! (or: bash scripts/install-chromium.sh, as root).',
      '!!! ------------------------------------------------------------------------------ !!!',
      '',
    ].join('\n'),
  );
}

function exampleFiles(): DataFiles {
  const folder = join(ROOT, 'tests', 'fixtures', 'example');
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(folder)) files[name] = readFileSync(join(folder, name));
  return files as DataFiles;
}

// The few browser globals the page functions below use (the project compiles without the DOM library).
declare const document: { readonly documentElement: { readonly scrollWidth: number } };
declare function getComputedStyle(element: unknown): { readonly breakInside: string };
type Graphics = { getBBox(): { width: number; height: number } };

interface Visit {
  readonly page: Page;
  readonly url: string;
  /** Every request the page made, the page itself included. */
  readonly requests: string[];
  /** Console errors, uncaught exceptions and requests that failed. */
  readonly errors: string[];
}

/** A chart container: its id, and the size of its SVG and of each data mark in it. */
interface ChartBoxes {
  readonly id: string;
  readonly svg: { width: number; height: number } | null;
  readonly marks: { role: string; width: number; height: number }[];
}

describe.skipIf(!hasChromium)('report.html in headless Chromium', () => {
  let browser: Browser;
  let folder: string;
  let outcome: PlanOutcome;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'rampup-report-'));
    outcome = await planRampUp(loadDataSet(exampleFiles()), []);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** Writes a page to the temp folder and opens it, refusing every request but the file itself. */
  async function visit(name: string, html: string): Promise<Visit> {
    const file = join(folder, name);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort('blockedbyclient')));
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, requests, errors };
  }

  /** The rendered size of every chart's SVG and of each of its data marks (not axes or legends). */
  async function chartBoxes(page: Page): Promise<ChartBoxes[]> {
    return page.$$eval('figure.chart', (figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector('svg');
        const marks = [...figure.querySelectorAll('g.role-mark > path')].map((mark) => {
          const box = (mark as unknown as Graphics).getBBox();
          const role = /mark-(\w+)/.exec(mark.parentElement?.getAttribute('class') ?? '')?.[1] ?? '';
          return { role, width: box.width, height: box.height };
        });
        const rect = svg?.getBoundingClientRect();
        return { id: figure.id, svg: rect ? { width: rect.width, height: rect.height } : null, marks };
      }),
    );
  }

  function expectDrawn(chart: ChartBoxes | undefined, expectedMarks: number) {
    expect(chart, 'chart container').toBeDefined();
    expect(chart!.svg!.width, `${chart!.id} width`).toBeGreaterThan(200);
    expect(chart!.svg!.height, `${chart!.id} height`).toBeGreaterThan(100);
    expect(chart!.marks, `${chart!.id} data marks`).toHaveLength(expectedMarks);
    // Lines and areas run along the whole horizon; a bar may be empty (a share of 0), not all of them.
    for (const mark of chart!.marks.filter((m) => m.role !== 'rect')) expect(mark.width, `${chart!.id} ${mark.role}`).toBeGreaterThan(0);
    expect(chart!.marks.some((m) => m.width > 0 && m.height > 0), `${chart!.id} has a visible mark`).toBe(true);
  }

  it('draws every chart of report.html, with no error and no request but the file', async () => {
    const { page, url, requests, errors } = await visit('report.html', await renderHtmlReport(outcome));
    try {
      const charts = await chartBoxes(page);
      const { orders } = outcome.plan;
      expect(orders.length, 'the example orders capacity').toBeGreaterThan(0);
      expect(charts.map((c) => c.id)).toEqual(['chart-need-delivered', 'chart-capacity', 'chart-money-bought', 'chart-budget-shares', 'chart-money-flows']);
      const systems = outcome.summary.systems.length;
      expectDrawn(charts[0], 3 * systems); // the shortfall band, need and delivered per panel
      expectDrawn(charts[1], 4 * systems); // capacity area, ceiling, online and made per panel
      // An area per line that ordered capacity for its start and for each source it ordered from.
      const sourcesPerLine = new Map<string, Set<string>>();
      for (const o of orders) sourcesPerLine.set(o.line.id, (sourcesPerLine.get(o.line.id) ?? new Set()).add(o.option));
      expectDrawn(charts[2], [...sourcesPerLine.values()].reduce((n, s) => n + 1 + s.size, 0));
      expectDrawn(charts[3], 3 * outcome.plan.payers.length);
      const pairs = new Set(outcome.plan.moneyFlows.filter((f) => f.paidEur > 0).map((f) => `${f.payer}/${f.seller}`));
      expectDrawn(charts[4], pairs.size); // a bar segment per payer and seller
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);

      // The tables are there and readable, and the page is as wide as the window, not wider.
      expect(await page.locator('h3').allTextContents()).toEqual(['Capacity bought', 'Headline', 'Every system', 'Who pays', 'Production lines']);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1100);

    } finally {
      await page.close();
    }
  });

  it('draws every chart of the committed bundled-data report, and saves the README\'s screenshot', async () => {
    const html = readFileSync(join(ROOT, 'reports', 'baseline', 'report.html'), 'utf8');
    const { page, url, requests, errors } = await visit('bundled-report.html', html);
    try {
      const charts = await chartBoxes(page);
      const systems = readFileSync(join(ROOT, 'reports', 'baseline', 'gaps_by_system.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
      const closing = systems.filter((r) => Number(r[6]) > 0 && Number(r[13]) > 0);
      // The committed report is `rampup guarantees` on data with materials; the cost to close only where money closes something.
      const expected = ['chart-need-delivered', 'chart-capacity', 'chart-money-bought', 'chart-budget-shares', 'chart-money-flows', 'chart-materials', 'chart-promises'];
      // The prices of promises are drawn where some promise costs money.
      const prices = parse(readFileSync(join(ROOT, 'reports', 'baseline', 'promise_prices.csv')), { columns: true }) as Record<string, string>[];
      const priced = prices.some((p) => Number(p.extra_money_eur) > 0);
      expect(charts.map((c) => c.id).sort()).toEqual([...expected, ...(closing.length > 0 ? ['chart-cost-to-close'] : []), ...(priced ? ['chart-promise-prices'] : [])].sort());
      for (const chart of charts) {
        expect(chart.svg!.width, `${chart.id} width`).toBeGreaterThan(200);
        expect(chart.marks.some((m) => m.width > 0 && m.height > 0), `${chart.id} has a visible mark`).toBe(true);
      }
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);

      // Issue 19.6: panel titles whole (wrapped, never cut with "…"), who pays sorted by the money
      // paid and named with it, and no system without anything to close in the cost to close.
      for (const id of ['chart-need-delivered', 'chart-capacity']) {
        const texts = await page.$$eval(`#${id} text`, (all) => all.map((t) => t.textContent ?? ''));
        expect(texts.filter((t) => t.includes('…')), id).toEqual([]);
        const joined = texts.join(' ').replace(/\s+/g, '');
        for (const row of systems) expect(joined, `${id}: ${row[1]}`).toContain(row[1]!.replace(/\s+/g, ''));
      }
      const payers = await page.$$eval('#chart-budget-shares text', (all) => all.map((t) => t.textContent ?? '').filter((t) => / \(EUR [\d.,]+( bn| m)?\)$/.test(t)));
      // Names hold commas (a fund's "..., military part"): read the file as CSV.
      const shares = parse(readFileSync(join(ROOT, 'reports', 'baseline', 'budget_shares.csv')), { columns: true }) as Record<string, string>[];
      const top = [...shares].sort((a, b) => Number(b.paid_eur) - Number(a.paid_eur))[0]!;
      expect(payers).toHaveLength(shares.length);
      // A long name is cut at its first bracket or comma, as every chart names things.
      expect(payers[0]!.startsWith(`${chartName(top.name!)} (EUR`), payers[0]).toBe(true);
      const costTexts = await page.$$eval('#chart-cost-to-close text', (all) => all.map((t) => t.textContent ?? ''));
      for (const row of systems) expect(costTexts.includes(row[1]!), `cost to close: ${row[1]}`).toBe(closing.includes(row));
      expect(costTexts).not.toContain('< 0.1');

      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await page.close();
    }
  });

  it('draws the cost to close when it is given', async () => {
    const costToClose = outcome.summary.worstGaps.map((s, i) => ({ system: s.system, name: s.name, costToCloseEur: (i + 1) * 1e8 }));
    const { page, url, requests, errors } = await visit('report-with-cost.html', await renderHtmlReport(outcome, { costToClose }));
    try {
      const charts = await chartBoxes(page);
      expectDrawn(
        charts.find((c) => c.id === 'chart-cost-to-close'),
        costToClose.length,
      );
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await page.close();
    }
  });

  it('prints: the print stylesheet gives an A4 PDF with every chart in it', async () => {
    const { page } = await visit('report-print.html', await renderHtmlReport(outcome));
    try {
      await page.emulateMedia({ media: 'print' });
      const figures = await page.$$eval('figure.chart', (all) => all.map((f) => getComputedStyle(f).breakInside));
      expect(figures).toEqual(['avoid', 'avoid', 'avoid', 'avoid', 'avoid']);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
    } finally {
      await page.close();
    }
  });

  it('draws the comparison page of a sweep', async () => {
    const row = (scenario: string, sweepValue: number, fillRate: number): ComparisonRow => ({
      scenario,
      description: '',
      sweepValue,
      status: 'optimal',
      fillRate,
      weightedFillRate: Math.min(1, fillRate + 0.05),
      fillRateByCategory: {},
      weightedShortfall: 100 * (1 - fillRate),
      shortfallUnits: 1000 * (1 - fillRate),
      totalCostEur: 1e9 * sweepValue,
      budgetEur: 1.2e9 * sweepValue,
      moneyUsed: 1 / 1.2,
      worstSystem: 'sam-medium',
      jointGuarantee: fillRate / 2,
    });
    const rows = [row('x0.5', 0.5, 0.6), row('x1', 1, 0.8), row('x1.5', 1.5, 0.9), row('x2', 2, 0.95)];
    const bySystem = {
      header: ['run', 'scenario', 'budget_scale', 'system', 'name', 'category', 'unit', 'need', 'delivered', 'shortfall', 'fill_rate_pct', 'weighted_shortfall', 'months_short', 'main_cause', 'first_month_met'],
      rows: rows.flatMap((r, i) => ['a', 'b'].map((s) => [String(i + 1), r.scenario, String(r.sweepValue), s, `System ${s}`, 'c', 'u', '10', '8', '2', '80', '2', '1', 'budget', ''])),
    };
    const html = await renderComparisonHtml(rows, { title: 'Budget sweep', sweepKey: 'budget_scale', bySystem });
    const { page, url, requests, errors } = await visit('comparison.html', html);
    try {
      const charts = await chartBoxes(page);
      expect(charts.map((c) => c.id)).toEqual(['chart-sweep', 'chart-fill-rate', 'chart-money']);
      expectDrawn(charts[0], 2 + 2 * rows.length); // two curves and their points
      expectDrawn(charts[1], 2 * rows.length);
      expectDrawn(charts[2], 2 * rows.length);
      // The fill rate of every system in every run, a table as wide as the page at most.
      expect(await page.locator('#by-system th').allTextContents()).toEqual(['system', 'x0.5', 'x1', 'x1.5', 'x2']);
      expect(await page.locator('#by-system td').first().textContent()).toBe('System a');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1100);
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await page.close();
    }
  });
});
