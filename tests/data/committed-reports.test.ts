import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderContents } from '../helpers/compare-folders.js';
import { ROOT, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

/**
 * The files of reports/ that are committed: git's list when there is a repository, so that
 * a developer's own runs beside them (reports/baseline+budget_scale=2/) do not count.
 */
function committedFiles(): Set<string> | undefined {
  const git = spawnSync('git', ['ls-files', '--', 'reports'], { cwd: ROOT, encoding: 'utf8' });
  if (git.status !== 0 || git.stdout.trim() === '') return undefined;
  return new Set(git.stdout.trim().split('\n').map((f) => f.slice('reports/'.length)));
}

describe('the committed reports', () => {
  it('are what npm start writes today (so the README never quotes stale numbers)', () => {
    const out = tempDir();
    // The same three commands as npm start.
    const run = runBuiltCli(['scenarios', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const guarantees = runBuiltCli(['guarantees', '--from', '2026-07', '--out', out]);
    expect(guarantees.status, guarantees.stderr).toBe(0);
    const replay = runBuiltCli(['replay', '--out', out]);
    expect(replay.status, replay.stderr).toBe(0);
    const fresh = folderContents(out);
    const onDisk = folderContents(join(ROOT, 'reports'));
    const tracked = committedFiles();
    const committed = tracked ? Object.fromEntries(Object.entries(onDisk).filter(([file]) => tracked.has(file))) : onDisk;
    expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
    for (const file of Object.keys(fresh).sort()) {
      expect(committed[file], `reports/${file} differs from a fresh run: run npm start and review the diff`).toBe(fresh[file]);
    }
  }, 300_000);
});
