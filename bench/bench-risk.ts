/**
 * `npm run bench:risk` (also the last step of `npm run bench`): `rampup risk` on the bundled
 * data, as the command runs it (worker threads, promise levels, every report rendered and
 * written), timed from the start of this process. The target: 200 samples in under
 * 60 s wall on 2 cores. A benchmark, not a test: it asserts nothing, it measures. Kept apart
 * from run-benchmarks.ts, which plans one scenario per size.
 *
 *   node dist-bench/bench-risk.js [--samples 200] [--jobs 2] [--data DIR] [--scenario NAME] [--out bench-results]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLED_DATA, readDataFolder, readUncertaintyFile, runRisk, writeReportFolder } from 'rampup';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '200' },
    jobs: { type: 'string', default: '2' },
    data: { type: 'string', default: BUNDLED_DATA },
    scenario: { type: 'string', default: 'baseline' },
    out: { type: 'string', default: 'bench-results' },
  },
});
const samples = Number(values.samples);
const jobs = Number(values.jobs);
const loadAverage = Math.round(os.loadavg()[0]! * 100) / 100;
const cpuBefore = process.cpuUsage();
const { files, inputs } = await readDataFolder(values.data);
const uncertainty = await readUncertaintyFile(values.data);
let solveStart = 0;
const outcome = await runRisk(files, uncertainty?.bytes, inputs, {
  scenario: values.scenario,
  samples,
  jobs,
  onSample: (done, total) => {
    if (done === 1) solveStart = performance.now();
    if (process.stderr.isTTY) process.stderr.write(`\rrisk samples ${done}/${total}`);
  },
});
const scratch = await mkdtemp(join(os.tmpdir(), 'rampup-bench-risk-'));
await writeReportFolder(join(scratch, 'risk'), outcome.files);
await rm(scratch, { recursive: true, force: true });
const wallMs = performance.now();
const cpu = process.cpuUsage(cpuBefore);
// cpuUsage covers every thread of the process: the workers' solves included.
const cpuMs = (cpu.user + cpu.system) / 1000;
const result = {
  date: new Date().toISOString(),
  machine: { cpu: os.cpus()[0]?.model.trim() ?? 'unknown', cores: os.cpus().length, node: process.version },
  data: values.data === BUNDLED_DATA ? 'bundled data/' : values.data,
  scenario: values.scenario,
  samples,
  jobs,
  dimensions: outcome.study.dimensions.length,
  failedSamples: outcome.failed.length,
  wallMs: Math.round(wallMs),
  cpuMs: Math.round(cpuMs),
  samplesPerSecond: Math.round(((samples + 1) / (wallMs / 1000)) * 100) / 100,
  samplesPerCpuSecond: Math.round(((samples + 1) / (cpuMs / 1000)) * 100) / 100,
  /** From the first finished sample: start-up (module loading, data, workers, first HiGHS load) left out. */
  steadySamplesPerSecond: Math.round((samples / ((wallMs - solveStart) / 1000)) * 100) / 100,
  loadAverage,
};
const table = [
  '# rampup risk benchmark',
  '',
  `${result.date}: ${result.machine.cpu}, ${result.machine.cores} cores, Node ${result.machine.node}; load average ${loadAverage} at the start (above ${result.machine.cores}, the run shared the CPU).`,
  '',
  '| data | scenario | samples | jobs | uncertain quantities | wall | CPU (all threads) | samples/s (wall) | samples/s, after start-up | samples per CPU second | failed |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  `| ${result.data} | ${result.scenario} | ${samples} + point estimate | ${jobs} | ${result.dimensions} | ${(wallMs / 1000).toFixed(1)} s | ${(cpuMs / 1000).toFixed(1)} s | ${result.samplesPerSecond} | ${result.steadySamplesPerSecond} | ${result.samplesPerCpuSecond} | ${result.failedSamples} |`,
  '',
  'Wall runs from the start of the process (module loading included) to the risk folder written; each sample is a full plan (its three stages) and the promise levels of every system and of all at once, asked in the session of the plan.',
  '',
].join('\n');
await mkdir(values.out, { recursive: true });
await writeFile(join(values.out, 'risk.md'), table);
await writeFile(join(values.out, 'risk.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${process.stderr.isTTY ? '\n' : ''}${table}wrote ${join(values.out, 'risk.md')} and risk.json\n`);
