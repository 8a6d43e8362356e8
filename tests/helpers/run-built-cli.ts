import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'dist', 'cli', 'main.js');
export const EXAMPLE = join(ROOT, 'tests', 'fixtures', 'example');

/** Runs the built `rampup` binary as a user would. */
export function runBuiltCli(args: readonly string[], cwd = ROOT, env: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first (npm test does)`);
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, RAMPUP_DEBUG: '', ...env } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'rampup-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A data folder: the example with a fixture's files laid over it; a file named
 * `.delete-NAME` removes NAME.
 */
export function overlayFixture(fixture: string): string {
  const dir = tempDir();
  cpSync(EXAMPLE, dir, { recursive: true });
  for (const name of readdirSync(fixture)) {
    if (name === 'expected.txt') continue;
    if (name.startsWith('.delete-')) rmSync(join(dir, name.slice('.delete-'.length)));
    else cpSync(join(fixture, name), join(dir, name));
  }
  return dir;
}

/** The same, without blocking: several runs at once. */
export function runBuiltCliAsync(args: readonly string[], cwd = ROOT): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, RAMPUP_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ status: code ?? -1, stdout, stderr }));
  });
}
