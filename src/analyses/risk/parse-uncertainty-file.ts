import { z } from 'zod';
import { cellTypes } from '../../inputs/cells.js';
import { decodeCsvBytes } from '../../inputs/decode-csv-bytes.js';
import { sortFileIssues, type FileIssue } from '../../base/input-issue.js';
import { parseCsvTable } from '../../inputs/parse-csv-table.js';
import { parseTableRows } from '../../inputs/parse-table-rows.js';
import { BASES, DISTRIBUTIONS, KINDS, type Basis, type Distribution, type QuantityKind, type UncertaintyRule } from './uncertainty-rules.js';

export const UNCERTAINTY_FILE = 'uncertainty.csv';

function oneOf<T extends string>(allowed: readonly T[], what: string) {
  return z
    .string()
    .optional()
    .transform((v, ctx): T => {
      if (v === undefined) {
        ctx.addIssue({ code: 'custom', message: 'a value is required here', params: { code: 'MISSING_VALUE' } });
        return z.NEVER;
      }
      if ((allowed as readonly string[]).includes(v)) return v as T;
      ctx.addIssue({ code: 'custom', message: `expected ${what} ${allowed.join(', ')}, found "${v.length > 40 ? `${v.slice(0, 37)}...` : v}"`, params: { code: 'BAD_VALUE' } });
      return z.NEVER;
    });
}

/** uncertainty.csv: a multiplier range per basis and kind of figure; `*` matches every one. */
export function uncertaintySchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    basis: oneOf<Basis | '*'>([...BASES, '*'], 'a basis:'),
    kind: oneOf<QuantityKind | '*'>([...KINDS, '*'], 'a kind of figure:'),
    low: c.nonNegative,
    high: c.nonNegative,
    distribution: z
      .string()
      .optional()
      .transform((v, ctx): Distribution => {
        if (v === undefined) return 'uniform';
        if ((DISTRIBUTIONS as readonly string[]).includes(v)) return v as Distribution;
        ctx.addIssue({ code: 'custom', message: `expected ${DISTRIBUTIONS.join(' or ')} (or nothing, for uniform), found "${v}"`, params: { code: 'BAD_VALUE' } });
        return z.NEVER;
      }),
    note: c.optionalText,
  });
}

/**
 * Reads a data folder's uncertainty.csv, checked like every input file: every problem, located
 * to file:line:column, in one pass; a range whose low is above its high and a basis and kind
 * given twice are problems too.
 */
export function parseUncertaintyFile(bytes: Uint8Array): { rules: UncertaintyRule[]; issues: FileIssue[] } {
  const decoded = decodeCsvBytes(UNCERTAINTY_FILE, bytes);
  if (decoded.issues.length > 0) return { rules: [], issues: decoded.issues };
  const csv = parseCsvTable(UNCERTAINTY_FILE, decoded.text);
  if (!csv.table) return { rules: [], issues: csv.issues };
  const { parsed, issues } = parseTableRows(csv.table, uncertaintySchema(csv.table.delimiter));
  const all = [...csv.issues, ...issues];
  const seen = new Map<string, number>();
  for (const { line, row } of parsed.rows) {
    if (row.low > row.high) {
      all.push({ file: UNCERTAINTY_FILE, line, column: parsed.columns.high ?? 1, code: 'OUT_OF_RANGE', message: `high ${row.high} is below low ${row.low}: a range runs from low to high` });
    }
    const key = `${row.basis}\u0000${row.kind}`;
    const first = seen.get(key);
    if (first !== undefined) all.push({ file: UNCERTAINTY_FILE, line, column: parsed.columns.kind ?? 1, code: 'DUPLICATE_KEY', message: `basis ${row.basis} and kind ${row.kind} appear twice (first on line ${first})` });
    else seen.set(key, line);
  }
  if (all.length > 0) return { rules: [], issues: sortFileIssues(all) };
  return { rules: parsed.rows.map(({ row }) => ({ basis: row.basis, kind: row.kind, low: row.low, high: row.high, distribution: row.distribution })), issues: [] };
}
