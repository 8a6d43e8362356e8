import { appendFileSync, cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

/** The example folder with a change; returns the folder. */
function exampleWith(change: (data: string) => void): string {
  const data = tempDir();
  cpSync(EXAMPLE, data, { recursive: true });
  change(data);
  return data;
}

/** validate and plan both print the warning, exit 0, and the plan's manifest lists it. */
function expectWarning(data: string, line: string, code: string, args: readonly string[] = []): void {
  const validate = runBuiltCli(['validate', '--data', data]);
  expect(validate.status, validate.stderr).toBe(0);
  expect(validate.stderr.replaceAll(data, '<data>')).toContain(line);
  expect(validate.stdout).toMatch(/valid, with \d+ warnings? \(above\)/);
  const out = join(data, 'out');
  const plan = runBuiltCli(['plan', '--data', data, '--out', out, '--no-explain', ...args]);
  expect(plan.status, plan.stderr).toBe(0);
  expect(plan.stderr.replaceAll(data, '<data>')).toContain(line);
  expect(plan.stderr).toMatch(/rampup: \d+ warnings?: allowed, and not stopping the run/);
  const manifest = JSON.parse(readFileSync(join(out, 'baseline', 'manifest.json'), 'utf8'));
  expect(manifest.warnings.map((w: { code: string }) => w.code)).toContain(code);
}

describe('issue 19.3: mistakes that pass validation are warnings, in the terminal and in manifest.json', () => {
  it('the example data has none', () => {
    const run = runBuiltCli(['validate', '--data', EXAMPLE]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(': valid. 3 countries');
  });

  it('a budget row outside the horizon: its money would vanish', () => {
    const data = exampleWith((d) => appendFileSync(join(d, 'budgets.csv'), 'FR,2025,2000000000,example\n'));
    expectWarning(
      data,
      '<data>/budgets.csv:5:2 warning BUDGET_OUTSIDE_HORIZON the budget of FR for 2025 (EUR 2.00 bn) is outside the horizon 2026-01 to 2026-06 (the months of needs.csv): its money is never used',
      'BUDGET_OUTSIDE_HORIZON',
    );
  });

  it('a line of a country nobody can pay, under national and under pooled financing', () => {
    const data = exampleWith((d) => {
      appendFileSync(join(d, 'countries.csv'), 'IT,Italy,2000000000000,core,example\n');
      appendFileSync(join(d, 'capacity.csv'), 'IT,fpv-drone,Drone IT,100,100,,,500,,example\n');
    });
    expectWarning(
      data,
      '<data>/capacity.csv:8:1 warning LINE_WITHOUT_PAYER no money may pay for the line (IT, fpv-drone, Drone IT): under national financing a line is paid by its own country, and IT has no budget in this scenario: the line makes nothing',
      'LINE_WITHOUT_PAYER',
    );
    const pooled = runBuiltCli(['plan', '--data', data, '--out', join(data, 'out'), '--no-explain', '--set', 'financing=pooled', '--set', 'budget_scale=0']);
    expect(pooled.status).toBe(0);
    expect(pooled.stderr).toContain('LINE_WITHOUT_PAYER no money may pay for the line (DE, shell-155, Shellworks): under pooled financing the pool pays every line, but no payer brings money to it');
    // In a set, a warning shared by scenarios is printed once, with their names.
    const set = runBuiltCli(['scenarios', '--data', data, '--out', join(data, 'set'), '--jobs', '1']);
    expect(set.status).toBe(0);
    expect(set.stderr).toContain('the line makes nothing (scenarios baseline, no-germany)');
  });

  it('money that can buy nothing: a budget of a country without lines, under national financing', () => {
    const data = exampleWith((d) => {
      appendFileSync(join(d, 'countries.csv'), 'NL,Netherlands,1000000000000,core,example\n');
      appendFileSync(join(d, 'budgets.csv'), 'NL,2026,500000000,example\n');
    });
    expectWarning(data, '<data>/budgets.csv:5:1 warning IDLE_BUDGET under national financing a country pays only for its own lines, and NL has none: its budget is never spent', 'IDLE_BUDGET');
  });

  it('a need for a system that no line makes', () => {
    const data = exampleWith((d) => {
      appendFileSync(join(d, 'systems.csv'), 'tank,Main battle tank,armour,tank,50,example\n');
      appendFileSync(join(d, 'needs.csv'), 'tank,2026-01,4,UA,example\ntank,2026-02,4,UA,example\n');
    });
    expectWarning(data, '<data>/needs.csv:20:1 warning NO_LINE_FOR_NEED no line in capacity.csv makes tank: its need of 8 tanks can be met from nothing: it has no stock either', 'NO_LINE_FOR_NEED');
  });

  it('a system with priority 0, whose shortfall costs nothing', () => {
    const data = exampleWith((d) => writeFileSync(join(d, 'systems.csv'), readFileSync(join(d, 'systems.csv'), 'utf8').replace('drones,drone,0.5,', 'drones,drone,0,')));
    expectWarning(data, '<data>/systems.csv:4:5 warning ZERO_PRIORITY fpv-drone has priority 0', 'ZERO_PRIORITY');
  });

  it('a misnamed or unknown file says which file it may be', () => {
    const data = exampleWith((d) => {
      cpSync(join(d, 'needs.csv'), join(d, 'need.csv'));
      writeFileSync(join(d, 'stocks.xlsx'), 'not a csv');
      writeFileSync(join(d, 'notes.md'), 'my notes are left alone');
    });
    expectWarning(data, '<data>/need.csv:1:1 warning UNKNOWN_FILE rampup does not read need.csv (did you mean needs.csv? That file is here too, and it is the one read)', 'UNKNOWN_FILE');
    const validate = runBuiltCli(['validate', '--data', data]);
    expect(validate.stderr).toContain('warning UNKNOWN_FILE rampup does not read stocks.xlsx; it reads CSV only: save it as stocks.csv');
    expect(validate.stderr).not.toContain('notes.md');
  });

  it('a required file under another name: the problem names the file that is there', () => {
    const data = exampleWith((d) => renameSync(join(d, 'needs.csv'), join(d, 'Needs.CSV')));
    const run = runBuiltCli(['validate', '--data', data]);
    expect(run.status).toBe(2);
    const stderr = run.stderr.replaceAll(data, '<data>');
    expect(stderr).toContain('<data>/needs.csv:1:1 FILE_MISSING required file needs.csv is missing; Needs.CSV is in the folder: if it holds the needs, rename it needs.csv');
    expect(stderr).toContain('<data>/Needs.CSV:1:1 warning UNKNOWN_FILE rampup does not read Needs.CSV (did you mean needs.csv? Rename it, or its rows are not used)');
    expect(stderr).toContain('rampup: 1 problem found.');
  });

  it('360 months that Excel turned into dates are one problem, with its hint, and a count of the rest', () => {
    const data = exampleWith((d) => {
      const rows = ['system,period,quantity,recipient,source'];
      for (let r = 0; r < 30; r++) for (let m = 1; m <= 12; m++) rows.push(`shell-155,01/${String(m).padStart(2, '0')}/2026,100,R${r},example`);
      writeFileSync(join(d, 'needs.csv'), rows.join('\n') + '\n');
    });
    const run = runBuiltCli(['validate', '--data', data]);
    expect(run.status).toBe(2);
    expect(run.stderr.replaceAll(data, '<data>')).toBe(
      '<data>/needs.csv:2:2 BAD_PERIOD period: expected a month as YYYY-MM (e.g. 2026-01), found "01/01/2026": a spreadsheet turned the month into a date; format the column as Text and write YYYY-MM, e.g. 2026-01\n' +
        '  ... and 359 more like it in needs.csv, lines 3-361\n' +
        'rampup: 360 problems found.\n',
    );
  });
});
