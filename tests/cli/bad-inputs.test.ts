import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, overlayFixture, runBuiltCli } from '../helpers/run-built-cli.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'bad-inputs');
const cases = readdirSync(FIXTURES).sort();

describe('bad input: every problem listed with file:line:column, exit 2, nothing written', () => {
  it('has a fixture per validation rule', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s', (name) => {
    const fixture = join(FIXTURES, name);
    const data = overlayFixture(fixture);
    const expected = readFileSync(join(fixture, 'expected.txt'), 'utf8');

    const validate = runBuiltCli(['validate', '--data', data]);
    expect(validate.status).toBe(2);
    expect(validate.stderr.replaceAll(data, '<data>')).toBe(expected);
    expect(validate.stderr).not.toMatch(/\n\s+at /); // no stack trace

    if (!existsSync(join(fixture, 'scenarios.csv'))) {
      const out = join(data, 'out');
      const plan = runBuiltCli(['plan', '--data', data, '--out', out]);
      expect(plan.status).toBe(2);
      // validate writes nothing, so only the commands that write say that they did not.
      expect(plan.stderr.replaceAll(data, '<data>')).toBe(expected.replace(/found\.\n$/, 'found; nothing was written.\n'));
      expect(existsSync(out)).toBe(false);
    }
  });
});
