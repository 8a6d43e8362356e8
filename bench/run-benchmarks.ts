/**
 * `npm run bench`: plans synthetic data folders of growing size (and the bundled data set)
 * with each solver, one fresh process per run, and writes bench-results/latest.md and
 * latest.json. A benchmark, not a test: it asserts nothing, it measures.
 *
 *   npm run bench -- [--sizes S,M,L,XL | --all] [--solvers highs,jslp] [--method auto,simplex]
 *     [--repeat 1] [--seed 1] [--time-limit 900] [--out bench-results/] [--profile]
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUNDLED_DATA, findSolver } from 'rampup';
import type { BenchRun } from './bench-one.js';
import { generateDataFolder, parseFolderSize } from './generate-data-folder.js';
import { STRESS_SCENARIO, generateStressFolder, withoutVersion2 } from './generate-stress-folder.js';
import { stressSet, type StressShape } from './stress-set.js';
import { renderStressKnobs, renderStressRuns, summarizeStress, type StressResult } from './stress-table.js';

/** A size is a generated folder (countries x systems x months) or the bundled data set. */
type Size = { readonly label: string; readonly countries: number; readonly systems: number; readonly months: number } | { readonly label: string; readonly folder: string };

const SIZES: readonly Size[] = [
  { label: 'S', countries: 5, systems: 5, months: 12 },
  { label: 'M', folder: BUNDLED_DATA },
  { label: 'L', countries: 14, systems: 20, months: 24 },
  { label: 'XL', countries: 31, systems: 30, months: 36 },
  { label: 'XXL', countries: 50, systems: 60, months: 60 },
];
const DEFAULT_SIZES = ['S', 'M', 'L', 'XL'];
/** The only engine with methods to choose from (highs-adapter.ts: auto, simplex, ipm). */
const SOLVER_WITH_METHODS = 'highs';
const BENCH_ONE = fileURLToPath(new URL('./bench-one.js', import.meta.url));
const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
/** The sweep of the targets: 201 variations of the bundled data on 2 worker threads. */
const SWEEP_ARGS = ['sweep', '--set', 'budget_scale=0.5:3:0.0125', '--jobs', '2'];
/** The guarantees target: the bundled baseline with its promise curves, as `npm start` runs it. */
const GUARANTEES_ARGS = ['guarantees', '--from', '2026-07'];

interface Result {
  readonly size: string;
  /** `CxSxT`, or the folder's name for a given folder. */
  readonly shape: string;
  readonly solver: string;
  readonly method: string;
  /** Spawn to exit of the child process, ms; undefined when the run was skipped. */
  readonly wallMs: number | undefined;
  /** With --repeat: the wall time of every repetition; the row shows the fastest. */
  readonly wallsMs?: readonly number[];
  /** The machine's 1-minute load average when the run started (other work slows a run down). */
  readonly loadAverage?: number;
  readonly run: BenchRun | undefined;
  /** Why there is no run, or what went wrong. */
  readonly note?: string;
  readonly profile?: string;
}

