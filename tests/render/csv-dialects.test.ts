import { reportText } from '../helpers/data-builder.js';
import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/inputs/cells.js';
import { readDataFolder } from '../../src/io/read-data-folder.js';
import { parseCsvTable } from '../../src/inputs/parse-csv-table.js';
import { decodeCsvBytes } from '../../src/inputs/decode-csv-bytes.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { planRampUp } from '../../src/plan-ramp-up.js';
import { CSV_DIALECTS, renderCsv } from '../../src/render/csv-dialect.js';
import { EXAMPLE } from '../helpers/run-built-cli.js';

/** Reads a report back the way rampup reads inputs: cells as numbers where they are numbers. */
function readBack(name: string, text: string): (string | number)[][] {
  const { text: decoded, issues } = decodeCsvBytes(name, new TextEncoder().encode(text));
  expect(issues).toEqual([]);
  const { table } = parseCsvTable(name, decoded);
  return [table!.header as string[], ...table!.rows.map((r) => r.cells.map((c) => {
    const n = readNumber(c, table!.delimiter);
    return typeof n === 'number' && c !== '' ? n : c;
  }))];
}

describe('CSV dialects', () => {
  it('every report reads back to the same numbers in each dialect', async () => {
    const data = loadDataSet((await readDataFolder(EXAMPLE)).files);
    const outcomes = await Promise.all(CSV_DIALECTS.map((csv) => planRampUp(data, [], { output: { csv }, scenario: { name: 'pooled' } })));
    const csvFiles = outcomes[0]!.files.filter((f) => f.name.endsWith('.csv')).map((f) => f.name);
    expect(csvFiles.length).toBeGreaterThanOrEqual(5);
    for (const name of csvFiles) {
      const [plain, excel, eu] = outcomes.map((o) => reportText(o, name));
      expect(excel!.startsWith('\ufeff')).toBe(true);
      expect(excel).toContain('\r\n');
      expect(eu!.split('\r\n')[0]).toContain(';');
      const reference = readBack(name, plain!);
      expect(readBack(name, excel!)).toEqual(reference);
      expect(readBack(name, eu!)).toEqual(reference);
    }
  });

  it('writes a decimal comma only in excel-eu, and keeps text that looks like a formula as text', () => {
    const rows = [['12.5', '=cmd', 'Česko', '-3']];
    expect(renderCsv(['a', 'b', 'c', 'd'], rows, 'rfc4180')).toBe("a,b,c,d\n12.5,'=cmd,Česko,-3\n");
    expect(renderCsv(['a', 'b', 'c', 'd'], rows, 'excel-eu')).toBe("\ufeffa;b;c;d\r\n12,5;'=cmd;Česko;-3\r\n");
  });

  it('refuses thousands separators in either dialect rather than guessing', () => {
    expect(readNumber('1,000', ',')).toMatchObject({ code: 'THOUSANDS_SEPARATOR' });
    expect(readNumber('1.000', ';')).toMatchObject({ code: 'THOUSANDS_SEPARATOR' });
    expect(readNumber('1 000', ',')).toMatchObject({ code: 'THOUSANDS_SEPARATOR' });
    expect(readNumber('1,5', ';')).toBe(1.5);
    expect(readNumber('0.25', ';')).toBe(0.25);
  });

  it('reads an input folder written in excel-eu (BOM, CRLF, ;, decimal comma)', async () => {
    const { files } = await readDataFolder(EXAMPLE);
    const eu: Record<string, Uint8Array> = {};
    for (const [name, bytes] of Object.entries(files)) {
      const { table } = parseCsvTable(name, new TextDecoder().decode(bytes));
      eu[name] = new TextEncoder().encode(renderCsv(table!.header, table!.rows.map((r) => r.cells), 'excel-eu'));
    }
    const a = await planRampUp(loadDataSet(files), [], { analyses: { explain: false } });
    const b = await planRampUp(loadDataSet(eu), [], { analyses: { explain: false } });
    expect(b.plan.weightedShortfall).toBe(a.plan.weightedShortfall);
    expect(b.plan.totalCostEur).toBe(a.plan.totalCostEur);
  });
});
