import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderContents } from '../helpers/compare-folders.js';
import { EXAMPLE, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

describe('rampup scenarios, sweep and merge', () => {
  it('runs every scenario into its own folder and writes a comparison', () => {
    const out = tempDir();
    const run = runBuiltCli(['scenarios', '--data', EXAMPLE, '--out', out, '--jobs', '1']);
    expect(run.status).toBe(0);
    const files = Object.keys(folderContents(out));
    for (const scenario of ['baseline', 'pooled', 'no-germany']) expect(files).toContain(join(scenario, 'gaps.csv'));
    const comparison = readFileSync(join(out, 'comparison.csv'), 'utf8').trim().split('\n');
    expect(comparison[0]).toMatch(/^run,scenario,status,fill_rate_pct,weighted_fill_rate_pct,fill_rate_pct_air-defence,/);
    expect(comparison.slice(1).map((l) => l.split(',')[1])).toEqual(['baseline', 'pooled', 'no-germany']);
    expect(readFileSync(join(out, 'comparison.md'), 'utf8')).toContain('| no-germany | optimal |');
  });

  it('parallel and sequential runs write byte-identical reports', () => {
    const one = tempDir();
    const two = tempDir();
    expect(runBuiltCli(['scenarios', '--data', EXAMPLE, '--out', one, '--jobs', '1']).status).toBe(0);
    expect(runBuiltCli(['scenarios', '--data', EXAMPLE, '--out', two, '--jobs', '2']).status).toBe(0);
    expect(folderContents(two)).toEqual(folderContents(one));
  });

  it('shards merged equal the unsharded sweep', () => {
    const whole = tempDir();
    const shards = tempDir();
    const range = ['--set', 'budget_scale=0.5:2:0.25'];
    expect(runBuiltCli(['sweep', '--data', EXAMPLE, '--out', whole, ...range]).status).toBe(0);
    for (const k of [1, 2, 3]) expect(runBuiltCli(['sweep', '--data', EXAMPLE, '--out', shards, '--shard', `${k}/3`, ...range]).status).toBe(0);
    const merge = runBuiltCli(['merge', shards]);
    expect(merge.status).toBe(0);
    expect(readFileSync(join(shards, 'comparison.csv'), 'utf8')).toBe(readFileSync(join(whole, 'comparison.csv'), 'utf8'));
    expect(readFileSync(join(shards, 'comparison.md'), 'utf8')).toBe(readFileSync(join(whole, 'comparison.md'), 'utf8'));
    expect(readFileSync(join(shards, 'comparison.html'), 'utf8')).toBe(readFileSync(join(whole, 'comparison.html'), 'utf8'));
    expect(readFileSync(join(shards, 'comparison_by_system.csv'), 'utf8')).toBe(readFileSync(join(whole, 'comparison_by_system.csv'), 'utf8'));
  });

  it('an incomplete set of shards writes nothing: the comparison merged before stays byte-identical (issue 19.2)', () => {
    const shards = tempDir();
    const range = ['--set', 'budget_scale=0.5:2:0.5'];
    for (const k of [1, 2, 3]) expect(runBuiltCli(['sweep', '--data', EXAMPLE, '--out', shards, '--shard', `${k}/3`, '--jobs', '1', ...range]).status).toBe(0);
    expect(runBuiltCli(['merge', shards]).status).toBe(0);
    const merged = folderContents(shards);
    rmSync(join(shards, 'comparison-shard-2-of-3.csv'));
    rmSync(join(shards, 'comparison_by_system-shard-3-of-3.csv'));
    const merge = runBuiltCli(['merge', shards]);
    expect(merge.status).toBe(2);
    expect(merge.stderr).toContain(`merge ${shards}: FILE_MISSING missing comparison-shard-2-of-3.csv: run those shards (--shard K/3) or give their folders`);
    expect(merge.stderr).toContain('missing comparison_by_system-shard-3-of-3.csv');
    expect(merge.stderr).toContain('nothing was written');
    const after = folderContents(shards);
    for (const file of ['comparison.csv', 'comparison.md', 'comparison.html', 'comparison_by_system.csv']) expect(after[file], file).toBe(merged[file]);
    const nowhere = runBuiltCli(['merge', join(shards, 'no-such-folder')]);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toContain('FILE_MISSING no such folder');
  });

  it('compares every system across the runs: comparison_by_system.csv and a table in comparison.html (issue 19.5)', () => {
    const out = tempDir();
    const run = runBuiltCli(['scenarios', '--data', EXAMPLE, '--out', out, '--jobs', '1']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`comparison: ${out}/: open comparison.html there to compare the runs (also comparison.csv, comparison_by_system.csv, comparison.md), and each run's report.html in its folder there`);
    const [header, ...rows] = readFileSync(join(out, 'comparison_by_system.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(header).toEqual(['run', 'scenario', 'system', 'name', 'category', 'unit', 'need', 'delivered', 'shortfall', 'fill_rate_pct', 'weighted_shortfall', 'months_short', 'main_cause', 'first_month_met']);
    expect(rows).toHaveLength(3 * 3);
    expect(rows.map((r) => `${r[1]}/${r[2]}`).slice(0, 3)).toEqual(['baseline/fpv-drone', 'baseline/sam-medium', 'baseline/shell-155']);
    const html = readFileSync(join(out, 'comparison.html'), 'utf8');
    expect(html).toContain('<h2>Fill rate by system</h2>');
    expect(html).toContain('<th class="num">no-germany</th>');
    expect(readFileSync(join(out, 'comparison.md'), 'utf8')).toContain('## Fill rate by system');
  });

  it('the sweep is the money-to-fill-rate curve: more money never lowers the fill rate', () => {
    const out = tempDir();
    expect(runBuiltCli(['sweep', '--data', EXAMPLE, '--out', out, '--range', 'budget_scale=0:2:0.5']).status).toBe(0);
    const [header, ...rows] = readFileSync(join(out, 'comparison.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(header!.slice(0, 4)).toEqual(['run', 'scenario', 'budget_scale', 'status']);
    const fill = rows.map((r) => Number(r[header!.indexOf('weighted_fill_rate_pct')]));
    expect(rows.map((r) => r[2])).toEqual(['0', '0.5', '1', '1.5', '2']);
    for (let i = 1; i < fill.length; i++) expect(fill[i]!).toBeGreaterThanOrEqual(fill[i - 1]! - 1e-9);
  });

  it('a failing scenario is reported in the comparison and the exit code, the others still run', () => {
    const out = tempDir();
    const run = runBuiltCli(['scenarios', '--data', EXAMPLE, '--out', out, '--set', 'guarantee:sam-medium=1']);
    expect(run.status).toBe(3);
    const rows = readFileSync(join(out, 'comparison.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.every((r) => r.includes(',failed,'))).toBe(true);
    expect(run.stderr).toContain('baseline+guarantee:sam-medium=1 failed: infeasible');
  });

  it('a typo in a setting stops the set before anything runs (exit 2)', () => {
    const out = join(tempDir(), 'none');
    const run = runBuiltCli(['scenarios', '--data', EXAMPLE, '--out', out, '--set', 'budget_sacle=2']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('UNKNOWN_SETTING');
  });
});