const USAGE = `npm run bench -- [options]
  --sizes S,M,L,XL     sizes to run (S 5x5x12, M the bundled data/, L 14x20x24, XL 31x30x36, XXL 50x60x60, or any CxSxT)
  --all                every size, XXL included (minutes)
  --solvers highs,jslp solvers; a solver is skipped where the model exceeds its declared maxSize
  --method auto        HiGHS method(s): auto, simplex, ipm (comma-separated to compare)
  --repeat 1           runs per size, solver and method; the fastest is shown (the machine may be busy)
  --seed 1             generator seed
  --time-limit 900     seconds per solve
  --out bench-results  folder for latest.md, latest.json, tmp/ and profiles/
  --profile            run under node --cpu-prof (default size XL, solver highs) and summarise self time
  --stress all         the stress set (bench/stress-set.ts, 24 shapes at L and XL): all, none, or names (XL01,L03);
                       default all without --sizes, none with
  --stress-v1          the stress shapes without their version-2 inputs (funds, channels, commitments, materials, lags)
  --list-stress        print the stress set's knobs and stop
  --sweep              also time \`rampup ${SWEEP_ARGS.join(' ')}\` (default: on without --sizes)
  --guarantees         also time \`rampup ${GUARANTEES_ARGS.join(' ')}\` on the bundled data (default: on without --sizes)
  --risk               then run the risk benchmark, 200 samples (dist-bench/bench-risk.js; default: on without --sizes)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      all: { type: 'boolean', default: false },
      solvers: { type: 'string' },
      method: { type: 'string', default: 'auto' },
      repeat: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      'time-limit': { type: 'string', default: '900' },
      out: { type: 'string', default: 'bench-results' },
      profile: { type: 'boolean', default: false },
      stress: { type: 'string' },
      'stress-v1': { type: 'boolean', default: false },
      'list-stress': { type: 'boolean', default: false },
      sweep: { type: 'boolean' },
      guarantees: { type: 'boolean' },
      risk: { type: 'boolean' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const defaults = values.sizes === undefined && !values.all && !values.profile;
  const allShapes = stressSet().map((s) => (values['stress-v1'] ? { ...s, knobs: withoutVersion2(s.knobs) } : s));
  if (values['list-stress']) {
    process.stdout.write(`${renderStressKnobs(allShapes)}\n`);
    return 0;
  }
  const stressWanted = values.stress ?? (defaults ? 'all' : 'none');
  const shapes = stressWanted === 'all' ? allShapes : stressWanted === 'none' ? [] : allShapes.filter((s) => stressWanted.split(',').includes(s.name));
  const list = (text: string) => text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const sizeNames = values.all ? SIZES.map((s) => s.label) : list(values.sizes ?? (values.profile ? 'XL' : DEFAULT_SIZES.join(',')));
  const sizes = sizeNames.map(parseSize);
  const solvers = list(values.solvers ?? (values.profile ? 'highs' : 'highs,jslp'));
  const methods = list(values.method);
  const repeat = Number(values.repeat);
  const seed = Number(values.seed);
  const timeLimit = Number(values['time-limit']);
  const problems = [
    ...sizeNames.filter((_, i) => sizes[i] === undefined).map((s) => `unknown size "${s}"`),
    ...solvers.filter((s) => !findSolver(s)).map((s) => `unknown solver "${s}"`),
    ...methods.filter((m) => !['auto', 'simplex', 'ipm'].includes(m)).map((m) => `unknown method "${m}"`),
    ...(Number.isInteger(repeat) && repeat >= 1 ? [] : [`--repeat expects a whole number >= 1, got "${values.repeat}"`]),
    ...(Number.isInteger(seed) ? [] : [`--seed expects a whole number, got "${values.seed}"`]),
    ...(timeLimit > 0 ? [] : [`--time-limit expects seconds > 0, got "${values['time-limit']}"`]),
    ...(stressWanted !== 'all' && stressWanted !== 'none' && shapes.length === 0 ? [`--stress: no shape named ${stressWanted}`] : []),
  ];
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n\n${USAGE}\n`);
    return 2;
  }

  const out = values.out;
  const profiles = join(out, 'profiles');
  await mkdir(values.profile ? profiles : out, { recursive: true });
  const machine = describeMachine();
  const results: Result[] = [];
  for (const size of sizes as Size[]) {
    const folder = 'folder' in size ? size.folder : await writeGeneratedFolder(size, seed, join(out, 'tmp', 'data', size.label));
    const shape = 'folder' in size ? basename(size.folder) : `${size.countries}x${size.systems}x${size.months}`;
    let modelSize: number | undefined;
    let invalid: string | undefined; // a data folder that does not validate is skipped, with the reason
    for (const solver of solvers) {
      const limit = findSolver(solver)!.features.maxSize;
      for (const method of solver === SOLVER_WITH_METHODS ? methods : ['-']) {
        const skip = invalid ?? (limit !== undefined && modelSize !== undefined && modelSize > limit ? `the model (columns + rows = ${modelSize}) exceeds ${solver}'s maxSize ${limit}` : undefined);
        if (skip !== undefined) {
          results.push({ size: size.label, shape, solver, method, wallMs: undefined, run: undefined, note: `skipped: ${skip}` });
          continue;
        }
        const name = `${size.label}-${solver}${method === '-' ? '' : `-${method}`}`;
        process.stderr.write(`${name.padEnd(20)} `);
        const args = ['--data', folder, '--solver', solver, '--time-limit', String(timeLimit), '--reports', join(out, 'tmp', 'reports', name)];
        if (method !== '-') args.push('--method', method);
        const profile = values.profile ? join(profiles, `${name}.cpuprofile`) : undefined;
        const loadAverage = Math.round(os.loadavg()[0]! * 100) / 100;
        const runs: Awaited<ReturnType<typeof runChild>>[] = [];
        for (let k = 0; k < repeat && runs.every((r) => r.run?.status === 'optimal'); k++) {
          runs.push(await runChild(args, profile, (2 * timeLimit + 120) * 1000));
        }
        const failed = runs.find((r) => r.run?.status !== 'optimal');
        const child = failed ?? runs.reduce((best, r) => (r.wallMs! < best.wallMs! ? r : best));
        const wallsMs = runs.length > 1 ? { wallsMs: runs.map((r) => Math.round(r.wallMs!)) } : {};
        process.stderr.write(`${child.run?.status ?? 'no result'} in ${runs.map((r) => seconds(r.wallMs)).join(', ')}${child.note ? ` (${child.note.split('\n')[0]})` : ''}\n`);
        if (child.run?.status === 'invalid-input') {
          invalid = `${folder} does not validate: ${child.note}`;
          results.push({ size: size.label, shape, solver, method, wallMs: undefined, run: undefined, note: `skipped: ${invalid}` });
          continue;
        }
        results.push({ size: size.label, shape, solver, method, loadAverage, ...child, ...wallsMs, ...(profile ? { profile } : {}) });
        if (child.run?.model) modelSize ??= child.run.model.variables + child.run.model.constraints;
      }
    }
  }

  const stress: StressResult[] = [];
  for (const shape of shapes) stress.push(await runStressShape(shape, join(out, 'tmp'), timeLimit, methods[0]!));
  const sweep = values.sweep ?? defaults ? await runCli('sweep', SWEEP_ARGS, join(out, 'tmp', 'sweep')) : undefined;
  const guarantees = values.guarantees ?? defaults ? await runCli('guarantees', GUARANTEES_ARGS, join(out, 'tmp', 'guarantees')) : undefined;

  const options = { seed, repeat, timeLimitSeconds: timeLimit, sizes: sizeNames, solvers, methods, stress: shapes.map((s) => s.name), stressV1: values['stress-v1'] };
  const table = [
    renderResults(results, machine, options),
    ...(sweep ? ['## Sweep', '', `\`rampup ${SWEEP_ARGS.join(' ')}\` (201 plans of the bundled data): ${sweep.status} in ${seconds(sweep.wallMs)}.`, ''] : []),
    ...(guarantees
      ? ['## Guarantees', '', `\`rampup ${GUARANTEES_ARGS.join(' ')}\` (the bundled baseline, its cost to close and promise curves, report written): ${guarantees.status} in ${seconds(guarantees.wallMs)}.`, '']
      : []),
    ...(stress.length > 0
      ? [
          '## Stress set',
          '',
          `Each shape planned (scenario \`${STRESS_SCENARIO}\`, method ${methods[0]}) in a fresh process: the plan's two stages and the unlimited-money`,
          're-solve behind cost to close (close 1, close 2). Method `(w)` = started warm from the previous basis; stall = the interior point',
          'ended without an optimum ("IPM no progress") and HiGHS fell back to the simplex. ' + summarizeStress(stress),
          '',
          renderStressRuns(stress),
          '',
          '### Knobs',
          '',
          renderStressKnobs(shapes),
          '',
        ]
      : []),
  ].join('\n');
  if (values.profile) {
    const sections = [table];
    for (const r of results) {
      if (!r.profile) continue;
      const summary = summarizeProfile(JSON.parse(await readFile(r.profile, 'utf8')) as CpuProfile);
      sections.push(`## Profile ${basename(r.profile)}\n\n${summary}`);
    }
    const target = join(profiles, `profile-${sizeNames.join('-')}.md`);
    await writeFile(target, `${sections.join('\n\n')}\n`);
    process.stdout.write(`${sections.slice(1).join('\n\n')}\nwrote ${target} and the .cpuprofile files beside it (timings under the profiler are not comparable)\n`);
  } else {
    await writeFile(join(out, 'latest.md'), table);
    await writeFile(join(out, 'latest.json'), `${JSON.stringify({ machine, options, results, sweep, guarantees, stress }, null, 2)}\n`);
    process.stdout.write(`${table}\nwrote ${join(out, 'latest.md')} and ${join(out, 'latest.json')}\n`);
  }
  // Skipped runs have no `run`; anything else that made no plan is a failure.
  const planned = results.every((r) => (r.run === undefined ? r.note?.startsWith('skipped') : r.run.status === 'optimal'));
  // The risk benchmark in a process of its own, as `npm run bench:risk` runs it (flags given to npm reach this program, not it).
  const risk = (values.risk ?? defaults) ? await runRiskBench(out) : 0;
  return planned && stress.every((r) => r.run?.status === 'optimal') && (sweep?.status ?? 'ok') === 'ok' && (guarantees?.status ?? 'ok') === 'ok' && risk === 0 ? 0 : 1;
}

