import { cpSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

/** Large damaged inputs are made here, not committed. */
describe('large damaged inputs: one problem found, exit 2, nothing written', () => {
  it('a 50 MB sources.csv with one bad date near its end', () => {
    const data = tempDir();
    cpSync(EXAMPLE, data, { recursive: true });
    const title = 'A long title of a report on ammunition production capacity in Europe '.repeat(3);
    const rows = ['source,title,url,published,basis', 'example,Illustrative,,2026-01,assumption'];
    let size = 0;
    for (let i = 0; size < 50 * 1024 * 1024; i++) {
      const row = `s${i},${title},https://example.org/${i},2025-06-01,reported`;
      rows.push(row);
      size += row.length + 1;
    }
    const bad = rows.length - 3;
    rows[bad] = rows[bad]!.replace('2025-06-01', '2025-13-01');
    writeFileSync(join(data, 'sources.csv'), rows.join('\n') + '\n');
    const out = join(data, 'out');
    const run = runBuiltCli(['plan', '--data', data, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr.replaceAll(data, '<data>')).toBe(
      `<data>/sources.csv:${bad + 1}:4 BAD_PERIOD published: expected a date YYYY-MM-DD, YYYY-MM or YYYY, found "2025-13-01"\nrampup: 1 problem found; nothing was written.\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('a 200,000-row needs.csv with one month that does not exist', () => {
    const data = tempDir();
    cpSync(EXAMPLE, data, { recursive: true });
    const rows = ['system,period,quantity,recipient,source'];
    for (let r = 0; rows.length <= 200_000; r++) {
      for (let m = 1; m <= 12 && rows.length <= 200_000; m++) rows.push(`shell-155,2026-${String(m).padStart(2, '0')},100,R${r},example`);
    }
    rows[150_001] = rows[150_001]!.replace(/2026-\d\d/, '2026-1');
    writeFileSync(join(data, 'needs.csv'), rows.join('\n') + '\n');
    const run = runBuiltCli(['validate', '--data', data]);
    expect(run.status).toBe(2);
    expect(run.stderr.replaceAll(data, '<data>')).toBe(
      '<data>/needs.csv:150002:2 BAD_PERIOD period: expected a month as YYYY-MM (e.g. 2026-01), found "2026-1" (write 2026-01)\nrampup: 1 problem found.\n',
    );
  });
});
