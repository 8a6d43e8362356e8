import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderXlsx } from '../../src/render/render-xlsx.js';

const tables = [
  {
    sheet: 'gaps_by_system',
    header: ['system', 'name', 'need', 'fill_rate_pct', 'shortfall', 'first_month_met'],
    rows: [
      ['shell-155', '155 mm artillery round', '240000', '94.06', '14445.5', '2026-09'],
      ['sam-medium', 'Medium-range interceptor', '120', '0', '-3', ''],
      ['007', '<b> & "quoted"', '12.50', '1e3', '1234567890123456', 'n/a'],
    ],
  },
  { sheet: 'budget_shares', header: ['country', 'budget_eur'], rows: [['DE', '1500000000']] },
];

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('renderXlsx', () => {
  afterEach(() => vi.useRealTimers());

  it('writes one sheet per table, in order, with the header row first', async () => {
    const workbook = await readBack(await renderXlsx(tables));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['gaps_by_system', 'budget_shares']);
    const sheet = workbook.getWorksheet('gaps_by_system')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).values).toEqual([undefined, ...tables[0]!.header]);
  });

  it('types plain numbers as numbers and leaves everything else as text', async () => {
    const sheet = (await readBack(await renderXlsx(tables))).getWorksheet('gaps_by_system')!;
    const row = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    // A _pct cell holds the fraction, shown as a percentage.
    expect(row(2)).toEqual(['shell-155', '155 mm artillery round', 240000, 0.9406, 14445.5, '2026-09']);
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('D3').value).toBe(0);
    expect(sheet.getCell('E3').value).toBe(-3);
    // Leading zeros, exponents and 16 digits would not survive as numbers.
    expect(sheet.getCell('A4').value).toBe('007');
    expect(sheet.getCell('D4').value).toBe('1e3');
    expect(sheet.getCell('E4').value).toBe('1234567890123456');
    expect(sheet.getCell('C4').value).toBe(12.5);
    expect(sheet.getCell('B4').value).toBe('<b> & "quoted"');
    // An empty report cell is an empty spreadsheet cell.
    expect(sheet.getCell('F3').value).toBe(null);
    expect(sheet.getCell('F3').type).toBe(ExcelJS.ValueType.Null);
  });

  it('freezes and bolds the header row and sizes the columns to their text', async () => {
    const sheet = (await readBack(await renderXlsx(tables))).getWorksheet('gaps_by_system')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').font?.bold).toBeFalsy();
    expect(sheet.getColumn(2).width).toBe('Medium-range interceptor'.length + 2);
    expect(sheet.getColumn(1).width).toBe('sam-medium'.length + 2);
    expect(sheet.getColumn(4).width).toBe('fill_rate_pct'.length + 2);
  });

  it('makes sheet names Excel accepts: at most 31 characters, no []:*?/\\, unique', async () => {
    const names = ['a/b', 'x'.repeat(40), 'X'.repeat(40), 'gaps'];
    const workbook = await readBack(await renderXlsx(names.map((sheet) => ({ sheet, header: ['h'], rows: [] }))));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['a_b', 'x'.repeat(31), `${'X'.repeat(29)}_2`, 'gaps']);
  });

  it('gives the same bytes for the same tables, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-04T05:06:07Z'));
    const first = await renderXlsx(tables);
    vi.setSystemTime(new Date('2031-11-12T13:14:15Z'));
    const second = await renderXlsx(tables);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // A zip (an xlsx is one) starts with a local file header.
    expect([...first.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('prints every sheet one page wide (A4, the header row on every page) and gives a wrapped About cell the height of its lines (issue 31.4)', async () => {
    const long = `${'a warning that runs on '.repeat(12)}\nand a second line`;
    const workbook = await readBack(await renderXlsx(tables, [{ label: 'Warnings', value: long }, { label: 'Fill rate', value: 0.5, format: 'pct' }]));
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    }
    const gaps = workbook.getWorksheet('gaps_by_system')!;
    expect(gaps.pageSetup.orientation).toBe('landscape');
    expect(gaps.pageSetup.printTitlesRow).toBe('1:1');
    const about = workbook.getWorksheet('About')!;
    expect(about.getCell('B1').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // 276 characters in a 90-character column: 4 lines, and the second line of the text: 5 lines of 15 points.
    expect(about.getRow(1).height).toBe(75);
    expect(about.getRow(2).height).toBeUndefined();
  });
});