function runRiskBench(out: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./bench-risk.js', import.meta.url)), '--out', out], { stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** One stress shape: its folder written under `tmp`, planned by bench-one in a fresh process. */
async function runStressShape(shape: StressShape, tmp: string, timeLimit: number, method: string): Promise<StressResult> {
  const folder = join(tmp, 'stress', shape.name);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  for (const [name, text] of Object.entries(generateStressFolder(shape.knobs))) await writeFile(join(folder, name), text);
  process.stderr.write(`${`stress ${shape.name}`.padEnd(20)} `);
  const args = ['--data', folder, '--scenario', STRESS_SCENARIO, '--solver', 'highs', '--method', method, '--time-limit', String(timeLimit), '--reports', join(tmp, 'reports', `stress-${shape.name}`)];
  const child = await runChild(args, undefined, (2 * timeLimit + 120) * 1000);
  const stalls = Object.entries(child.run?.solveStats ?? {}).filter(([, s]) => s.ipmFallback).map(([k]) => k);
  process.stderr.write(`${child.run?.status ?? 'no result'} in ${seconds(child.wallMs)}${stalls.length > 0 ? `, IPM fell back in ${stalls.join(', ')}` : ''}${child.note ? ` (${child.note.split('\n')[0]})` : ''}\n`);
  return { shape, wallMs: child.wallMs, run: child.run, ...(child.note !== undefined ? { note: child.note } : {}) };
}

/** A target run by the CLI itself (the sweep, guarantees), timed from spawn to exit. */
function runCli(label: string, args: readonly string[], out: string): Promise<{ status: string; wallMs: number }> {
  process.stderr.write(`${label.padEnd(20)} `);
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [CLI, ...args, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      const status = code === 0 ? 'ok' : `exit ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`;
      process.stderr.write(`${status} in ${seconds(wallMs)}\n`);
      resolve({ status, wallMs });
    });
  });
}

