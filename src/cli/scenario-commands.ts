import { Command, InvalidArgumentError, Option } from 'commander';
import { readFile, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { readDataFolder } from '../io/read-data-folder.js';
import { writeFileAtomically } from '../io/write-file-atomically.js';
import { safeFolderName, writeReportFolder } from '../io/write-report-folder.js';
import { BASELINE, loadDataSet, prepareScenario } from '../plan-ramp-up.js';
import { CSV_DIALECTS, renderCsv, type CsvDialect } from '../render/csv-dialect.js';
import { comparisonRowsFromTable, comparisonTable, renderComparisonMarkdown } from '../render/render-comparison.js';
import { readNumber } from '../inputs/cells.js';
import type { Table } from '../render/render-tables.js';
import { scenarioNames } from '../scenario/scenario-settings.js';
import type { JobResult } from '../run/run-scenario-job.js';
import { runScenarioSet } from '../run/run-scenario-set.js';
import { parseShard, parseSweep, shardJobs, type ScenarioJob } from '../run/scenario-job.js';
import { SOLVERS } from '../solve/solver-registry.js';
import { EXIT } from './exit-codes.js';
import { progressBar } from './progress.js';

const collect = (value: string, previous: string[]) => [...previous, value];

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number >= 1');
  return n;
}

function shardOption(value: string) {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError('expected K/N with 1 <= K <= N, e.g. 3/10');
  return shard;
}

interface SetRunOptions {
  data: string;
  out: string;
  set: string[];
  jobs: number;
  solver: string;
  method: string;
  timeLimit?: number;
  csv: CsvDialect;
  shard?: { index: number; count: number };
  json?: boolean;
  xlsx?: boolean;
}

function addRunOptions(command: Command, bundled: string): Command {
  return command
    .addOption(new Option('--data <dir>', 'data folder').default(bundled, 'the bundled data set'))
    .option('--out <dir>', 'folder for the reports', 'reports')
    .option('--set <key=value>', 'a setting applied to every run, after its scenario\'s rows (repeatable)', collect, [])
    .option('--jobs <n>', 'worker threads', positiveInteger, availableParallelism())
    .addOption(new Option('--solver <name>', 'LP engine').choices(SOLVERS.map((s) => s.name)).default('highs'))
    .addOption(new Option('--method <name>', 'HiGHS method').choices(['auto', 'simplex', 'ipm']).default('auto'))
    .option('--time-limit <seconds>', 'stop each solve after this many seconds', Number)
    .option('--csv <dialect>', `CSV dialect: ${CSV_DIALECTS.join(', ')}`, 'rfc4180')
    .option('--shard <K/N>', 'run only the K-th of N slices (join them with rampup merge)', shardOption)
    .option('--xlsx', 'also write report.xlsx in every report folder')
    .option('--json', 'print the comparison rows as JSON');
}

