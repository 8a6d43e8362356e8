import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderContents } from '../helpers/compare-folders.js';
import { EXAMPLE, ROOT, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

const GOLDEN = join(ROOT, 'tests', 'golden', 'example');

/**
 * Every report of the example fixture, in every dialect and with every optional analysis,
 * compared whole with the reviewed copies in tests/golden/example. A refactoring must leave
 * them byte-identical; a deliberate change is regenerated with RAMPUP_UPDATE_GOLDEN=1 and
 * reviewed in the diff.
 */
describe('the reports of the example fixture', () => {
  it('are byte-identical to the reviewed golden copies', () => {
    const out = tempDir();
    const init = join(tempDir(), 'init');
    expect(runBuiltCli(['init', init]).status).toBe(0);
    const runs = [
      ['scenarios', '--data', init, '--out', join(out, 'init-example'), '--jobs', '1'],
      ['scenarios', '--data', EXAMPLE, '--out', join(out, 'scenarios'), '--jobs', '1'],
      ['guarantees', '--data', EXAMPLE, '--from', '2026-03', '--out', join(out, 'guarantees')],
      ['plan', '--data', EXAMPLE, '--scenario', 'pooled', '--csv', 'excel-eu', '--xlsx', '--sensitivity', '--out', join(out, 'excel-eu')],
      ['plan', '--data', EXAMPLE, '--solver', 'jslp', '--csv', 'excel', '--out', join(out, 'jslp')],
      ['sweep', '--data', EXAMPLE, '--set', 'budget_scale=0.5:2:0.5', '--out', join(out, 'sweep'), '--jobs', '1'],
    ];
    for (const args of runs) {
      const run = runBuiltCli(args);
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    if (process.env.RAMPUP_UPDATE_GOLDEN) {
      rmSync(GOLDEN, { recursive: true, force: true });
      // timings.json differs run to run and is never committed.
      cpSync(out, GOLDEN, { recursive: true, filter: (source) => !source.endsWith('timings.json') });
    }
    const fresh = folderContents(out);
    const golden = folderContents(GOLDEN);
    expect(Object.keys(fresh).sort()).toEqual(Object.keys(golden).sort());
    for (const file of Object.keys(fresh).sort()) {
      expect(fresh[file], `${file} differs from tests/golden/example/${file}`).toBe(golden[file]);
    }
  }, 120_000);
});
