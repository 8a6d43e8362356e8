import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-built-cli.js';

type Row = Record<string, string>;
const read = (file: string): Row[] => parse(readFileSync(join(ROOT, file)), { columns: true }) as Row[];

/**
 * Issue 15: the committed baseline (which committed-reports.test.ts keeps equal to a fresh run)
 * must not zig-zag. Stage 3 delivers soonest, so a month with nothing delivered between two
 * months with deliveries would mean the tie-break is lost. The first months of a lagged line are
 * exempt: its output of the horizon has not arrived yet, and what is on its way at the start is
 * an opening stock that the tie-break rightly delivers in month 1.
 */
describe('the committed baseline plan', () => {
  const gaps = read('reports/baseline/gaps.csv');
  const lag = new Map<string, number>();
  for (const line of read('data/capacity.csv')) lag.set(line.system!, Math.max(lag.get(line.system!) ?? 0, Number(line.delivery_lag_months || 0)));

  it('never delivers nothing in a month between months with deliveries (after the delivery lags)', () => {
    const series = new Map<string, Row[]>();
    for (const row of gaps) series.set(`${row.system}/${row.recipient}`, [...(series.get(`${row.system}/${row.recipient}`) ?? []), row]);
    const holes: string[] = [];
    for (const [key, rows] of series) {
      rows.sort((a, b) => a.month!.localeCompare(b.month!));
      const from = lag.get(rows[0]!.system!) ?? 0;
      const delivered = rows.map((r) => Number(r.delivered));
      rows.forEach((row, i) => {
        if (i < from || Number(row.need) === 0 || delivered[i]! > 0) return;
        if (delivered.slice(from, i).some((d) => d > 0) && delivered.slice(i + 1).some((d) => d > 0)) holes.push(`${key} ${row.month}`);
      });
    }
    expect(series.size).toBeGreaterThan(10);
    expect(holes).toEqual([]);
  });

});
