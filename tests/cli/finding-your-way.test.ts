import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

describe('issue 19.5: finding your way', () => {
  it('rampup list shows the scenarios, systems, countries and settings of a data folder, solving nothing', () => {
    const scenarios = runBuiltCli(['list', 'scenarios', '--data', EXAMPLE]);
    expect(scenarios.status).toBe(0);
    expect(scenarios.stdout.split('\n').slice(0, 4)).toEqual([
      'scenario    settings                          description',
      'baseline    (none: the data as it stands)     The data as it stands',
      'pooled      financing=pooled, fair_share=0.5  One common fund with GDP fair shares',
      'no-germany  exclude:DE                        Germany neither produces nor pays',
    ]);
    // A terminal as wide as the table (COLUMNS; a narrower one wraps the long cells: first-hour.test.ts).
    const systems = runBuiltCli(['list', 'systems', '--data', EXAMPLE], undefined, { COLUMNS: '120' });
    expect(systems.stdout).toMatch(/^shell-155 +155 mm artillery round +artillery-ammunition +round +1 +DE FR PL +240,000 rounds$/m);
    const countries = runBuiltCli(['list', 'countries', '--data', EXAMPLE, '--json']);
    expect(JSON.parse(countries.stdout)[0]).toEqual({ country: 'DE', name: 'Germany', group: 'core', lines: '2', 'budgets.csv': 'EUR 1.50 bn' });
    const settings = runBuiltCli(['list', 'settings', '--data', EXAMPLE]);
    expect(settings.stdout).toMatch(/^budget_scale +\*, a country code, a fund, group:NAME +a multiplier >= 0, e\.g\. 1\.5 \(not 150%\)$/m);
    expect(settings.stdout).toContain('Groups: group:core group:flank');
    expect(settings.stdout).toContain('Categories: category:air-defence category:artillery-ammunition category:drones');
  });

  it('--help lists every --set key with its targets, and every command has examples', () => {
    for (const command of ['plan', 'guarantees', 'scenarios', 'sweep']) {
      const help = runBuiltCli([command, '--help']).stdout;
      expect(help, command).toMatch(/^ {2}capacity_scale +\*, a country code, a system code, a material, category:NAME +a multiplier/m);
      expect(help, command).toMatch(/^ {2}guarantee +\*, a system code, category:NAME +a share from 0 to 1/m);
    }
    for (const command of ['plan', 'guarantees', 'scenarios', 'sweep', 'merge', 'validate', 'list', 'init']) {
      expect(runBuiltCli([command, '--help']).stdout, command).toContain('Examples:');
    }
    expect(runBuiltCli(['--help']).stdout).toContain('rampup list scenarios');
  });

  it('the terminal points to report.html; summary.md says who makes what, month by month, by country', () => {
    const out = tempDir();
    const run = runBuiltCli(['plan', '--data', EXAMPLE, '--out', out, '--no-explain']);
    expect(run.stdout).toContain(`reports: ${join(out, 'baseline')}/ (written in`);
    expect(run.stdout).toContain('open report.html there, or start with summary.md');
    const summary = readFileSync(join(out, 'baseline', 'summary.md'), 'utf8');
    expect(summary).toContain('## Who makes what, month by month');
    expect(summary).toContain('| system | country | total | 2026-01 | 2026-02 | 2026-03 | 2026-04 | 2026-05 | 2026-06 |');
    expect(summary).toMatch(/^\| 155 mm artillery round \| Germany \| [\d,]+ \| [\d,]+ \|/m);
  });

  it('long system names line up in the terminal', () => {
    const data = tempDir();
    cpSync(EXAMPLE, data, { recursive: true });
    const systems = join(data, 'systems.csv');
    writeFileSync(systems, readFileSync(systems, 'utf8').replace('Medium-range interceptor', 'Medium-range surface-to-air interceptor missile with a long name'));
    const run = runBuiltCli(['guarantees', '--data', data, '--out', join(data, 'out'), '--no-explain']);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    const at = (block: string) => {
      const start = lines.findIndex((l) => l.includes(block));
      return lines.slice(start + 1, start + 4).map((l) => l.indexOf('%'));
    };
    for (const block of ['worst gaps:', 'what can be promised']) {
      const columns = at(block);
      expect(columns.every((c) => c === columns[0] && c > 0), `${block} ${columns}`).toBe(true);
    }
  });
});
