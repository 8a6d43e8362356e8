import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeFolderName } from '../../src/scenario/run-name.js';
import { folderContents } from '../helpers/compare-folders.js';
import { BIN, EXAMPLE, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

const hashes = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

describe('output is written whole or not at all, and inputs are never touched', () => {
  it('leaves the previous reports intact when the solve fails', () => {
    const out = tempDir();
    expect(runBuiltCli(['plan', '--data', EXAMPLE, '--out', out]).status).toBe(0);
    const before = folderContents(out);
    const failed = runBuiltCli(['plan', '--data', EXAMPLE, '--out', out, '--set', 'guarantee=1']);
    expect(failed.status).toBe(3);
    expect(failed.stderr).toContain('cannot hold');
    expect(folderContents(out)).toEqual(before);
    expect(readdirSync(out)).toEqual(['baseline']);
  });

  it('a run killed at any moment leaves the old reports or the new ones, never a mix', async () => {
    const data = tempDir();
    cpSync(join(import.meta.dirname, '..', '..', 'data'), data, { recursive: true });
    const out = tempDir();
    // --name: a run with other settings written over the same folder, to have old reports to keep.
    expect(runBuiltCli(['plan', '--data', data, '--out', out, '--no-explain', '--set', 'budget_scale=0.5', '--name', 'baseline']).status).toBe(0);
    const old = folderContents(out);
    const fresh = tempDir();
    expect(runBuiltCli(['plan', '--data', data, '--out', fresh, '--no-explain']).status).toBe(0);
    const complete = folderContents(fresh);
    for (const delay of [100, 250, 400, 550, 700]) {
      const child = spawn(process.execPath, [BIN, 'plan', '--data', data, '--out', out, '--no-explain'], { stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r)); // it may finish before the kill
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      const now = folderContents(join(out));
      const visible = Object.fromEntries(Object.entries(now).filter(([k]) => k.startsWith('baseline/')));
      const oldVisible = Object.fromEntries(Object.entries(old).filter(([k]) => k.startsWith('baseline/')));
      const newVisible = Object.fromEntries(Object.entries(complete).filter(([k]) => k.startsWith('baseline/')));
      expect([oldVisible, newVisible]).toContainEqual(visible);
      // The next run cleans up what the killed one left beside the target.
      expect(runBuiltCli(['plan', '--data', data, '--out', out, '--no-explain', '--set', 'budget_scale=0.5', '--name', 'baseline']).status).toBe(0);
      expect(readdirSync(out)).toEqual(['baseline']);
    }
  }, 240_000);

  it('never modifies the input files', () => {
    const data = tempDir();
    cpSync(EXAMPLE, data, { recursive: true });
    const before = hashes(data);
    const out = tempDir();
    expect(runBuiltCli(['scenarios', '--data', data, '--out', out]).status).toBe(0);
    expect(runBuiltCli(['guarantees', '--data', data, '--out', out]).status).toBe(0);
    expect(hashes(data)).toEqual(before);
  });

  it('never turns names from the data into paths outside the output folder', () => {
    expect(safeFolderName('../../etc')).toBe('__.._etc');
    expect(safeFolderName('a/b\\c d')).toBe('a_b_c_d');
    expect(safeFolderName('')).toBe('_');
    const data = tempDir();
    cpSync(EXAMPLE, data, { recursive: true });
    writeFileSync(join(data, 'scenarios.csv'), 'scenario,description,setting,target,value\n../evil,,,,\n');
    const run = runBuiltCli(['scenarios', '--data', data, '--out', join(data, 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('scenarios.csv:2:1 BAD_CODE');
    expect(existsSync(join(data, 'evil'))).toBe(false);
  });

  it('the same inputs give byte-identical reports run to run', () => {
    const a = tempDir();
    const b = tempDir();
    expect(runBuiltCli(['scenarios', '--data', EXAMPLE, '--out', a, '--jobs', '2']).status).toBe(0);
    expect(runBuiltCli(['scenarios', '--data', EXAMPLE, '--out', b, '--jobs', '2']).status).toBe(0);
    expect(folderContents(a)).toEqual(folderContents(b));
  });
});
