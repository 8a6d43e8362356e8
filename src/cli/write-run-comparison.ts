import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { InputError } from '../base/errors.js';
import { monthHint, parseMonth } from '../inputs/periods.js';
import { readRunFolder, type RunFolderRead } from '../io/read-run-folder.js';
import { writeReportFolder } from '../io/write-report-folder.js';
import type { CsvDialect } from '../render/csv-dialect.js';
import { SETTINGS_FILE } from '../render/report-file-owners.js';
import { RUN_COMPARISON_FILES, renderRunComparison } from '../render/render-run-comparison.js';
import { compareRuns, type RunComparison } from '../results/compare-runs.js';
import { folderOfRun } from './options.js';
import { printRunComparison } from './print-run-comparison.js';
import { settingsFile } from './run-set.js';

export interface RunComparisonOptions {
  /** The start month of the promises compared; default: the --from of B's (or A's) guarantees, else B's first month. */
  readonly from?: string | undefined;
  readonly csv: CsvDialect;
  readonly json: boolean;
  /** Where the comparison's own folder goes (default: beside B). */
  readonly out?: string | undefined;
  /** How A was given, for its problems (`compare`, `--against`). */
  readonly flagA?: string;
  /** Print nothing: the caller prints the comparison (plan --against --json). */
  readonly quiet?: boolean;
}

/** Why a run has no promise from the month asked, for the notes under the table. */
function promiseNotes(side: 'A' | 'B', run: RunFolderRead, from: string): string[] {
  if (!run.promises) return [`${side} has no promises.csv: rampup guarantees --from ${from} writes it`];
  const months = run.promises.rows.map((r) => r[run.promises!.header.indexOf('from_month')]);
  return months.includes(from) ? [] : [`${side}'s promises.csv has no start month ${from}`];
}

const inside = (folder: string, path: string) => {
  const r = relative(resolve(folder), resolve(path));
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/**
 * Compares run B with run A (two report folders), writes the comparison into a folder of its
 * own (`compare+A+vs+B`, beside B unless `out`; never inside A or B) and prints it.
 */
export async function writeRunComparison(folderA: string, folderB: string, options: RunComparisonOptions, out: (text: string) => void): Promise<{ comparison: RunComparison; target: string }> {
  const [a, b] = await Promise.all([readRunFolder(folderA, options.flagA ?? 'compare'), readRunFolder(folderB, 'compare')]);
  const from = options.from ?? b.promisedFrom ?? a.promisedFrom ?? b.firstMonth;
  if (parseMonth(from) === undefined) throw new InputError([{ flag: '--from', value: from, code: 'BAD_PERIOD', message: `expected a month as YYYY-MM, e.g. ${b.firstMonth}${monthHint(from)}` }]);
  const comparison = compareRuns(a, b, from);
  const notes = comparison.promises.length > 0 ? [...promiseNotes('A', a, from), ...promiseNotes('B', b, from)] : [];
  const { folder, settingsText } = folderOfRun(`compare+${basename(resolve(folderA))}+vs+${basename(resolve(folderB))}`);
  // Beside B: reports/compare+... for reports/B (a path such as . or .. is resolved first).
  const beside = basename(folderB) === basename(resolve(folderB)) ? dirname(folderB) : dirname(resolve(folderB));
  const target = join(options.out ?? beside, folder);
  if (inside(folderA, target) || inside(folderB, target)) {
    throw new InputError([{ flag: '--out', value: options.out ?? dirname(target), code: 'BAD_VALUE', message: 'a comparison goes into a folder of its own, never into the folders it compares: choose another --out' }]);
  }
  const files = [...renderRunComparison(comparison, options.csv, notes), ...settingsFile(settingsText)];
  await writeReportFolder(target, files, [...RUN_COMPARISON_FILES, SETTINGS_FILE]);
  if (!options.quiet) printRunComparison(comparison, target, notes, options.json, out);
  return { comparison, target };
}
