import { parse } from 'csv-parse/sync';
import type { Table } from '../base/report-file.js';
import { readNumber } from './cells.js';

/**
 * A report CSV that rampup wrote (a shard of a set or a risk study), read back in the plain
 * form (`.` decimals) whatever its dialect, so that merged files are written in the dialect asked for.
 */
export function readReportTable(text: string): Table {
  const plainText = text.replace(/^\ufeff/, '');
  const delimiter = plainText.split('\n')[0]!.includes(';') ? ';' : ',';
  const [header, ...rows] = parse(plainText, { delimiter, relax_column_count: false }) as string[][];
  const plain = rows.map((r) =>
    r.map((c) => {
      const n = readNumber(c, delimiter);
      return typeof n === 'number' && c !== '' ? String(n) : c;
    }),
  );
  return { header: header ?? [], rows: plain };
}
