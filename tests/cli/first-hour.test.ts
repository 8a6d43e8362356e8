import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, overlayFixture, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

/** A copy of the example data folder. */
function exampleCopy(): string {
  return overlayFixture(tempDir());
}

describe("issue 31.4: a new analyst's smaller stumbles", () => {
  it('07/2026, 01/2026 and a spreadsheet date number get a "write YYYY-MM" hint, on the command line and in a file', () => {
    const flag = runBuiltCli(['plan', '--data', EXAMPLE, '--set', 'start=07/2026']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('start: expected a month YYYY-MM, found "07/2026" (write 2026-07: year first)');
    const from = runBuiltCli(['guarantees', '--data', EXAMPLE, '--from', '46082']);
    expect(from.status).toBe(2);
    expect(from.stderr).toContain("a spreadsheet's date number (2026-03-01); format the column as Text and write the month, 2026-03");
    const data = exampleCopy();
    const needs = readFileSync(join(data, 'needs.csv'), 'utf8').replace('shell-155,2026-01,', 'shell-155,01/2026,');
    writeFileSync(join(data, 'needs.csv'), needs);
    expect(runBuiltCli(['validate', '--data', data]).stderr).toContain('found "01/2026" (write 2026-01: year first)');
  });

  it('an empty optional file is read as absent, with a warning', () => {
    const data = exampleCopy();
    writeFileSync(join(data, 'stocks.csv'), '');
    const run = runBuiltCli(['plan', '--data', data, '--no-explain', '--out', join(data, 'out')]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('stocks.csv:1:1 warning EMPTY_OPTIONAL_FILE stocks.csv is empty (not even a header): read as if it were not there');
  });

  it("init writes budgets.csv with today's payer header; the help of include_only shows include_only", () => {
    const data = join(tempDir(), 'mine');
    expect(runBuiltCli(['init', data]).status).toBe(0);
    expect(readFileSync(join(data, 'budgets.csv'), 'utf8').split('\n')[0]).toBe('payer,period,budget_eur,source');
    const help = runBuiltCli(['plan', '--help']).stdout;
    expect(help).toMatch(/^ {2}include_only +.*e\.g\. include_only=US$/m);
    expect(help).toMatch(/^ {2}exclude +.*e\.g\. exclude=US$/m);
  });

  it('rampup list keeps to the width of the terminal', () => {
    const run = runBuiltCli(['list', 'scenarios']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(lines.some((l) => l.startsWith('national '))).toBe(true);
    expect(runBuiltCli(['list', 'settings']).stdout.split('\n').every((l) => l.length <= 100)).toBe(true);
    const narrow = runBuiltCli(['list', 'systems', '--data', EXAMPLE], undefined, { COLUMNS: '90' }).stdout.trimEnd().split('\n');
    expect(Math.max(...narrow.map((l) => l.length))).toBeLessThanOrEqual(90);
    // Codes are never cut, however narrow.
    expect(narrow.join('\n')).toContain('artillery-ammunition');
  });

  it('a system that is never delivered is never "fully met", even when its need stops before the horizon ends', () => {
    const data = exampleCopy();
    writeFileSync(join(data, 'systems.csv'), `${readFileSync(join(data, 'systems.csv'), 'utf8')}tank,Tank,armour,tank,10,example\n`);
    writeFileSync(join(data, 'needs.csv'), `${readFileSync(join(data, 'needs.csv'), 'utf8')}tank,2026-01,2,UA,example\ntank,2026-02,2,UA,example\ntank,2026-03,2,UA,example\n`);
    const run = runBuiltCli(['plan', '--data', data, '--out', join(data, 'out')]);
    expect(run.status, run.stderr).toBe(0);
    const [header, ...rows] = readFileSync(join(data, 'out', 'baseline', 'gaps_by_system.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const tank = rows.find((r) => r[0] === 'tank')!;
    expect(tank[header!.indexOf('delivered')]).toBe('0');
    expect(tank[header!.indexOf('first_month_met')]).toBe('');
    expect(tank[header!.indexOf('first_month_met_unlimited')]).toBe('');
  });

  it('scenarios say in one line per scenario how many warnings its settings bring, instead of listing them all', () => {
    const run = runBuiltCli(['scenarios', '--only', 'baseline,national', '--out', tempDir(), '--jobs', '1']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^rampup: scenario national: \d+ warnings of its settings \(\d+ IDLE_BUDGET, \d+ LINE_WITHOUT_PAYER\); rampup validate lists them, and so does its manifest.json$/m);
    expect(run.stderr).not.toContain('warning LINE_WITHOUT_PAYER');
  }, 60_000);
});
