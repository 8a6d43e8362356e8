import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderContents } from '../helpers/compare-folders.js';
import { ROOT, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

describe('the committed reports', () => {
  it('are what npm start writes today (so the README never quotes stale numbers)', () => {
    const out = tempDir();
    // The same two commands as npm start.
    const run = runBuiltCli(['scenarios', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const guarantees = runBuiltCli(['guarantees', '--from', '2026-07', '--out', out]);
    expect(guarantees.status, guarantees.stderr).toBe(0);
    const fresh = folderContents(out);
    const committed = folderContents(join(ROOT, 'reports'));
    expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
    for (const file of Object.keys(fresh).sort()) {
      expect(committed[file], `reports/${file} differs from a fresh run: run npm start and review the diff`).toBe(fresh[file]);
    }
  }, 300_000);
});
