import type { RiskStudy } from '../../analyses/risk/risk-study.js';
import { clearDrivers, type RiskSummary } from '../../analyses/risk/summarize-risk.js';
import { driversChart, fillRateBandsChart, promiseChart } from '../charts/risk-charts.js';
import { htmlFromSpec } from '../report-table.js';
import { READING, SPREAD_HEADER, confidenceWords, driversWords, failedWords, methodSentence, spreadRows } from '../risk-words.js';
import { driversSpec, riskSpec } from '../tables/risk-tables.js';
import { chartFigure, esc, htmlTable, renderHtmlPage, section } from './html-kit.js';

/** risk.html: the bands and promises per system as interval bars, what moves them, how to read them. Self-contained like report.html. */
export async function renderRiskHtml(study: RiskStudy, summary: RiskSummary): Promise<string> {
  // Loaded on first use: the chart libraries cost every command a quarter of a second at start-up.
  const { renderChartSvg } = await import('../charts/render-chart-svg.js');
  const title = `How sure is it? Scenario ${study.scenario.name}`;
  const c = confidenceWords(study);
  const top = clearDrivers(summary, 12);
  const figures = [
    chartFigure(
      'fill-bands',
      'Fill rate: the band of the samples',
      'Share of the units needed that are delivered. The bar runs from P10 to P90 of the samples, the stroke is the median, the diamond the point estimate (the data as it stands).',
      await renderChartSvg(fillRateBandsChart(summary.lines), 'fill-bands'),
    ),
    chartFigure(
      'promises',
      `What can be promised from ${study.from}`,
      `Share of every month's need from ${study.from} on that can be promised to ${study.recipient} if the system is served first; the last row holds for all systems at once. Pale: the point estimate; dark: the level held in ${c} of the samples.`,
      await renderChartSvg(promiseChart(summary.lines, `Held in ${c} of samples`), 'promises'),
    ),
  ];
  if (top.length > 0) {
    figures.push(
      chartFigure(
        'drivers',
        'What moves the result most',
        'Rank correlation of each source\'s draw with the weighted fill rate over the samples: dark bars raise it when the figure is higher, red ones lower it.',
        await renderChartSvg(driversChart(top), 'drivers'),
      ),
    );
  }
  const failed = failedWords(summary);
  const body = [
    '<header>',
    '<p class="kicker">Ramp-up risk</p>',
    `<h1>${esc(title)}</h1>`,
    `<p class="lede">${esc(study.scenario.description || 'How the plan changes when every figure is as uncertain as its source.')}</p>`,
    `<p class="meta">${esc(methodSentence(study))}</p>`,
    '</header>',
    failed ? `<p class="note">${esc(failed)}</p>` : '',
    section('charts', 'Bands and promises', figures.join('\n')),
    section('systems', 'Every system', htmlFromSpec(riskSpec(study), summary.lines)),
    section('drivers-table', 'What moves the result most', `<p>${esc(driversWords(study, summary, top.length))}</p>${top.length > 0 ? `\n${htmlFromSpec(driversSpec(study), top)}` : ''}`),
    section('reading', 'How to read this', `<ul>\n${READING.map((r) => `<li>${esc(r.replace(/\*\*/g, ''))}</li>`).join('\n')}\n</ul>`),
    section('spreads', 'The spreads used', htmlTable(SPREAD_HEADER.map((label) => ({ label })), spreadRows(study), { narrow: true })),
  ];
  return renderHtmlPage(title, body.filter((part) => part !== '').join('\n'));
}
