import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

const COLUMNS = [
  'figure', 'description', 'measure', 'systems', 'sellers', 'channels', 'from_month', 'to_month', 'unit', 'modelled_as', 'modelled_possible',
  'modelled_planned', 'reported', 'in_scope_share', 'reported_in_scope', 'ratio', 'verdict', 'reason', 'source', 'grade',
];

describe('rampup replay (issue 29)', () => {
  it('replays the bundled 2025: at least eight figures, every column, a known source for each, and no figure below the record without its reason', () => {
    const out = tempDir();
    const run = runBuiltCli(['replay', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/rampup replay: \d+ figures of what happened against what the model says was possible/);
    const csv = readFileSync(join(out, 'replay', 'calibration.csv'));
    expect(csv.toString().split('\n')[0]).toBe(COLUMNS.join(','));
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const sources = new Set((parse(readFileSync(join(ROOT, 'data', 'replay-2025', 'sources.csv')), { columns: true }) as Record<string, string>[]).map((s) => s.source));
    for (const r of rows) {
      expect(sources.has(r.source!), `${r.figure}: source ${r.source}`).toBe(true);
      expect(['within', 'model below record', 'model above record']).toContain(r.verdict);
      const ratio = Number(r.ratio);
      expect(r.verdict === 'within', `${r.figure} at ${ratio}`).toBe(ratio >= 0.8 - 5e-4 && ratio <= 1.25 + 5e-4);
      if (r.verdict !== 'within') expect(r.reason, r.figure).toMatch(/\w{4}/);
      expect(r.reason!.startsWith('no reason given'), r.figure).toBe(false);
    }
    const html = readFileSync(join(out, 'replay', 'report.html'), 'utf8');
    expect(html).toContain('Does it reproduce the record?');
    expect(html).toContain('id="chart-calibration"');
  });

  it('points at every problem of actuals.csv at once, with its line and column, exits 2 and writes nothing', () => {
    const data = join(tempDir(), 'd');
    cpSync(join(ROOT, 'tests', 'fixtures', 'replay'), data, { recursive: true });
    writeFileSync(
      join(data, 'actuals.csv'),
      [
        'figure,description,measure,systems,sellers,channels,from_month,to_month,quantity,unit,in_scope_share,source,grade,explanation',
        'a,made,built,shell-155,DE,,2026-01,2026-06,10,units,,example,reported,',
        'b,money,spent,shell-155,DE,,2026-01,2026-06,10,units,,example,reported,',
        'c,made,produced,shell-156,XX,,2026-04,2026-02,10,units,,nowhere,reported,',
        'd,made,produced,shell-155,DE,group:purl,2025-12,2026-06,10,units,,example,reported,',
        'e,made,produced,shell-155,DE,,2026-01,2026-06,10,units,,example,guess,',
      ].join('\n') + '\n',
    );
    const out = join(tempDir(), 'out');
    const run = runBuiltCli(['replay', '--data', data, '--out', out]);
    expect(run.status).toBe(2);
    for (const at of [
      'actuals.csv:2:3 BAD_VALUE',
      'actuals.csv:3:10 BAD_VALUE',
      'actuals.csv:4:4 UNKNOWN_SYSTEM',
      'actuals.csv:4:5 UNKNOWN_COUNTRY',
      'actuals.csv:4:8 BAD_PERIOD',
      'actuals.csv:4:12 UNKNOWN_SOURCE',
      'actuals.csv:5:6 BAD_VALUE',
      'actuals.csv:5:7 BAD_PERIOD',
      'actuals.csv:6:13 BAD_VALUE',
    ]) expect(run.stderr, at).toContain(at);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('asks for actuals.csv when a folder has none', () => {
    const run = runBuiltCli(['replay', '--data', join(ROOT, 'tests', 'fixtures', 'example'), '--out', join(tempDir(), 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('actuals.csv');
  });
});
