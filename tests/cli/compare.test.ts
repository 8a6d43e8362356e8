import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderContents } from '../helpers/compare-folders.js';
import { runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

const rows = (text: string) => text.trim().split('\n').map((l) => l.split(','));

/** The analyst's question of issue 31, in two commands on the bundled data (to 2027, as the question asks). */
const A_FLAGS = ['--set', 'end=2027-12'];
const A_RUN = 'baseline+end=2027-12';
const B_FLAGS = [...A_FLAGS, '--set', 'budget_scale:DE=2', '--set', 'budget_scale:FR=2', '--set', 'channel_share:purl-*=0'];

describe('issue 31.2: the question in one command (rampup compare, plan --against)', () => {
  it('"if Germany and France doubled their budgets and PURL stopped, how much more 155 mm and how many more interceptors in 2027, and what from July 2026?"', () => {
    const out = tempDir();
    const a = runBuiltCli(['guarantees', '--from', '2026-07', '--no-explain', ...A_FLAGS, '--out', out]);
    expect(a.status, a.stderr).toBe(0);
    const before = folderContents(join(out, A_RUN));
    const b = runBuiltCli(['guarantees', '--from', '2026-07', '--no-explain', ...B_FLAGS, '--against', A_RUN, '--out', out]);
    expect(b.status, b.stderr).toBe(0);
    // A is untouched; the comparison has a folder of its own.
    expect(folderContents(join(out, A_RUN))).toEqual(before);
    const B_RUN = readdirSync(out).find((n) => /^baseline\+4-settings-[0-9a-f]{8}$/.test(n))!;
    expect(B_RUN, readdirSync(out).join(' ')).toBeDefined();
    const compareFolder = readdirSync(out).find((n) => n.startsWith('compare+'))!;
    expect(compareFolder).toMatch(/^compare\+baseline\+end=2027-12\+vs\+baseline\+4-settings-[0-9a-f]{8}$/);
    expect(readdirSync(join(out, compareFolder)).sort()).toEqual(['comparison.md', 'comparison_by_year.csv', 'comparison_money_flows.csv']);
    // The terminal states the answer: delivered in 2027 in both runs, the difference, and the promise from 2026-07.
    const yearA = rows(readFileSync(join(out, A_RUN, 'by_year.csv'), 'utf8'));
    const yearB = rows(readFileSync(join(out, B_RUN, 'by_year.csv'), 'utf8'));
    const delivered = (t: string[][], system: string) => Math.round(Number(t.find((r) => r[0] === system && r[2] === '2027')![5]));
    const grouped = (n: number) => n.toLocaleString('en-GB');
    expect(b.stdout).toMatch(/rampup: B = baseline\+end=2027-12\+budget_scale:DE=2\+budget_scale:FR=2\+channel_share:purl-all=0 against A = baseline\+end=2027-12 \(every change is B - A\)/);
    for (const [system, name] of [['shell-155', '155 mm artillery round (complete round)'], ['pac3-mse', 'Patriot PAC-3 MSE interceptor']] as const) {
      const [da, db] = [delivered(yearA, system), delivered(yearB, system)];
      expect(b.stdout).toMatch(new RegExp(`^  ${escape(name)} +2026 .*\\n +2027 +[\\d,]+ +${grouped(da)} +${grouped(db)} +${da === db ? '0' : '[+-][\\d,]+'}$`, 'm'));
    }
    expect(b.stdout).toContain('what can be promised, every month from 2026-07 on');
    const promise = (folder: string) => Number(rows(readFileSync(join(out, folder, 'promises.csv'), 'utf8')).find((r) => r[0] === 'pac3-mse' && r[2] === '2026-07')![3]);
    expect(b.stdout).toMatch(new RegExp(`^  Patriot PAC-3 MSE interceptor +${promise(A_RUN).toFixed(1)} % +${promise(B_RUN).toFixed(1)} % +[+-]?\\d+\\.\\d points$`, 'm'));
    expect(b.stdout).toContain('the money that moved most (by channel, or group)');
    expect(b.stdout).toMatch(/in B, the most money goes through \S+ \(EUR [\d.]+ (bn|m)\)/);
    // The same figures in comparison_by_year.csv.
    const [header, ...compared] = rows(readFileSync(join(out, compareFolder, 'comparison_by_year.csv'), 'utf8'));
    expect(header).toEqual(['system', 'name', 'unit', 'year', 'need_a', 'need_b', 'delivered_a', 'delivered_b', 'delivered_change', 'fill_rate_a_pct', 'fill_rate_b_pct', 'promise_from', 'promise_a_pct', 'promise_b_pct', 'promise_change_pct']);
    const shells = compared.find((r) => r[0] === 'shell-155' && r[3] === '2027')!;
    expect(Math.round(Number(shells[6]))).toBe(delivered(yearA, 'shell-155'));
    expect(Math.round(Number(shells[7]))).toBe(delivered(yearB, 'shell-155'));
    expect(shells[11]).toBe('2026-07');
    // rampup compare, by run names, writes the same comparison.
    const again = runBuiltCli(['compare', join(out, A_RUN), join(out, B_RUN)]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`against A = ${A_RUN}`);
  }, 120_000);

  it('a run that does not exist is a problem naming the runs there are; a comparison never goes inside A or B', () => {
    const out = tempDir();
    const data = join(tempDir(), 'd');
    expect(runBuiltCli(['init', data]).status).toBe(0);
    expect(runBuiltCli(['plan', '--data', data, '--no-explain', '--out', out]).status).toBe(0);
    expect(runBuiltCli(['plan', '--data', data, '--no-explain', '--scenario', 'pooled', '--out', out]).status).toBe(0);
    const missing = runBuiltCli(['compare', join(out, 'baseline'), 'poled', '--data', data]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('compare poled: FILE_MISSING no such run folder');
    const inside = runBuiltCli(['compare', join(out, 'baseline'), join(out, 'pooled'), '--out', join(out, 'pooled')]);
    expect(inside.status).toBe(2);
    expect(inside.stderr).toContain('a comparison goes into a folder of its own, never into the folders it compares');
    expect(readdirSync(join(out, 'pooled'))).not.toContain(expect.stringMatching(/^compare/));
    const against = runBuiltCli(['plan', '--data', data, '--no-explain', '--set', 'budget_scale=2', '--against', 'nope']);
    expect(against.status).toBe(2);
    expect(against.stderr).toContain('--against nope: FILE_MISSING no such run folder');
    expect(existsSync(join(data, 'reports', 'baseline+budget_scale=2'))).toBe(false);
    const text = runBuiltCli(['compare', join(out, 'baseline'), join(out, 'pooled')]);
    expect(text.stdout).toContain('no promises to compare: neither run has promises.csv (rampup guarantees --from 2026-01 writes it)');
    const plain = runBuiltCli(['compare', join(out, 'baseline'), join(out, 'pooled'), '--json']);
    expect(plain.status, plain.stderr).toBe(0);
    const json = JSON.parse(plain.stdout);
    expect(json.years.map((y: { system: string }) => y.system)).toContain('shell-155');
    expect(json.promises).toEqual([]);
  }, 60_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
