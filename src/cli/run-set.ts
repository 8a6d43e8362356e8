import { join } from 'node:path';
import { PartialFailure } from '../errors.js';
import { loadDataSet } from '../inputs/load-data-set.js';
import { InputError } from '../errors.js';
import type { InputIssue } from '../inputs/input-issue.js';
import { readDataFolder } from '../io/read-data-folder.js';
import { writeFileAtomically } from '../io/write-file-atomically.js';
import { safeFolderName, writeReportFolder } from '../io/write-report-folder.js';
import { renderCsv } from '../render/csv-dialect.js';
import { renderComparisonHtml } from '../render/html/comparison-page.js';
import type { Table } from '../render/report-table.js';
import { comparisonRowsFromTable, comparisonTable, renderComparisonMarkdown } from '../render/tables/comparison-table.js';
import { comparisonTitle } from '../run/merge-shards.js';
import type { JobResult } from '../run/run-scenario-job.js';
import { runScenarioSet } from '../run/run-scenario-set.js';
import { shardJobs, type ScenarioJob } from '../run/scenario-job.js';
import { prepareScenario } from '../scenario/prepare-scenario.js';
import type { CliContext } from './cli-context.js';
import type { RunFlags } from './options.js';
import { printWarnings, type ScenarioWarnings } from './print-warnings.js';
import { progressBar } from './progress.js';

/**
 * Runs a set of jobs (scenarios or a sweep), writes their folders when asked and the
 * comparison; failed runs are rows of the comparison and a PartialFailure (exit 3) after.
 */
export async function runSetAndWrite(flags: RunFlags, allJobs: readonly ScenarioJob[], writeFolders: boolean, title: string, sweepKey: string | undefined, cli: CliContext): Promise<void> {
  const { files, inputs, otherFiles } = await readDataFolder(flags.data);
  const data = loadDataSet(files, otherFiles);
  // Every job's settings are checked before anything runs: a typo stops the set at once.
  const problems: InputIssue[] = [];
  const warnings: ScenarioWarnings[] = [];
  for (const job of allJobs) {
    try {
      warnings.push({ scenario: job.label, warnings: prepareScenario(data, job.scenario, job.set).warnings });
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.issues);
      else throw error;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  printWarnings(data.warnings ?? [], warnings, flags.data, cli.io.err);
  const jobs = shardJobs(allJobs, flags.shard);
  const bar = progressBar(title);
  const results = await runScenarioSet(files, inputs, jobs, {
    jobs: flags.jobs,
    reports: writeFolders,
    xlsx: Boolean(flags.xlsx),
    solver: flags.solver,
    method: flags.method,
    csv: flags.csv,
    otherFiles,
    ...(flags.timeLimit !== undefined ? { timeLimitSeconds: flags.timeLimit } : {}),
    onResult: (_r, done, total) => bar.update(done, total),
  });
  bar.end();
  if (writeFolders) {
    for (const r of results) if (r.files) await writeReportFolder(join(flags.out, safeFolderName(r.job.label)), r.files);
  }
  const table = comparisonTable(results.map((r) => ({ run: r.job.run, row: r.row })), sweepKey);
  const suffix = flags.shard ? `-shard-${flags.shard.index}-of-${flags.shard.count}` : '';
  await writeFileAtomically(join(flags.out, `comparison${suffix}.csv`), renderCsv(table.header, table.rows, flags.csv));
  if (!flags.shard) await writeComparisonPages(flags.out, table);
  printResults(results, flags, suffix, cli.io.out);
  const failures = results.filter((r) => r.failure !== undefined);
  if (failures.length > 0) throw new PartialFailure(failures.map((f) => `${f.job.label} failed: ${f.row.error}`));
}

/** comparison.md and comparison.html, both from the table, so merged shards print the same pages. */
export async function writeComparisonPages(out: string, table: Table): Promise<void> {
  const title = comparisonTitle(table);
  await writeFileAtomically(join(out, 'comparison.md'), renderComparisonMarkdown(table, title));
  const sweepKey = table.header[2] !== 'status' ? table.header[2] : undefined;
  await writeFileAtomically(join(out, 'comparison.html'), await renderComparisonHtml(comparisonRowsFromTable(table), { title, ...(sweepKey ? { sweepKey } : {}) }));
}

function printResults(results: readonly JobResult[], flags: RunFlags, suffix: string, out: (t: string) => void): void {
  if (flags.json) {
    out(JSON.stringify(results.map((r) => ({ run: r.job.run, ...r.row })), null, 2));
    return;
  }
  const width = Math.max(8, ...results.map((r) => r.job.label.length));
  out(`${'scenario'.padEnd(width)}  fill rate  weighted  cost (EUR m)  worst system`);
  for (const { job, row } of results) {
    if (row.status === 'failed') out(`${job.label.padEnd(width)}  failed: ${row.error}`);
    else
      out(
        `${job.label.padEnd(width)}  ${(100 * row.fillRate).toFixed(1).padStart(7)} %  ${(100 * row.weightedFillRate).toFixed(1).padStart(6)} %  ${(row.totalCostEur / 1e6).toFixed(1).padStart(12)}  ${row.worstSystem}`,
      );
  }
  out(`comparison: ${join(flags.out, `comparison${suffix}.csv`)}`);
}