/** Runs jobs, writes their folders (when asked) and the comparison; returns the exit code. */
async function runAndWrite(
  opts: SetRunOptions,
  allJobs: readonly ScenarioJob[],
  writeFolders: boolean,
  title: string,
  sweepKey: string | undefined,
  io: { out: (t: string) => void; err: (t: string) => void },
): Promise<number> {
  const { files, inputs } = await readDataFolder(opts.data);
  const data = loadDataSet(files);
  // Every job's settings are checked before anything runs: a typo stops the set at once.
  const problems = allJobs.flatMap((job) => {
    try {
      prepareScenario(data, job.scenario, job.set);
      return [];
    } catch (error) {
      if (error instanceof InputError) return error.issues;
      throw error;
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  const jobs = shardJobs(allJobs, opts.shard);
  const bar = progressBar(title);
  const results = await runScenarioSet(files, inputs, jobs, {
    jobs: opts.jobs,
    reports: writeFolders,
    xlsx: Boolean(opts.xlsx),
    solver: opts.solver,
    method: opts.method,
    csv: opts.csv,
    ...(opts.timeLimit !== undefined ? { timeLimitSeconds: opts.timeLimit } : {}),
    onResult: (_r, done, total) => bar.update(done, total),
  });
  bar.end();
  if (writeFolders) {
    for (const r of results) if (r.files) await writeReportFolder(join(opts.out, safeFolderName(r.job.label)), r.files);
  }
  const table = comparisonTable(results.map((r) => ({ run: r.job.run, row: r.row })), sweepKey);
  const suffix = opts.shard ? `-shard-${opts.shard.index}-of-${opts.shard.count}` : '';
  await writeFileAtomically(join(opts.out, `comparison${suffix}.csv`), renderCsv(table.header, table.rows, opts.csv));
  if (!opts.shard) await writeComparisonPages(opts.out, table, title);
  printResults(results, opts, suffix, io.out);
  const failures = results.filter((r) => r.failure !== undefined);
  for (const f of failures) io.err(`rampup: ${f.job.label} failed: ${f.row.error}`);
  return failures.length > 0 ? EXIT.solve : EXIT.ok;
}

/** comparison.md and comparison.html, both from the table, so merged shards print the same pages. */
async function writeComparisonPages(out: string, table: Table, title: string): Promise<void> {
  await writeFileAtomically(join(out, 'comparison.md'), renderComparisonMarkdown(table, title));
  const { renderComparisonHtml } = await import('../render/render-comparison-html.js');
  const sweepKey = table.header[2] !== 'status' ? table.header[2] : undefined;
  await writeFileAtomically(join(out, 'comparison.html'), await renderComparisonHtml(comparisonRowsFromTable(table), { title, ...(sweepKey ? { sweepKey } : {}) }));
}

function printResults(results: readonly JobResult[], opts: SetRunOptions, suffix: string, out: (t: string) => void): void {
  if (opts.json) {
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
  out(`comparison: ${join(opts.out, `comparison${suffix}.csv`)}`);
}

export function addScenarioCommands(program: Command, bundled: string, io: { out: (t: string) => void; err: (t: string) => void }, setExit: (code: number) => void, setFolder: (f: string) => void): void {
  addRunOptions(
    program.command('scenarios').description('solve every scenario of scenarios.csv and write a comparison'),
    bundled,
  )
    .option('--only <names>', 'comma-separated scenarios to run')
    .addHelpText('after', '\nExamples:\n  rampup scenarios                          every scenario of the bundled data\n  rampup scenarios --only baseline,pooled --jobs 2\n  rampup scenarios --shard 2/8 --out study/   one slice of eight; then rampup merge study/')
    .action(async (opts: SetRunOptions & { only?: string }) => {
      setFolder(opts.data);
      const data = loadDataSet((await readDataFolder(opts.data)).files);
      const names = scenarioNames(data);
      const all = names.length > 0 ? names : [BASELINE];
      const wanted = opts.only ? opts.only.split(',').map((s) => s.trim()).filter(Boolean) : all;
      const unknown = wanted.filter((w) => !all.includes(w) && w !== BASELINE);
      if (unknown.length > 0) {
        throw new InputError(unknown.map((u) => ({ file: '--only', line: 1, column: 1, code: 'UNKNOWN_SETTING' as const, message: `no scenario named "${u}"; the scenarios are ${all.join(', ')}` })));
      }
      const jobs = wanted.map((name, i) => ({ run: i + 1, scenario: name, label: name, set: opts.set }));
      setExit(await runAndWrite(opts, jobs, true, 'Scenario comparison', undefined, io));
    });

  addRunOptions(
    program.command('sweep').description('solve a range of one setting, e.g. a budget curve'),
    bundled,
  )
    .option('--range <key=FROM:TO:STEP>', 'the swept setting and its range (or give it as --set KEY=FROM:TO:STEP)')
    .option('--scenario <name>', 'scenario to start from', BASELINE)
    .option('--write-plans', 'also write every run\'s report folder')
    .addHelpText(
      'after',
      '\nThe one --set (or --range) whose value is FROM:TO:STEP is swept; other --set flags hold for every run.\n\nExamples:\n  rampup sweep --set budget_scale=0.5:3:0.25            how much money buys how much fill rate\n  rampup sweep --set budget_scale:group:core=1:4:0.5 --scenario core-11 --set financing=pooled',
    )
    .action(async (opts: SetRunOptions & { range?: string; scenario: string; writePlans?: boolean }) => {
      setFolder(opts.data);
      const isRange = (flag: string) => /=\s*-?[\d.]+:-?[\d.]+:-?[\d.]+\s*$/.test(flag);
      const ranges = [...(opts.range ? [opts.range] : []), ...opts.set.filter(isRange)];
      if (ranges.length !== 1) {
        throw new InputError([
          { file: '--set', line: 1, column: 1, code: 'BAD_SETTING_VALUE', message: `a sweep needs exactly one setting with a range KEY=FROM:TO:STEP (e.g. budget_scale=0.5:3:0.25); found ${ranges.length}` },
        ]);
      }
      const sweep = parseSweep(ranges[0]!);
      if (typeof sweep === 'string') throw new InputError([{ file: '--set', line: 1, column: 1, code: 'BAD_SETTING_VALUE', message: sweep }]);
      const fixed = opts.set.filter((flag) => !isRange(flag));
      const jobs = sweep.values.map((value, i) => ({
        run: i + 1,
        scenario: opts.scenario,
        label: `${opts.scenario}-${safeFolderName(sweep.key)}-${value}`,
        set: [...fixed, `${sweep.key}=${value}`],
        sweepValue: value,
      }));
      setExit(await runAndWrite(opts, jobs, Boolean(opts.writePlans), `Sweep of ${sweep.key}`, sweep.key, io));
    });

  program
    .command('merge')
    .description('join the comparison files of shards (--shard K/N) into one comparison.csv')
    .argument('<dirs...>', 'folders holding comparison-shard-K-of-N.csv files')
    .option('--out <dir>', 'where to write comparison.csv and comparison.md (default: the first folder)')
    .option('--csv <dialect>', `CSV dialect: ${CSV_DIALECTS.join(', ')}`, 'rfc4180')
    .action(async (dirs: string[], opts: { out?: string; csv: CsvDialect }) => {
      const tables: { file: string; table: Table }[] = [];
      for (const dir of dirs) {
        const names = (await readdir(dir)).filter((n) => /^comparison-shard-\d+-of-\d+\.csv$/.test(n)).sort();
        for (const name of names) {
          const text = (await readFile(join(dir, name), 'utf8')).replace(/^\ufeff/, '');
          const delimiter = text.split('\n')[0]!.includes(';') ? ';' : ',';
          const [header, ...rows] = parse(text, { delimiter, relax_column_count: false }) as string[][];
          // Back to the plain form, so that the merged files are written in the dialect asked for.
          const plain = rows.map((r) => r.map((c) => {
            const n = readNumber(c, delimiter);
            return typeof n === 'number' && c !== '' ? String(n) : c;
          }));
          tables.push({ file: join(dir, name), table: { header: header!, rows: plain } });
        }
      }
      if (tables.length === 0) throw new InputError([{ file: dirs.join(' '), line: 1, column: 1, code: 'FILE_MISSING', message: 'no comparison-shard-K-of-N.csv files found' }]);
      const header = tables[0]!.table.header;
      const mismatch = tables.filter((t) => t.table.header.join(',') !== header.join(','));
      if (mismatch.length > 0) {
        throw new InputError(mismatch.map((m) => ({ file: m.file, line: 1, column: 1, code: 'BAD_VALUE' as const, message: 'its columns differ from the first shard\'s: shards of different runs?' })));
      }
      const rows = tables.flatMap((t) => t.table.rows).sort((a, b) => Number(a[0]) - Number(b[0]));
      const runs = rows.map((r) => Number(r[0]));
      const duplicates = runs.filter((r, i) => i > 0 && r === runs[i - 1]);
      if (duplicates.length > 0) throw new InputError([{ file: dirs.join(' '), line: 1, column: 1, code: 'DUPLICATE_KEY', message: `run ${duplicates[0]} appears in two shards` }]);
      const missing = runs.length > 0 ? Array.from({ length: runs.at(-1)! }, (_, i) => i + 1).filter((r) => !runs.includes(r)) : [];
      const out = opts.out ?? dirs[0]!;
      const table = { header, rows };
      const title = header[2] !== 'status' ? `Sweep of ${header[2]}` : 'Scenario comparison';
      await writeFileAtomically(join(out, 'comparison.csv'), renderCsv(header, rows, opts.csv));
      await writeComparisonPages(out, table, title);
      io.out(`merged ${tables.length} shard file(s), ${rows.length} runs, into ${join(out, 'comparison.csv')}`);
      if (missing.length > 0) {
        io.err(`rampup: runs missing from the shards: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', ...' : ''}`);
        setExit(EXIT.solve);
      }
    });
}