function parseSize(name: string): Size | undefined {
  const known = SIZES.find((s) => s.label.toLowerCase() === name.toLowerCase());
  if (known) return known;
  const size = parseFolderSize(name);
  return size ? { label: name, ...size } : undefined;
}

async function writeGeneratedFolder(size: Extract<Size, { countries: number }>, seed: number, folder: string): Promise<string> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const texts = generateDataFolder({ ...size, seed });
  for (const [name, text] of Object.entries(texts)) await writeFile(join(folder, name), text);
  return folder;
}

/** Runs bench-one in a fresh Node process and reads its JSON line; kills it after `killAfterMs`. */
function runChild(args: readonly string[], profile: string | undefined, killAfterMs: number): Promise<Pick<Result, 'wallMs' | 'run' | 'note'>> {
  const node = profile ? ['--cpu-prof', '--cpu-prof-dir', join(profile, '..'), '--cpu-prof-name', basename(profile)] : [];
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...node, BENCH_ONE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ wallMs: undefined, run: undefined, note: `could not start ${BENCH_ONE}: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - start;
      const line = stdout.trim().split('\n').at(-1) ?? '';
      let run: BenchRun | undefined;
      try {
        run = JSON.parse(line) as BenchRun;
      } catch {
        run = undefined;
      }
      const note = killed
        ? `killed after ${Math.round(killAfterMs / 1000)} s`
        : run === undefined
          ? `the process ended (${signal ?? `exit code ${code}`}) without a result: ${stderr.trim().split('\n').slice(-3).join(' | ')}`
          : run.message;
      resolve({ wallMs, run, ...(note !== undefined ? { note } : {}) });
    });
  });
}

interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly date: string;
}

function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
  };
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`;
}

/** Milliseconds as people read them: 3.2 ms, 412 ms, 8.26 s. */
function duration(ms: number | undefined): string {
  if (ms === undefined) return '-';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return seconds(ms);
}

/** Manifest phases with a column of their own (solve is split into setup and stages); the rest add up to "other". */
const SHOWN_PHASES = new Set(['generate', 'read', 'scenario', 'build', 'solve', 'solveStage1', 'solveStage2', 'derive', 'summarize', 'closeGaps', 'render', 'write']);

