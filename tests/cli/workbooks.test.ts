import ExcelJS from 'exceljs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return book;
}

describe('issue 19.6: workbooks people can read', () => {
  it('report.xlsx opens on the headline and the settings; money, units and percentages are formatted', async () => {
    const out = tempDir();
    const run = runBuiltCli(['plan', '--data', EXAMPLE, '--out', out, '--xlsx', '--set', 'budget_scale=2']);
    expect(run.status, run.stderr).toBe(0);
    const book = await workbook(join(out, 'baseline+budget_scale=2', 'report.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['About', 'gaps', 'gaps_by_system', 'by_year', 'production', 'capacity_plan', 'options_plan', 'budget_shares', 'money_flows']);
    const about = book.getWorksheet('About')!;
    const line = (label: string) => about.getColumn(1).values.indexOf(label);
    expect(about.getCell(line('Ramp-up plan'), 2).value).toBe('scenario baseline');
    expect(about.getCell(line('Settings on top (--set)'), 2).value).toBe('budget_scale=2');
    const fill = about.getCell(line('Fill rate'), 2);
    expect(fill.numFmt).toBe('0.0%');
    expect(fill.value as number).toBeGreaterThan(0);
    expect(fill.value as number).toBeLessThanOrEqual(1);
    expect(about.getCell(line('Total cost (EUR)'), 2).numFmt).toBe('#,##0');

    const systems = book.getWorksheet('gaps_by_system')!;
    const header = systems.getRow(1).values as string[];
    const cell = (column: string) => systems.getCell(2, header.indexOf(column));
    expect(cell('fill_rate_pct').numFmt).toBe('0.0%');
    expect(cell('fill_rate_pct').value as number).toBeLessThanOrEqual(1);
    expect(cell('cost_to_close_eur').numFmt).toBe('#,##0');
    expect(cell('need').numFmt).toBe('#,##0');
  });

  it('--xlsx on a set also writes comparison.xlsx: what was compared, then both comparison tables', async () => {
    const out = tempDir();
    expect(runBuiltCli(['scenarios', '--data', EXAMPLE, '--out', out, '--jobs', '1', '--xlsx']).status).toBe(0);
    expect(readdirSync(out)).toContain('comparison.xlsx');
    const book = await workbook(join(out, 'comparison.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['About', 'comparison', 'comparison_by_system']);
    expect(book.getWorksheet('About')!.getCell(1, 2).value).toBe('Scenario comparison');
    const comparison = book.getWorksheet('comparison')!;
    const header = comparison.getRow(1).values as string[];
    expect(comparison.getCell(2, header.indexOf('total_cost_eur')).numFmt).toBe('#,##0');
    expect(comparison.getCell(2, header.indexOf('money_used_pct')).numFmt).toBe('0.0%');
  });
});
