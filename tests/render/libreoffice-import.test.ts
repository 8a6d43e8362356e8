import { reportText } from '../helpers/data-builder.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../src/io/read-data-folder.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { planRampUp } from '../../src/plan-ramp-up.js';
import type { CsvDialect } from '../../src/render/csv-dialect.js';
import { EXAMPLE, ROOT, tempDir } from '../helpers/run-built-cli.js';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice) {
  console.warn('\n*** LibreOffice (soffice) is not installed: the spreadsheet import test is SKIPPED. Install it with: apt-get install -y libreoffice-calc-nogui ***\n');
}

/** Cells of the first sheet of a flat ODS file: [type, value] per cell, row by row. */
function readFods(path: string): [string, string][][] {
  const xml = readFileSync(path, 'utf8');
  const rows: [string, string][][] = [];
  for (const row of xml.match(/<table:table-row[^>]*>[\s\S]*?<\/table:table-row>/g) ?? []) {
    const cells: [string, string][] = [];
    for (const cell of row.match(/<table:table-cell[^>]*?(\/>|>[\s\S]*?<\/table:table-cell>)/g) ?? []) {
      const type = /office:value-type="([a-z]+)"/.exec(cell)?.[1] ?? 'empty';
      const value = /office:value="([^"]*)"/.exec(cell)?.[1] ?? /<text:p>([^<]*)<\/text:p>/.exec(cell)?.[1] ?? '';
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(cell)?.[1] ?? 1);
      for (let i = 0; i < Math.min(repeat, 1000); i++) cells.push([type, value]);
    }
    while (cells.length > 0 && cells.at(-1)![0] === 'empty') cells.pop(); // the sheet's padding
    if (cells.length > 0) rows.push(cells);
  }
  return rows;
}

/**
 * A LibreOffice profile of this test's own: soffice refuses to start while another soffice of the
 * same user (another test run on the machine) holds the default profile.
 */
const PROFILE = `-env:UserInstallation=${pathToFileURL(tempDir('rampup-soffice-profile-')).href}`;

/** LibreOffice's CSV filter: separator, quote, UTF-8, from line 1, column formats, language. */
const FILTER: Record<Exclude<CsvDialect, 'excel'>, string> = {
  // en-US reading a plain file; de-DE (decimal comma) reading the European one.
  rfc4180: 'CSV:44,34,76,1,,1033',
  'excel-eu': 'CSV:59,34,76,1,,1031',
};

describe.skipIf(!soffice)('LibreOffice opens the reports with numbers as numbers', () => {
  // Five soffice runs per case, each allowed 120 s on a loaded machine.
  it.each(Object.keys(FILTER) as (keyof typeof FILTER)[])('%s', async (dialect) => {
    const data = loadDataSet((await readDataFolder(EXAMPLE)).files);
    const outcome = await planRampUp(data, [], { output: { csv: dialect }, scenario: { name: 'pooled' } });
    const plain = await planRampUp(data, [], { scenario: { name: 'pooled' } });
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    for (const file of outcome.files.filter((f) => f.name.endsWith('.csv'))) {
      writeFileSync(join(dir, file.name), file.content);
      execFileSync('soffice', [PROFILE, '--headless', `--infilter=${FILTER[dialect]}`, '--convert-to', 'fods', '--outdir', join(dir, 'out'), join(dir, file.name)], { stdio: 'ignore', timeout: 120_000 });
      const sheet = readFods(join(dir, 'out', file.name.replace(/\.csv$/, '.fods')));
      const reference = reportText(plain, file.name).trim().split('\n').map((l) => l.split(','));
      expect(sheet.length, file.name).toBe(reference.length);
      reference.forEach((row, r) =>
        row.forEach((cell, c) => {
          const [type, value] = sheet[r]![c] ?? ['empty', ''];
          if (/^-?\d+(\.\d+)?$/.test(cell)) expect([file.name, r, c, type, Number(value)]).toEqual([file.name, r, c, 'float', Number(cell)]);
          // true/false (channel_cap_binding, binding): TRUE and FALSE where the locale knows the words, else text.
          else if (cell === 'true' || cell === 'false') expect(['boolean', 'string'], `${file.name} ${r} ${c}`).toContain(type);
          else if (cell !== '') expect([file.name, r, c, type]).toEqual([file.name, r, c, 'string']);
        }),
      );
    }
  }, 300_000);

  // Issue 31.4: report.xlsx printed as 196 pages, most tables several pages wide.
  it('prints report.xlsx one page wide: at most a page per 30 rows of each sheet', async () => {
    const { files } = await readDataFolder(join(ROOT, 'data'));
    const outcome = await planRampUp(loadDataSet(files), [], { output: { xlsx: true }, analyses: { explain: false } });
    const dir = tempDir();
    const xlsx = outcome.files.find((f) => f.name === 'report.xlsx')!;
    writeFileSync(join(dir, 'report.xlsx'), xlsx.content);
    execFileSync('soffice', [PROFILE, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const pages = (readFileSync(join(dir, 'report.pdf'), 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const sheets = outcome.files.filter((f) => f.name.endsWith('.csv')).map((f) => String(f.content).trim().split('\n').length);
    const onePageWide = 1 + sheets.reduce((a, rows) => a + Math.ceil(rows / 30), 0);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(onePageWide);
  }, 300_000);
});
