import { join } from 'node:path';
import { InputError, PartialFailure } from '../base/errors.js';
import type { InputIssue } from '../base/input-issue.js';
import { loadDataSet } from '../inputs/load-data-set.js';
import { readDataFolder } from '../io/read-data-folder.js';
import { writeReportFolder } from '../io/write-report-folder.js';
import { SETTINGS_FILE, ownedEntries } from '../render/report-file-owners.js';
import type { RunFolder } from '../scenario/run-name.js';
import { comparisonBySystemTable } from '../render/tables/comparison-by-system-table.js';
import { comparisonTable } from '../render/tables/comparison-table.js';
import type { JobResult } from '../run/run-scenario-job.js';
import { runScenarioSet } from '../run/run-scenario-set.js';
import { shardJobs, type ScenarioJob } from '../run/scenario-job.js';
import { prepareScenario } from '../scenario/prepare-scenario.js';
import type { CliContext } from './cli-context.js';
import { engineOf, folderOfRun, outFolder, type RunFlags } from './options.js';
import { writeFileAtomically } from '../io/write-file-atomically.js';
import { printWarnings, type ScenarioWarnings } from './print-warnings.js';
import { progressBar } from './progress.js';
import { writeComparison } from './write-comparison.js';

/** A set of runs: the jobs, whether each keeps its report folder, and how the set is named. */
export interface SetSpec {
  readonly jobs: readonly ScenarioJob[];
  readonly writeFolders: boolean;
  readonly title: string;
  readonly sweepKey?: string;
  /** The set's own folder inside the reports folder, when it is not every scenario as it stands. */
  readonly name?: RunFolder | undefined;
}

/**
 * Runs a set of jobs (scenarios or a sweep), writes their folders when asked and the
 * comparison; failed runs are rows of the comparison and a PartialFailure (exit 3) after.
 */
export async function runSetAndWrite(flags: RunFlags, spec: SetSpec, cli: CliContext): Promise<void> {
  const folder = await readDataFolder(flags.data);
  const data = loadDataSet(folder.files, folder.otherFiles);
  // Every job's settings are checked before anything runs: a typo stops the set at once.
  const problems: InputIssue[] = [];
  const warnings: ScenarioWarnings[] = [];
  const prepared: ScenarioJob[] = [];
  for (const job of spec.jobs) {
    try {
      const scenario = prepareScenario(data, job.scenario, job.set);
      warnings.push({ scenario: job.label, warnings: scenario.warnings });
      prepared.push({ ...job, prepared: scenario });
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.issues);
      else throw error;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  printWarnings(data.warnings ?? [], warnings, flags.data, cli.io.err, true);
  const out = outFolder(flags, spec.name);
  const jobs = shardJobs(prepared, flags.shard);
  const bar = progressBar(spec.title);
  const results = await runScenarioSet(folder.files, folder.inputs, jobs, {
    jobs: flags.jobs,
    reports: spec.writeFolders,
    engine: engineOf(flags),
    output: { csv: flags.csv, xlsx: Boolean(flags.xlsx) },
    otherFiles: folder.otherFiles,
    onResult: (_r, done, total) => bar.update(done, total),
  });
  bar.end();
  if (spec.writeFolders) {
    for (const r of results) {
      if (!r.files) continue;
      const { folder, settingsText } = folderOfRun(r.job.label);
      await writeReportFolder(join(out, folder), [...r.files, ...settingsFile(settingsText)], ownedEntries('plan'));
    }
  }
  const table = comparisonTable(results.map((r) => ({ run: r.job.run, row: r.row })), spec.sweepKey);
  const solved = results.flatMap((r) => (r.systems ? [{ run: r.job.run, label: r.job.label, sweepValue: r.job.sweepValue, systems: r.systems }] : []));
  const bySystem = comparisonBySystemTable(solved, spec.sweepKey);
  const written = await writeComparison(out, { table, bySystem }, { csv: flags.csv, xlsx: Boolean(flags.xlsx), shard: flags.shard });
  if (flags.out === undefined && spec.name?.settingsText) await writeFileAtomically(join(out, SETTINGS_FILE), spec.name.settingsText);
  printResults(results, flags, out, written, spec.writeFolders, cli.io.out);
  const failures = results.filter((r) => r.failure !== undefined);
  if (failures.length > 0) throw new PartialFailure(failures.map((f) => `${f.job.label} failed: ${f.row.error}`));
}

function printResults(results: readonly JobResult[], flags: RunFlags, out: string, written: readonly string[], folders: boolean, print: (t: string) => void): void {
  if (flags.json) {
    print(JSON.stringify(results.map((r) => ({ run: r.job.run, ...r.row })), null, 2));
    return;
  }
  const width = Math.max(8, ...results.map((r) => r.job.label.length));
  print(`${'run'.padEnd(width)}  fill rate  weighted  cost (EUR m)  worst system`);
  for (const { job, row } of results) {
    if (row.status === 'failed') print(`${job.label.padEnd(width)}  failed: ${row.error}`);
    else
      print(
        `${job.label.padEnd(width)}  ${(100 * row.fillRate).toFixed(1).padStart(7)} %  ${(100 * row.weightedFillRate).toFixed(1).padStart(6)} %  ${(row.totalCostEur / 1e6).toFixed(1).padStart(12)}  ${row.worstSystem}`,
      );
  }
  if (flags.shard) {
    print(`shard ${flags.shard.index} of ${flags.shard.count}: ${written.map((n) => join(out, n)).join(', ')}; when every shard is done: rampup merge ${out}`);
    return;
  }
  const also = ['comparison.csv', 'comparison_by_system.csv', 'comparison.md', ...(written.includes('comparison.xlsx') ? ['comparison.xlsx'] : [])];
  print(`comparison: ${out}/: open comparison.html there to compare the runs (also ${also.join(', ')})${folders ? ", and each run's report.html in its folder there" : ''}`);
}

/** settings.txt, for a folder whose name was shortened. */
export function settingsFile(settingsText: string | undefined): { name: string; content: string }[] {
  return settingsText === undefined ? [] : [{ name: SETTINGS_FILE, content: settingsText }];
}
