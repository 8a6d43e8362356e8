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
    expect(years.filter((y) => y[0] === 'shell-155').map((y) => `${y[2]}:${y[3]}`)).toEqual(['2026:6', '2027:12']);
    const summary = readFileSync(join(folder, 'summary.md'), 'utf8');
    expect(summary).toContain('## Per year');
    expect(summary).toContain('| system | 2026 (6 months) | 2027 |');
    expect(summary).toMatch(/^\| 155 mm artillery round \(complete round\) \| [\d,]+ of [\d,]+ \([\d.]+ %\) \| [\d,]+ of 2,400,000 \([\d.]+ %\) \|$/m);
  });
});
