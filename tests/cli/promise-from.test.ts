import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

describe('issue 31.2: --from means the same month everywhere', () => {
  it("guarantees --from shows that month's promise in the terminal, the JSON, summary.md and promises.csv alike", () => {
    const out = tempDir();
    const run = runBuiltCli(['guarantees', '--data', EXAMPLE, '--from', '2026-05', '--no-explain', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const folder = join(out, 'baseline');
    const promises = readFileSync(join(folder, 'promises.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const at = (system: string, month: string) => Number(promises.find((r) => r[0] === system && r[2] === month)![3]);
    const may = at('sam-medium', '2026-05');
    expect(may).not.toBe(at('sam-medium', '2026-01'));
    expect(run.stdout).toContain('what can be promised to UA, every month from 2026-05 (served first');
    expect(run.stdout).toMatch(new RegExp(`Medium-range interceptor +${may.toFixed(1)} %`));
    expect(readFileSync(join(folder, 'summary.md'), 'utf8')).toMatch(new RegExp(`\\| Medium-range interceptor \\| ${may.toFixed(1)} % if served first \\|`));
    const json = JSON.parse(runBuiltCli(['guarantees', '--data', EXAMPLE, '--from', '2026-05', '--no-explain', '--out', out, '--json']).stdout);
    expect(json.promises.from).toBe('2026-05');
    expect(100 * json.promises.systems['sam-medium'].promise).toBeCloseTo(may, 1);
  });

  it('the terminal names the channels that carry the most money', () => {
    const data = join(tempDir(), 'd');
    expect(runBuiltCli(['init', data]).status).toBe(0);
    const run = runBuiltCli(['plan', '--data', data, '--no-explain']);
    expect(run.stdout).toMatch(/money mostly through group:own \(EUR [\d.]+ m\), group:abroad \(EUR [\d.]+ m\); money_flows.csv has every flow/);
  });
});
