import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { join } from 'node:path';
import { PartialFailure } from '../../base/errors.js';
import { readDataFolder } from '../../io/read-data-folder.js';
import { readUncertaintyFile } from '../../io/read-uncertainty-file.js';
import { addToReportFolder, writeReportFolder } from '../../io/write-report-folder.js';
import { RISK_FOLDER, ownedEntries } from '../../render/report-file-owners.js';
import { DEFAULT_CONFIDENCE, DEFAULT_SAMPLES, DEFAULT_SEED } from '../../analyses/risk/prepare-risk-study.js';
import { runRisk, type RiskOutcome } from '../../run/run-risk.js';
import { runName } from '../../scenario/run-name.js';
import type { CliContext } from '../cli-context.js';
import { addFlags, engineOf, folderName, outFolder, type RunFlags } from '../options.js';
import { progressBar } from '../progress.js';
import { settingsFile } from '../run-set.js';

interface RiskFlags extends RunFlags {
  samples: number;
  seed: number;
  from?: string;
  confidence: number;
}

const HELP = `
Every figure is drawn by its source's basis (reported +-10 %, estimate +-25 %, assumption +-40 %,
targets realised at 50-100 % with lead times slipping 0-50 %; uncertainty.csv in the data folder
overrides these); each sample is a full plan with its promise levels. Writes OUT/SCENARIO/risk/.

Examples:
  rampup risk                                   200 samples of the bundled baseline
  rampup risk --scenario pooled --from 2026-07 --confidence 0.95
  rampup risk --samples 10000 --shard 3/50 --out study/   one slice; then rampup merge study/baseline/risk`;

function wholeNumber(min: number, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}

function share(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n <= 1)) throw new InvalidArgumentError('expected a share above 0 and at most 1, e.g. 0.9');
  return n;
}

/** `rampup risk`: bands around the plan and the promises that hold with a stated confidence. */
export function registerRiskCommand(program: Command, cli: CliContext): void {
  addFlags(program.command('risk').description('how sure is the plan? sample every figure by its grade: bands, and promises that hold with confidence'), [
    'data',
    'scenario',
    'set',
    'out',
    'name',
    'jobs',
    'shard',
    'solver',
    'method',
    'timeLimit',
    'tieBreak',
    'spread',
    'csv',
    'json',
  ])
    .option('--samples <n>', 'samples besides the point estimate', wholeNumber(1, 10_000_000), DEFAULT_SAMPLES)
    .option('--seed <n>', 'seed of the sampling', wholeNumber(0, 0xffffffff), DEFAULT_SEED)
    .option('--from <YYYY-MM>', 'first month of the promises (default: the first month of the horizon)')
    .option('--confidence <c>', 'share of samples a promise must hold in', share, DEFAULT_CONFIDENCE)
    .addHelpText('after', HELP)
    .action(async (flags: RiskFlags) => {
      cli.setFolder(flags.data);
      const { files, inputs } = await readDataFolder(flags.data);
      const uncertainty = await readUncertaintyFile(flags.data);
      const bar = progressBar('Risk samples');
      const outcome = await runRisk(files, uncertainty?.bytes, [...inputs, ...(uncertainty ? [uncertainty.input] : [])], {
        scenario: flags.scenario,
        set: flags.set,
        samples: flags.samples,
        seed: flags.seed,
        confidence: flags.confidence,
        ...(flags.from !== undefined ? { from: flags.from } : {}),
        engine: engineOf(flags),
        csv: flags.csv,
        jobs: flags.jobs,
        ...(flags.shard ? { shard: flags.shard } : {}),
        onSample: (done, total) => bar.update(done, total),
      });
      bar.end();
      const { folder, settingsText } = folderName(flags, runName(flags.scenario, flags.set));
      const runFolder = join(outFolder(flags), folder);
      const target = join(runFolder, RISK_FOLDER);
      const riskFiles = [...outcome.files.map((f) => ({ name: `${RISK_FOLDER}/${f.name}`, content: f.content })), ...settingsFile(settingsText)];
      // A shard writes beside the other shards of its study; a whole run replaces its risk/ folder, and only that.
      if (flags.shard) await addToReportFolder(runFolder, riskFiles);
      else await writeReportFolder(runFolder, riskFiles, ownedEntries('risk'));
      printRisk(outcome, target, Boolean(flags.json), cli.io.out);
      if (outcome.failed.length > 0) throw new PartialFailure(outcome.failed.slice(0, 10).map((f) => `sample ${f.sample} has no plan: ${f.error}`));
    });
}

function printRisk(outcome: RiskOutcome, target: string, json: boolean, out: (text: string) => void): void {
  const { study, summary } = outcome;
  if (json) {
    out(JSON.stringify({ scenario: study.scenario.name, samples: study.sampling.samples, seed: study.sampling.seed, from: study.from, confidence: study.confidence, lines: summary?.lines ?? null, out: target }, null, 2));
    return;
  }
  if (!summary) {
    out(`rampup: risk of scenario ${study.scenario.name}, a shard of ${study.sampling.samples} samples: written to ${target}/ (join the shards with rampup merge ${target})`);
    return;
  }
  const pct = (v: number | undefined) => (v === undefined ? '   n/a' : `${v.toFixed(1).padStart(5)} %`);
  out(`rampup: risk of scenario ${study.scenario.name}, ${study.sampling.samples} samples (seed ${study.sampling.seed}), promises from ${study.from} with ${Math.round(study.confidence * 1000) / 10} % confidence`);
  const width = Math.max(...summary.lines.map((l) => l.name.length));
  out(`  ${'system'.padEnd(width)}  fill rate  P10 to P90         promise  held with confidence`);
  for (const l of summary.lines) {
    out(`  ${l.name.padEnd(width)}  ${pct(l.point?.fillRatePct)}  ${pct(l.fillRate.p10)} to ${pct(l.fillRate.p90)}  ${pct(l.point?.promisePct)}  ${pct(l.promiseAtConfidence)}`);
  }
  out(`  reports: ${target}/`);
}
