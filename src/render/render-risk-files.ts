import type { RiskStudy } from '../analyses/risk/risk-study.js';
import { summarizeRisk, type RiskSummary } from '../analyses/risk/summarize-risk.js';
import type { ReportFile } from '../base/report-file.js';
import { renderCsv, type CsvDialect } from './csv-dialect.js';
import { csvTable, type Table } from './report-table.js';
import { renderRiskSummary } from './render-risk-summary.js';
import { sampleRowsFromTable } from './tables/risk-samples-table.js';
import { driversSpec, riskSpec } from './tables/risk-tables.js';

export const studyJson = (study: RiskStudy) => `${JSON.stringify(study, null, 2)}\n`;

/**
 * The files of a risk folder, from the study and its samples table: the bands and promises are
 * computed from the table's cells, so a merge of shards renders the same bytes as one run.
 */
export async function renderRiskFiles(study: RiskStudy, samples: Table, csv: CsvDialect): Promise<{ files: ReportFile[]; summary: RiskSummary }> {
  const summary = summarizeRisk(study, sampleRowsFromTable(study, samples));
  const risk = csvTable(riskSpec(study), summary.lines);
  const drivers = csvTable(driversSpec(study), summary.drivers);
  // Loaded on demand, as report.html is: the chart libraries cost start-up time.
  const { renderRiskHtml } = await import('./html/risk-page.js');
  const files: ReportFile[] = [
    { name: 'risk.csv', content: renderCsv(risk.header, risk.rows, csv) },
    { name: 'samples.csv', content: renderCsv(samples.header, samples.rows, csv) },
    { name: 'drivers.csv', content: renderCsv(drivers.header, drivers.rows, csv) },
    { name: 'summary.md', content: renderRiskSummary(study, summary) },
    { name: 'risk.html', content: await renderRiskHtml(study, summary) },
    { name: 'study.json', content: studyJson(study) },
  ];
  return { files, summary };
}

/** The files of one shard: its samples and the study they belong to (rampup merge joins them). */
export function renderRiskShardFiles(study: RiskStudy, samples: Table, csv: CsvDialect, shard: { index: number; count: number }): ReportFile[] {
  const suffix = `shard-${shard.index}-of-${shard.count}`;
  return [
    { name: `samples-${suffix}.csv`, content: renderCsv(samples.header, samples.rows, csv) },
    { name: `study-${suffix}.json`, content: studyJson(study) },
  ];
}
