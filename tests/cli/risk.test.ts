import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { folderContents } from '../helpers/compare-folders.js';
import { EXAMPLE, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

const RISK_FILES = ['drivers.csv', 'risk.csv', 'risk.html', 'samples.csv', 'study.json', 'summary.md'];
const risk = (...args: string[]) => runBuiltCli(['risk', '--data', EXAMPLE, '--samples', '9', ...args]);
const read = (dir: string, name: string) => readFileSync(join(dir, 'baseline', 'risk', name), 'utf8');

describe('rampup risk', () => {
  const one = tempDir();
  const two = tempDir();
  beforeAll(() => {
    const first = risk('--out', one, '--jobs', '1');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('all systems at once');
    expect(risk('--out', two, '--jobs', '2').status).toBe(0);
  }, 120_000);

  it('writes the risk folder; the same seed gives the same bytes with --jobs 1 and --jobs 2', () => {
    expect(Object.keys(folderContents(join(one, 'baseline', 'risk'))).sort()).toEqual(RISK_FILES);
    expect(folderContents(two)).toEqual(folderContents(one));
    const header = read(one, 'risk.csv').split('\n')[0]!.split(',');
    for (const column of ['system', 'fill_rate_pct', 'fill_rate_p10_pct', 'fill_rate_p50_pct', 'fill_rate_p90_pct', 'weighted_fill_rate_p90_pct', 'promise_pct_at_confidence', 'point_promise_holds_pct']) {
      expect(header).toContain(column);
    }
    const samples = read(one, 'samples.csv').trim().split('\n');
    expect(samples).toHaveLength(1 + 1 + 9); // header, the point estimate, the samples
    expect(samples[1]).toMatch(/^0,optimal,/);
    expect(read(one, 'risk.html')).not.toContain('<script');
  });

  it('another seed draws other samples', () => {
    const other = tempDir();
    expect(risk('--out', other, '--seed', '2').status).toBe(0);
    expect(read(other, 'samples.csv')).not.toBe(read(one, 'samples.csv'));
  });

  it('shards merged equal one run; a missing shard stops the merge with exit 2', () => {
    const shards = tempDir();
    for (const k of [1, 2, 3]) {
      const run = risk('--out', shards, '--shard', `${k}/3`);
      expect(run.status, run.stderr).toBe(0);
    }
    const folder = join(shards, 'baseline', 'risk');
    expect(existsSync(join(folder, 'risk.csv'))).toBe(false);
    const partial = tempDir();
    cpSync(folder, partial, { recursive: true });
    const merge = runBuiltCli(['merge', folder]);
    expect(merge.status, merge.stderr).toBe(0);
    for (const name of RISK_FILES) expect(read(shards, name), name).toBe(read(one, name));

    rmSync(join(partial, 'samples-shard-2-of-3.csv'));
    const incomplete = runBuiltCli(['merge', partial]);
    expect(incomplete.status).toBe(2);
    expect(incomplete.stderr).toContain('samples missing from every shard: 2, 5, 8');
    expect(existsSync(join(partial, 'risk.csv'))).toBe(false);
  });

  it('bad uncertainty.csv rows exit 2 with their locations, and nothing is written', () => {
    const data = tempDir();
    cpSync(EXAMPLE, data, { recursive: true });
    writeFileSync(join(data, 'uncertainty.csv'), 'basis,kind,low,high\nreported,capacity,1.2,0.8\nrumoured,need,0.5,1.5\nestimate,nedd,0.5,1.5\n');
    const out = join(tempDir(), 'none');
    const run = runBuiltCli(['risk', '--data', data, '--samples', '2', '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${data}/uncertainty.csv:2:4 OUT_OF_RANGE high 0.8 is below low 1.2`);
    expect(run.stderr).toContain(`${data}/uncertainty.csv:3:1 BAD_VALUE basis: expected a basis: reported, target, estimate, assumption, *, found "rumoured"`);
    expect(run.stderr).toContain(`${data}/uncertainty.csv:4:2 BAD_VALUE kind: expected a kind of figure:`);
    expect(run.stderr).not.toContain('    at ');
    expect(existsSync(out)).toBe(false);
    const validate = runBuiltCli(['validate', '--data', data]);
    expect(validate.status).toBe(2);
    expect(validate.stderr).toContain('uncertainty.csv:2:4 OUT_OF_RANGE');
  });

  it('a month outside the horizon is a flag problem', () => {
    const run = risk('--out', tempDir(), '--from', '2031-01');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--from 2031-01: BAD_PERIOD');
  });
});