const count = (n: number | undefined) => (n === undefined ? '-' : n.toLocaleString('en-GB'));

function renderResults(results: readonly Result[], machine: Machine, options: { seed: number; repeat: number; timeLimitSeconds: number }): string {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  // A skipped run borrows the data's shape from a run of the same size.
  const dataOf = (size: string) => results.find((r) => r.size === size && r.run?.data)?.run?.data;
  const timings = [
    row(['size', 'C x S x T', 'lines', 'solver', 'method', 'columns', 'rows', 'nonzeros', 'read + validate', 'scenario', 'build', 'solver setup', 'stage 1', 'stage 2', 'derive', 'close gaps', 'other', 'render', 'write', 'wall', 'peak RSS', 'load', 'status']),
    row(['---', '---', '---:', '---', '---', ...new Array<string>(17).fill('---:'), '---']),
    ...results.map((r) => {
      const t = r.run?.timingsMs ?? {};
      const setup = t.solve !== undefined ? t.solve - (t.solveStage1 ?? 0) - (t.solveStage2 ?? 0) : undefined;
      const derive = t.derive !== undefined ? t.derive + (t.summarize ?? 0) : undefined;
      const others = Object.keys(t).filter((phase) => !SHOWN_PHASES.has(phase));
      const other = others.length > 0 ? others.reduce((sum, phase) => sum + t[phase]!, 0) : undefined;
      const data = dataOf(r.size);
      return row([
        r.size,
        data ? `${data.countries} x ${data.systems} x ${data.months}` : r.shape,
        count(data?.lines),
        r.solver,
        r.method,
        count(r.run?.model?.variables),
        count(r.run?.model?.constraints),
        count(r.run?.model?.nonzeros),
        duration(t.read),
        duration(t.scenario),
        duration(t.build),
        duration(setup),
        duration(t.solveStage1),
        duration(t.solveStage2),
        duration(derive),
        duration(t.closeGaps),
        duration(other),
        duration(t.render),
        duration(t.write),
        seconds(r.wallMs),
        r.run ? `${r.run.peakRssMiB} MiB` : '-',
        r.loadAverage?.toFixed(1) ?? '-',
        r.run?.status ?? 'skipped',
      ]);
    }),
  ];
  const planned = results.filter((r) => r.run?.plan);
  const plans = [
    row(['size', 'solver', 'method', 'weighted shortfall', 'total cost (EUR)', 'fill rate', 'gaps: budget', 'capacity', 'lead-time', 'ceiling', 'no-producer']),
    row(['---', '---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...planned.map((r) => {
      const p = r.run!.plan!;
      const gaps = (cause: keyof typeof p.gapsByCause) => String(p.gapsByCause[cause] ?? 0);
      return row([r.size, r.solver, r.method, p.weightedShortfall.toFixed(2), count(Math.round(p.totalCostEur)), `${(100 * p.fillRate).toFixed(1)} %`, gaps('budget'), gaps('capacity'), gaps('lead-time'), gaps('ceiling'), gaps('no-producer')]);
    }),
  ];
  const notes = results.filter((r) => r.note).map((r) => `- ${r.size} ${r.solver}${r.method === '-' ? '' : ` ${r.method}`}: ${r.note!.split('\n')[0]}`);
  return [
    '# rampup benchmark',
    '',
    `${machine.date}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}. ` +
      `Generator seed ${options.seed}; time limit ${options.timeLimitSeconds} s per solve` +
      (options.repeat > 1 ? `; each row is the fastest of ${options.repeat} runs (all wall times in latest.json).` : '.'),
    '',
    ...timings,
    '',
    [
      'Each row is one fresh Node process (`dist/bench/bench-one.js`).',
      'read + validate = readDataFolder + loadDataSet; scenario, build, stage 1, stage 2, derive (readPlan + summarizePlan) and render are the `timings`',
      'that planRampUp returns (timings.json); solver setup = its `solve` minus both stages (loading the solver, copying the model in, adding the',
      'stage-2 row); close gaps = the re-solve with unlimited money behind "cost to close" (both stages again); other = any further',
      'phase of the timings (e.g. guarantees, sensitivity); write = writeReportFolder. Wall is spawn to exit of the process, Node start-up included; peak RSS is',
      '`process.resourceUsage().maxRSS` at its end; load is the 1-minute load average as the run started',
      `(${machine.cores} cores: above that, the run shared the CPU with other work). Method \`auto\` is the adapter's choice by model size`,
      '(src/solve/highs-adapter.ts). At small sizes a phase that waits for I/O (usually write) can take up to a second more: Node waits there',
      'for V8 to finish optimising the HiGHS WebAssembly in the background (`node --liftoff-only` removes that wait, but slows large solves).',
      'M is the bundled data/ folder; the others are generateDataFolder output (src/bench/generate-data-folder.ts).',
    ].join(' '),
    '',
    '## Plans',
    '',
    'Objectives agree across solvers and methods where the optimum is the same; gaps count need rows (system x recipient x month) short, by cause.',
    '',
    ...plans,
    ...(notes.length > 0 ? ['', '## Notes', '', ...notes] : []),
    '',
  ].join('\n');
}

interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a frame's code lives: the solver (wasm and its JS glue), rampup, another package, Node, V8. */
function kindOf(url: string, functionName: string): string {
  if (url.startsWith('wasm://') || /^(\$|js-to-wasm|wasm-to-js)/.test(functionName)) return 'solver (wasm)';
  if (url.includes('/node_modules/highs/') || url.includes('/node_modules/javascript-lp-solver/')) return 'solver (JS)';
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  if (url.includes('/dist/')) return 'rampup';
  if (url.startsWith('node:')) return 'node';
  return functionName.startsWith('(') ? functionName : 'V8 / native';
}

/** Markdown: self time by kind, the top functions outside the solver, and rampup's files. */
function summarizeProfile(profile: CpuProfile, top = 25): string {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  // Whatever the solver calls (the clock, memory growth) counts as solver time; a native frame
  // (a RegExp, a typed-array copy) counts where its caller's code lives.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const kinds = new Map<number, string>();
  const kindOfNode = (id: number): string => {
    let kind = kinds.get(id);
    if (kind === undefined) {
      const { url, functionName } = nodes.get(id)!.callFrame;
      const up = parent.get(id);
      const caller = up === undefined ? undefined : kindOfNode(up);
      const own = kindOf(url, functionName);
      const inherit = caller !== undefined && !own.startsWith('solver') && (caller.startsWith('solver') || (own === 'V8 / native' && !caller.startsWith('(')));
      kind = inherit ? caller : own;
      kinds.set(id, kind);
    }
    return kind;
  };
  const byKind = new Map<string, number>();
  const byFunction = new Map<string, { kind: string; ms: number }>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = byNode.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const kind = kindOfNode(node.id);
    total += ms;
    byKind.set(kind, (byKind.get(kind) ?? 0) + ms);
    const file = url.replace(/^.*\/(dist|node_modules)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`;
    const entry = byFunction.get(key) ?? { kind, ms: 0 };
    entry.ms += ms;
    byFunction.set(key, entry);
    if (kind === 'rampup' && file !== '') byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const sorted = <K>(map: Map<K, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  // Packages of one family (vega-*, d3-*) add up to one line in the list by kind.
  const byFamily = new Map<string, number>();
  for (const [kind, ms] of byKind) {
    const family = /^[a-z0-9]+-/.exec(kind)?.[0];
    const key = family !== undefined && [...byKind.keys()].filter((k) => k.startsWith(family)).length > 1 ? `${family}*` : kind;
    byFamily.set(key, (byFamily.get(key) ?? 0) + ms);
  }
  const share = (ms: number) => `${duration(ms)} (${((100 * ms) / total).toFixed(1)} %)`;
  const outside = [...byFunction.entries()].filter(([, v]) => !v.kind.startsWith('solver') && !v.kind.startsWith('(')).sort((a, b) => b[1].ms - a[1].ms);
  return [
    `Sampled ${duration(total)}. Self time by kind:`,
    '',
    ...sorted(byFamily).map(([kind, ms]) => `- ${kind}: ${share(ms)}`),
    '',
    `Top ${top} functions by self time outside the solver (and outside idle, GC and "program"):`,
    '',
    '| self time | kind | function |',
    '|---:|---|---|',
    ...outside.slice(0, top).map(([key, v]) => `| ${share(v.ms)} | ${v.kind} | \`${key}\` |`),
    '',
    'rampup files by self time:',
    '',
    ...sorted(byFile).slice(0, 15).map(([file, ms]) => `- ${file}: ${share(ms)}`),
  ].join('\n');
}

process.exitCode = await main();
