import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderContents } from '../helpers/compare-folders.js';
import { EXAMPLE, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

/** A copy of the example data folder, as `rampup init my-data` would leave it. */
function myData(): { cwd: string; data: string } {
  const cwd = tempDir();
  const data = join(cwd, 'my-data');
  cpSync(EXAMPLE, data, { recursive: true });
  return { cwd, data };
}

describe('issue 19.1: every run has a folder that says what it is, and runs never overwrite each other', () => {
  it('a --set run of the bundled data does not touch reports/baseline/, and says what it changed', () => {
    const cwd = tempDir();
    expect(runBuiltCli(['plan', '--no-explain'], cwd).status).toBe(0);
    const baseline = folderContents(join(cwd, 'reports', 'baseline'));
    const run = runBuiltCli(['plan', '--no-explain', '--set', 'budget_scale=2', '--set', 'exclude=US'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(folderContents(join(cwd, 'reports', 'baseline'))).toEqual(baseline);
    const folder = join(cwd, 'reports', 'baseline+budget_scale=2+exclude=US');
    expect(run.stdout).toContain(`reports: ${join('reports', 'baseline+budget_scale=2+exclude=US')}/`);
    expect(run.stdout).toContain('rampup: scenario baseline with budget_scale=2, exclude:US on top,');
    const summary = readFileSync(join(folder, 'summary.md'), 'utf8');
    expect(summary).toContain('# Ramp-up plan: scenario `baseline`, with `budget_scale=2`, `exclude:US` on top');
    expect(summary).toContain('Settings of the scenario (scenarios.csv): none, the data as it stands. On top of it (--set): `budget_scale=2`, `exclude:US`.');
    expect(readFileSync(join(folder, 'report.html'), 'utf8')).toContain('On top of the scenario (--set): <code>budget_scale=2</code>, <code>exclude:US</code>');
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.scenario.run).toBe('baseline+budget_scale=2+exclude=US');
    expect(manifest.scenario.settings.map((s: { from: string }) => s.from)).toEqual(['--set:1', '--set:2']);
  });

  it('another data folder writes into its own reports/ folder, never into ./reports', () => {
    const { cwd, data } = myData();
    const run = runBuiltCli(['plan', '--data', data, '--no-explain'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(cwd, 'reports'))).toBe(false);
    expect(readdirSync(join(data, 'reports'))).toEqual(['baseline']);
    expect(run.stdout).toContain(`open ${join(data, 'reports', 'baseline', 'report.html')}`);
  });

  it('scenarios of another data folder stay apart; a subset or a variant gets a folder of its own', () => {
    const { cwd, data } = myData();
    expect(runBuiltCli(['scenarios', '--data', data, '--jobs', '1'], cwd).status).toBe(0);
    const reports = join(data, 'reports');
    expect(readdirSync(reports).sort()).toEqual(['baseline', 'comparison.csv', 'comparison.html', 'comparison.md', 'comparison_by_system.csv', 'no-germany', 'pooled']);
    const before = folderContents(reports);
    const variant = runBuiltCli(['scenarios', '--data', data, '--jobs', '1', '--only', 'pooled', '--set', 'budget_scale=2'], cwd);
    expect(variant.status, variant.stderr).toBe(0);
    const own = join(reports, 'scenarios+only=pooled+budget_scale=2');
    expect(readdirSync(own).sort()).toEqual(['comparison.csv', 'comparison.html', 'comparison.md', 'comparison_by_system.csv', 'pooled+budget_scale=2']);
    expect(variant.stdout).toContain(`open ${join(own, 'comparison.html')}`);
    const after = folderContents(reports);
    for (const [file, text] of Object.entries(before)) expect(after[file], file).toBe(text);
  });

  it('a sweep without --out writes to a folder named after it, never over the comparison of the scenarios', () => {
    const { cwd, data } = myData();
    expect(runBuiltCli(['scenarios', '--data', data, '--jobs', '1', '--only', 'baseline', '--name', 'x'], cwd).status).toBe(0);
    const run = runBuiltCli(['sweep', '--data', data, '--jobs', '1', '--set', 'budget_scale=0.5:1:0.5'], cwd);
    expect(run.status, run.stderr).toBe(0);
    const sweep = join(data, 'reports', 'sweep+baseline+budget_scale=0.5to1by0.5');
    const rows = readFileSync(join(sweep, 'comparison.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.map((r) => r.split(',')[1])).toEqual(['baseline+budget_scale=0.5', 'baseline+budget_scale=1']);
    expect(readdirSync(join(data, 'reports')).sort()).toEqual(['sweep+baseline+budget_scale=0.5to1by0.5', 'x']);
  });

  it('--name names the folder, and must be one folder name', () => {
    const { cwd, data } = myData();
    const run = runBuiltCli(['plan', '--data', data, '--no-explain', '--scenario', 'pooled', '--name', 'my-study'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(data, 'reports'))).toEqual(['my-study']);
    expect(JSON.parse(readFileSync(join(data, 'reports', 'my-study', 'manifest.json'), 'utf8')).scenario.run).toBe('my-study');
    const bad = runBuiltCli(['plan', '--data', data, '--name', '../elsewhere'], cwd);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--name ../elsewhere: BAD_VALUE a folder name of letters, digits');
    expect(bad.stderr).toContain('nothing was written');
  });
});
