import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

function exampleWith(file: string, edit: (text: string) => string): string {
  const data = tempDir();
  cpSync(EXAMPLE, data, { recursive: true });
  writeFileSync(join(data, file), edit(readFileSync(join(data, file), 'utf8')));
  return data;
}

/** Runs a command that must fail on its input: exit 2, no stack trace, nothing written. */
function refused(args: readonly string[]): string {
  const out = join(tempDir(), 'out');
  const writes = ['plan', 'guarantees', 'scenarios', 'sweep'].includes(args[0]!);
  const run = runBuiltCli([...args, ...(writes ? ['--out', out] : [])]);
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return run.stderr;
}

describe('issue 19.4: messages that say how to fix it', () => {
  it('an unquoted 20,000 in a comma file: a thousands separator split the cell', () => {
    const data = exampleWith('capacity.csv', (t) => t.replace('DE,shell-155,Shellworks,20000,', 'DE,shell-155,Shellworks,20,000,'));
    const stderr = refused(['plan', '--data', data]).replaceAll(data, '<data>');
    expect(stderr).toBe(
      '<data>/capacity.csv:2:4 RAGGED_ROW expected 10 fields as in the header, found 11: "20,000" looks like one number with a thousands separator, ' +
        'and in a comma-separated file the comma splits the cell: write 20000 (no thousands separator, a decimal point for decimals), or quote the cell\n' +
        'rampup: 1 problem found; nothing was written.\n',
    );
  });

  it('--scenario poolled is a flag problem with the closest name', () => {
    expect(refused(['plan', '--data', EXAMPLE, '--scenario', 'poolled'])).toContain('--scenario poolled: UNKNOWN_SCENARIO no scenario named "poolled" (did you mean pooled?); the scenarios are baseline, pooled, no-germany');
    expect(refused(['scenarios', '--data', EXAMPLE, '--only', 'baseline,poolled'])).toContain('--only poolled: UNKNOWN_SCENARIO no scenario named "poolled" (did you mean pooled?)');
    expect(refused(['scenarios', '--data', EXAMPLE, '--only', ','])).toContain('--only ,: UNKNOWN_SCENARIO name one or more scenarios, e.g. --only baseline,pooled');
  });

  it('--set exclude=us lists the codes and says they are upper case', () => {
    expect(refused(['plan', '--data', EXAMPLE, '--set', 'exclude=de'])).toContain(
      '--set exclude=de: UNKNOWN_TARGET exclude: "de" is not a known country (did you mean DE?); country codes are upper case; the countries are DE, FR, PL; groups: group:core, group:flank',
    );
  });

  it('fair_share=50% suggests 0.5; a percentage setting says it is in per cent; a decimal comma on the command line suggests the point', () => {
    expect(refused(['plan', '--data', EXAMPLE, '--set', 'financing=pooled', '--set', 'fair_share=50%'])).toContain(
      '--set fair_share=50%: BAD_SETTING_VALUE fair_share: expected a number, found "50%"; write a share from 0 to 1: 50% is 0.5',
    );
    expect(refused(['plan', '--data', EXAMPLE, '--set', 'budget_scale=150%'])).toContain('write a multiplier: 150% is 1.5');
    expect(refused(['plan', '--data', EXAMPLE, '--set', 'budget_gdp_pct=0.25%'])).toContain('this setting is in per cent already: write 0.25');
    expect(refused(['plan', '--data', EXAMPLE, '--set', 'budget_scale=1,5'])).toContain('write a decimal point: 1.5');
  });

  it('a decimal comma in a ;-separated scenarios.csv (a European-locale spreadsheet) is read', () => {
    const data = tempDir();
    cpSync(EXAMPLE, data, { recursive: true });
    writeFileSync(join(data, 'scenarios.csv'), 'scenario;description;setting;target;value\nhalf;Half the money;budget_scale;*;0,5\n');
    const run = runBuiltCli(['plan', '--data', data, '--scenario', 'half', '--out', join(data, 'out'), '--no-explain']);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(data, 'out', 'half', 'summary.md'), 'utf8')).toContain('`budget_scale:*=0,5`');
  });

  it('--from 2026-7 says the format is YYYY-MM, before anything runs', () => {
    const stderr = refused(['guarantees', '--data', EXAMPLE, '--from', '2026-7']);
    expect(stderr).toBe('--from 2026-7: BAD_PERIOD expected a month as YYYY-MM, e.g. 2026-01 (write 2026-07)\nrampup: 1 problem found; nothing was written.\n');
    expect(refused(['guarantees', '--data', EXAMPLE, '--from', '2027-01'])).toContain('--from 2027-01: BAD_PERIOD 2027-01 is not a month of the horizon 2026-01 to 2026-06');
    expect(refused(['plan', '--data', EXAMPLE, '--set', 'start=2026-3'])).toContain('start: expected a month YYYY-MM, found "2026-3" (write 2026-03)');
  });

  it('a start after the last need is blamed on the flag, not on scenarios.csv', () => {
    expect(refused(['plan', '--data', EXAMPLE, '--set', 'start=2030-01'])).toContain('--set start=2030-01: EMPTY_HORIZON start 2030-01 leaves no month to plan: needs.csv runs from 2026-01 to 2026-06');
  });

  it('an infeasible guarantee names the recipient it fails for', () => {
    const data = exampleWith('needs.csv', (t) => t.replace(/sam-medium,(2026-\d\d),20,UA,/g, 'sam-medium,$1,20,NATO-EF,'));
    const run = runBuiltCli(['plan', '--data', data, '--out', join(data, 'out'), '--set', 'guarantee:sam-medium=0.8']);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(
      'guarantee 80 % for Medium-range interceptor cannot hold from 2026-01 to 2026-06; in 2026-01 NATO-EF needs at least 16 missiles and at most 10 can be delivered to it (cause: lead-time)',
    );
  });

  it('validate lists problems without saying that nothing was written; the commands that write say it', () => {
    const data = exampleWith('needs.csv', (t) => t.replace('2026-03', '2026-3'));
    expect(refused(['validate', '--data', data])).toMatch(/rampup: 1 problem found\.\n$/);
    expect(refused(['plan', '--data', data])).toMatch(/rampup: 1 problem found; nothing was written\.\n$/);
    expect(refused(['list', 'sytems', '--data', data])).toContain('list sytems: BAD_VALUE rampup can list scenarios, systems, countries, channels, settings, options, inventories (did you mean systems?)');
  });

  it('a folder that cannot be written is named, with the reason, and is not reported as a bug', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), '');
    const run = runBuiltCli(['plan', '--data', EXAMPLE, '--no-explain', '--out', join(dir, 'a-file', 'out')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`rampup: cannot write ${join(dir, 'a-file')}`);
    expect(run.stderr).toContain('(ENOTDIR)');
    expect(run.stderr).not.toContain('report this as a bug');
  });
});
