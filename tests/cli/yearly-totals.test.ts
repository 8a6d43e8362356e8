import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

const rows = (text: string) => text.trim().split('\n').map((l) => l.split(','));

describe('issue 31.2: yearly totals in the reports', () => {
  it('by_year.csv adds up gaps.csv per system, recipient and year, and summary.md has a column per year', () => {
    const out = tempDir();
    const run = runBuiltCli(['plan', '--no-explain', '--set', 'start=2026-07', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const folder = join(out, 'baseline+start=2026-07');
    const [gapsHeader, ...gaps] = rows(readFileSync(join(folder, 'gaps.csv'), 'utf8'));
    const [header, ...years] = rows(readFileSync(join(folder, 'by_year.csv'), 'utf8'));
    expect(header).toEqual(['system', 'recipient', 'year', 'months', 'need', 'delivered', 'from_stock', 'shortfall', 'fill_rate_pct', 'months_short']);
    const col = (name: string) => gapsHeader!.indexOf(name);
    for (const [system, recipient, year, months, need, delivered] of years) {
      const inYear = gaps.filter((g) => g[col('system')] === system && g[col('recipient')] === recipient && g[col('month')]!.startsWith(`${year}-`));
      expect(String(inYear.length)).toBe(months);
      const sum = (name: string) => inYear.reduce((a, g) => a + Number(g[col(name)]), 0);
      expect(Number(need)).toBeCloseTo(sum('need'), 2);
      expect(Number(delivered)).toBeCloseTo(sum('delivered'), 2);
    }
    expect(years.filter((y) => y[0] === 'shell-155' && y[1] === 'UA').map((y) => `${y[2]}:${y[3]}`)).toEqual(['2026:6', '2027:12', '2028:12', '2029:12', '2030:12']);
    // NATO-EU's rebuilding starts in 2028 (needs.csv).
    expect(years.filter((y) => y[0] === 'shell-155' && y[1] === 'NATO-EU').map((y) => y[2])).toEqual(['2028', '2029', '2030']);
    const summary = readFileSync(join(folder, 'summary.md'), 'utf8');
    expect(summary).toContain('## Per year');
    expect(summary).toContain('| system | 2026 (6 months) | 2027 | 2028 | 2029 | 2030 |');
    // Every recipient: Ukraine's 200 000 a month, and NATO-EU's 68 000 from 2028.
    expect(summary).toMatch(/^\| 155 mm artillery round \(complete round\) \| [\d,]+ of 1,200,000 \([\d.]+ %\) \| [\d,]+ of 2,400,000 \([\d.]+ %\) \| [\d,]+ of 3,216,000 \([\d.]+ %\) \|/m);
  });
});
