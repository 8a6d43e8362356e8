import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../base/errors.js';
import { didYouMean } from '../inputs/closest-name.js';
import { readReportTable } from '../inputs/read-report-table.js';
import type { RunTables } from '../results/compare-runs.js';

/** A run's report folder as read back: its tables, where it is, and the month its promises were priced from. */
export interface RunFolderRead extends RunTables {
  readonly folder: string;
  /** The --from of the `rampup guarantees` that wrote it (guarantees.csv's from_month), if any. */
  readonly promisedFrom?: string | undefined;
  /** The first month of its plan. */
  readonly firstMonth: string;
}

const isFolder = (path: string) => stat(path).then((s) => s.isDirectory(), () => false);

/**
 * The folder a run is in: a path to it, or a run's name (or folder name) in the reports folder.
 * A name that is neither is a flag problem listing the runs there are.
 */
export async function findRunFolder(given: string, flag: string, reports: string, folderOf: (run: string) => string): Promise<string> {
  if (await isFolder(given)) return given;
  for (const candidate of [join(reports, given), join(reports, folderOf(given))]) if (await isFolder(candidate)) return candidate;
  const runs = await runsIn(reports);
  const listed = runs.length === 0 ? `there is no run in ${reports}/ (rampup plan writes one)` : `the runs in ${reports}/ are ${runs.slice(0, 30).join(', ')}${runs.length > 30 ? ', ...' : ''}`;
  throw new InputError([{ flag, value: given, code: 'FILE_MISSING', message: `no such run folder${didYouMean(given, runs)}: give a folder rampup plan wrote, or the name of a run in ${reports}/; ${listed}` }]);
}

/** The folders of a reports folder that hold a plan. */
async function runsIn(reports: string): Promise<string[]> {
  const entries = await readdir(reports, { withFileTypes: true }).catch(() => []);
  const runs: string[] = [];
  for (const e of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (await stat(join(reports, e.name, 'gaps.csv')).then(() => true, () => false)) runs.push(e.name);
  }
  return runs;
}

/** The tables of a run's folder that a comparison reads; a folder without a plan is a flag problem. */
export async function readRunFolder(folder: string, flag: string): Promise<RunFolderRead> {
  const text = (name: string) => readFile(join(folder, name), 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  const [gaps, systems, flows, promises, guarantees, manifest] = await Promise.all(
    ['gaps.csv', 'gaps_by_system.csv', 'money_flows.csv', 'promises.csv', 'guarantees.csv', 'manifest.json'].map(text),
  );
  if (gaps === undefined || systems === undefined || flows === undefined) {
    throw new InputError([{ flag, value: folder, code: 'FILE_MISSING', message: 'not the report folder of a plan (it has no gaps.csv, gaps_by_system.csv or money_flows.csv): give a folder rampup plan wrote, e.g. reports/baseline' }]);
  }
  const run = (() => {
    try {
      return (JSON.parse(manifest ?? '{}') as { scenario?: { run?: string } }).scenario?.run;
    } catch {
      return undefined;
    }
  })();
  const gapsTable = readReportTable(gaps);
  const firstMonth = gapsTable.rows.map((r) => r[gapsTable.header.indexOf('month')] ?? '').sort()[0] ?? '';
  const guaranteesTable = guarantees === undefined ? undefined : readReportTable(guarantees);
  const priced = guaranteesTable?.rows[0]?.[guaranteesTable.header.indexOf('from_month')] || undefined;
  return {
    folder,
    run: run ?? basename(folder),
    gaps: gapsTable,
    systems: readReportTable(systems),
    moneyFlows: readReportTable(flows),
    promises: promises === undefined ? undefined : readReportTable(promises),
    promisedFrom: priced,
    firstMonth,
  };
}
