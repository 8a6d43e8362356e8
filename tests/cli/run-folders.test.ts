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
    // The folder is named once, not once per file.
    expect(run.stdout.split('baseline+budget_scale=2+exclude=US')).toHaveLength(2);
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
    expect(run.stdout).toContain(`reports: ${join(data, 'reports', 'baseline')}/`);
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
    expect(variant.stdout).toContain(`comparison: ${own}/: open comparison.html there`);
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

describe('issue 31.3: readable run names', () => {
  it('a folder name keeps : and a long one is shortened to something a person reads, its settings in settings.txt', () => {
    const { cwd, data } = myData();
    const colon = runBuiltCli(['plan', '--data', data, '--no-explain', '--set', 'budget_scale:DE=2', '--set', 'budget_scale:group:core=1.5'], cwd);
    expect(colon.status, colon.stderr).toBe(0);
    const folder = join(data, 'reports', 'baseline+budget_scale:DE=2+budget_scale:group:core=1.5');
    expect(existsSync(join(folder, 'report.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')).scenario.run).toBe('baseline+budget_scale:DE=2+budget_scale:group:core=1.5');
    const flags = ['DE', 'FR', 'PL'].flatMap((c) => ['--set', `budget_scale:${c}=1.25`, '--set', `capacity_scale:${c}=1.5`]);
    const long = runBuiltCli(['plan', '--data', data, '--no-explain', ...flags], cwd);
    expect(long.status, long.stderr).toBe(0);
    const short = readdirSync(join(data, 'reports')).find((n) => n.startsWith('baseline+6-settings-'))!;
    expect(short).toMatch(/^baseline\+6-settings-[0-9a-f]{8}$/);
    expect(long.stdout.split(short)).toHaveLength(2);
    const settings = readFileSync(join(data, 'reports', short, 'settings.txt'), 'utf8');
    expect(settings).toContain('\n  budget_scale:DE=1.25\n  capacity_scale:DE=1.5\n');
    const manifest = JSON.parse(readFileSync(join(data, 'reports', short, 'manifest.json'), 'utf8'));
    expect(manifest.scenario.run).toBe(`baseline+${flags.filter((f) => f !== '--set').join('+')}`);
    // The same run again replaces its own folder; a risk of it lands in the same folder.
    expect(runBuiltCli(['risk', '--data', data, '--samples', '1', '--jobs', '1', ...flags], cwd).status).toBe(0);
    expect(readdirSync(join(data, 'reports', short))).toEqual(expect.arrayContaining(['risk', 'settings.txt', 'report.html']));
  }, 60_000);
});
