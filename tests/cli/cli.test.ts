import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DATA } from '../../src/io/example-data.js';
import { EXAMPLE, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

describe('the built rampup binary', () => {
  it('plans a data folder, prints the headline and writes every report', () => {
    const out = tempDir();
    const run = runBuiltCli(['plan', '--data', EXAMPLE, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/fill rate\s+\d+\.\d %/);
    expect(run.stdout).toContain('worst gaps:');
    expect(run.stdout).toContain(`reports: ${join(out, 'baseline')}/`);
    expect(readdirSync(join(out, 'baseline')).sort()).toEqual(
      ['budget_shares.csv', 'by_year.csv', 'capacity_plan.csv', 'gaps.csv', 'gaps_by_system.csv', 'manifest.json', 'money_flows.csv', 'options_plan.csv', 'production.csv', 'report.html', 'summary.md', 'timings.json'].sort(),
    );
    const manifest = JSON.parse(readFileSync(join(out, 'baseline', 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest)).toEqual(expect.arrayContaining(['tool', 'scenario', 'inputs', 'solver', 'model', 'status', 'objectives']));
    // Wall-clock figures live in timings.json (not committed), so that the manifest is the same bytes run to run.
    expect(Object.keys(manifest)).not.toContain('timings');
    expect(JSON.parse(readFileSync(join(out, 'baseline', 'timings.json'), 'utf8')).solve).toBeGreaterThan(0);
    expect(manifest.status).toBe('optimal');
    expect(manifest.inputs.map((i: { file: string }) => i.file)).toContain('capacity.csv');
  });

  it('prints the summary as JSON with --json', () => {
    const out = tempDir();
    const run = runBuiltCli(['plan', '--data', EXAMPLE, '--out', out, '--json', '--scenario', 'pooled']);
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.scenario).toBe('pooled');
    expect(summary.fillRate).toBeGreaterThan(0);
    expect(summary.fillRate).toBeLessThanOrEqual(1);
  });

  it('gives the same plan with both solvers on the example', () => {
    const highs = JSON.parse(runBuiltCli(['plan', '--data', EXAMPLE, '--out', tempDir(), '--json']).stdout);
    const jslp = JSON.parse(runBuiltCli(['plan', '--data', EXAMPLE, '--out', tempDir(), '--json', '--solver', 'jslp']).stdout);
    expect(Math.abs(jslp.weightedShortfall - highs.weightedShortfall) / highs.weightedShortfall).toBeLessThan(1e-6);
    expect(Math.abs(jslp.moneySpentEur - highs.moneySpentEur) / highs.moneySpentEur).toBeLessThan(1e-6);
  });

  it('init writes the example folder, which validates', () => {
    const dir = join(tempDir(), 'new');
    expect(runBuiltCli(['init', dir]).status).toBe(0);
    for (const [name, content] of Object.entries(EXAMPLE_DATA)) expect(readFileSync(join(dir, name), 'utf8')).toBe(content);
    expect(runBuiltCli(['init', dir]).status).toBe(2); // never overwrites
    const check = runBuiltCli(['validate', '--data', dir]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('valid');
  });

  it('bad usage exits 2 with a message, not a stack trace', () => {
    const run = runBuiltCli(['plan', '--solver', 'cplex']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cplex');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(runBuiltCli(['frobnicate']).status).toBe(2);
  });

  it('an unknown scenario or setting exits 2, names what exists, and blames the flag, not a file', () => {
    const unknown = runBuiltCli(['plan', '--data', EXAMPLE, '--out', tempDir(), '--scenario', 'nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--scenario nope: UNKNOWN_SCENARIO no scenario named "nope"; the scenarios are baseline, pooled, no-germany');
    expect(unknown.stderr).not.toContain('scenarios.csv:');
    const typo = runBuiltCli(['plan', '--data', EXAMPLE, '--out', tempDir(), '--set', 'budget_scael=2']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('--set budget_scael=2: UNKNOWN_SETTING unknown setting "budget_scael"');
    const folder = runBuiltCli(['plan', '--data', 'no-such-folder', '--out', tempDir()]);
    expect(folder.status).toBe(2);
    expect(folder.stderr.split('no-such-folder').length - 1).toBe(1);
  });

  it('stops at the time limit with a clear message, and refuses a model too large for jslp', () => {
    const slow = runBuiltCli(['plan', '--out', tempDir(), '--time-limit', '0.001']);
    expect(slow.status).toBe(3);
    expect(slow.stderr).toMatch(/no plan within the time limit of 0.001 s .* \(\d+ columns, \d+ rows\)\. Raise --time-limit/);
    const large = runBuiltCli(['plan', '--out', tempDir(), '--solver', 'jslp']);
    expect(large.status).toBe(3);
    expect(large.stderr).toMatch(/the model has \d+ columns and \d+ rows \(size \d+\); jslp handles at most 2500\. Use --solver highs/);
  });

  it('--help shows examples', () => {
    const run = runBuiltCli(['plan', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Examples:');
  });
});
