import { z } from 'zod';
import type { IssueCode } from '../base/input-issue.js';
import { monthHint, parseMonth, parseYear } from './periods.js';

/** Cells arrive as trimmed strings, or `undefined` when empty or the column is absent. */
type Cell = string | undefined;
type Ctx = z.core.$RefinementCtx<unknown>;

function fail(ctx: Ctx, code: IssueCode, message: string): never {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER as never;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const GROUPED_DOT = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(\d+,\d*|,\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a number the way a spreadsheet user wrote it. `;` files may use a decimal comma;
 * a thousands separator is refused, never guessed ("1.000" is one or one thousand).
 */
export function readNumber(text: string, delimiter: ',' | ';'): number | { code: IssueCode; message: string } {
  const compact = text.replace(/\s+/g, '');
  if (compact !== text && /^\d/.test(compact) && /\d\s+\d/.test(text)) {
    return { code: 'THOUSANDS_SEPARATOR', message: `"${text}" has a space between digits; write the number without thousands separators` };
  }
  if (delimiter === ';' && GROUPED_DOT.test(text)) {
    return { code: 'THOUSANDS_SEPARATOR', message: `"${text}" looks like a number with thousands separators; write it without them` };
  }
  if (delimiter === ',' && GROUPED_COMMA.test(text)) {
    return { code: 'THOUSANDS_SEPARATOR', message: `"${text}" looks like a number with thousands separators; write it without them` };
  }
  let normal = text;
  if (delimiter === ';' && DECIMAL_COMMA.test(text)) normal = text.replace(',', '.');
  if (!PLAIN_NUMBER.test(normal)) {
    const hint = text.startsWith('=') ? ' (a spreadsheet formula: paste the value instead)' : '';
    return { code: 'NOT_A_NUMBER', message: `expected a number, found "${truncate(text)}"${hint}` };
  }
  const value = Number(normal);
  if (!Number.isFinite(value)) {
    return { code: 'NOT_A_NUMBER', message: `"${truncate(text)}" is too large to be a quantity` };
  }
  return value === 0 ? 0 : value; // -0 becomes 0
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export interface CellTypes {
  text: z.ZodType<string, Cell>;
  optionalText: z.ZodType<string | undefined, Cell>;
  nonNegative: z.ZodType<number, Cell>;
  optionalNonNegative: z.ZodType<number | undefined, Cell>;
  /** A whole number of months >= 0. */
  months: z.ZodType<number, Cell>;
  optionalMonths: z.ZodType<number | undefined, Cell>;
  countryCode: z.ZodType<string, Cell>;
  systemCode: z.ZodType<string, Cell>;
  optionalCode: z.ZodType<string | undefined, Cell>;
  /** A selector of countries, funds, systems or materials: a code, `*`, `own` or `KIND:NAME`. */
  selector: z.ZodType<string, Cell>;
  optionalSelector: z.ZodType<string | undefined, Cell>;
  /** A share in [0,1]. */
  optionalShare: z.ZodType<number | undefined, Cell>;
  /** A price factor, >= 1. */
  optionalFactor: z.ZodType<number | undefined, Cell>;
  /** A number > 0. */
  positive: z.ZodType<number, Cell>;
  month: z.ZodType<number, Cell>;
  optionalMonth: z.ZodType<number | undefined, Cell>;
  /** A line's status: existing, or a candidate plant (absent: existing). */
  status: z.ZodType<'existing' | 'candidate' | undefined, Cell>;
  monthOrYear: z.ZodType<{ year: number; month?: number }, Cell>;
  basis: z.ZodType<'reported' | 'target' | 'estimate' | 'assumption' | undefined, Cell>;
  publishedDate: z.ZodType<string | undefined, Cell>;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const SELECTOR = /^(\*|[A-Za-z0-9][A-Za-z0-9_.-]*(:[A-Za-z0-9][A-Za-z0-9_. -]*)?)$/;
const COUNTRY = /^[A-Z]{2}$/;
const DATE = /^(\d{4})(-(\d{2})(-(\d{2}))?)?$/;

/** Reads one non-empty cell, or fails the context with its problem. */
type Reader<T> = (v: string, ctx: Ctx) => T;

/** The readers of one file's cells; the delimiter decides whether a decimal comma is allowed. */
function readers(delimiter: ',' | ';') {
  const number: Reader<number> = (v, ctx) => {
    const n = readNumber(v, delimiter);
    if (typeof n !== 'number') return fail(ctx, n.code, n.message);
    if (n < 0) return fail(ctx, 'NEGATIVE_NUMBER', `expected a number >= 0, found ${v}`);
    return n;
  };
  /** A number passed on to one more check, unless it already failed (then the cell has its one problem). */
  const checked = (check: (n: number, v: string, ctx: Ctx) => number): Reader<number> => (v, ctx) => {
    const n = number(v, ctx);
    return (n as unknown) === z.NEVER ? n : check(n, v, ctx);
  };
  const code = (example: string): Reader<string> => (v, ctx) => (CODE.test(v) ? v : fail(ctx, 'BAD_CODE', `expected a code of letters, digits, "-", "_" or ".", found "${truncate(v)}"${example}`));
  const selector = (example: string): Reader<string> => (v, ctx) => (SELECTOR.test(v) ? v : fail(ctx, 'BAD_CODE', `expected a code, *, or KIND:NAME (e.g. ${example}), found "${truncate(v)}"`));
  return {
    text: ((v) => v) as Reader<string>,
    number,
    months: checked((n, v, ctx) => (Number.isInteger(n) ? n : fail(ctx, 'NOT_AN_INTEGER', `expected a whole number of months, found ${v}`))),
    country: ((v, ctx) => (COUNTRY.test(v) ? v : fail(ctx, 'BAD_CODE', `expected a two-letter ISO 3166-1 code such as FR, found "${truncate(v)}"`))) as Reader<string>,
    code: code(''),
    selector,
    share: checked((n, v, ctx) => (n <= 1 ? n : fail(ctx, 'OUT_OF_RANGE', `expected a share between 0 and 1, found ${v}${n <= 100 ? ` (for ${n} %, write ${Number((n / 100).toPrecision(12))})` : ''}`))),
    factor: checked((n, v, ctx) => (n >= 1 ? n : fail(ctx, 'OUT_OF_RANGE', `expected a price factor >= 1 (1.05 = a 5 % margin), found ${v}`))),
    positive: checked((n, v, ctx) => (n > 0 ? n : fail(ctx, 'OUT_OF_RANGE', `expected a number > 0, found ${v}`))),
    month: ((v, ctx) => parseMonth(v) ?? fail(ctx, 'BAD_PERIOD', `expected a month as YYYY-MM (e.g. 2026-01), found "${truncate(v)}"${monthHint(v)}`)) as Reader<number>,
    monthOrYear: ((v, ctx) => {
      const m = parseMonth(v);
      if (m !== undefined) return { year: Math.floor(m / 12), month: m };
      const y = parseYear(v);
      return y !== undefined ? { year: y } : fail(ctx, 'BAD_PERIOD', `expected a month YYYY-MM or a year YYYY, found "${truncate(v)}"${monthHint(v)}`);
    }) as Reader<{ year: number; month?: number }>,
    status: ((v, ctx) => (v === 'existing' || v === 'candidate' ? v : fail(ctx, 'BAD_VALUE', `expected existing or candidate (a plant that could be built), found "${truncate(v)}"`))) as Reader<'existing' | 'candidate'>,
    basis: ((v, ctx) =>
      v === 'reported' || v === 'target' || v === 'estimate' || v === 'assumption' ? v : fail(ctx, 'BAD_VALUE', `expected reported, target, estimate or assumption, found "${truncate(v)}"`)) as Reader<'reported' | 'target' | 'estimate' | 'assumption'>,
    date: ((v, ctx) => {
      const m = DATE.exec(v);
      const month = m?.[3] === undefined ? 1 : Number(m[3]);
      const day = m?.[5] === undefined ? 1 : Number(m[5]);
      // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
      const real = m && month >= 1 && month <= 12 && day >= 1 && new Date(Date.UTC(Number(m[1]), month - 1, day)).getUTCDate() === day;
      return real ? v : fail(ctx, 'BAD_PERIOD', `expected a date YYYY-MM-DD, YYYY-MM or YYYY, found "${truncate(v)}"`);
    }) as Reader<string>,
  };
}

/** Cell parsers for one file; the delimiter decides whether a decimal comma is allowed. */
export function cellTypes(delimiter: ',' | ';'): CellTypes {
  const cell = z.string().optional();
  const read = readers(delimiter);
  const required = <T>(reader: Reader<T>) => cell.transform((v, ctx) => (v === undefined ? fail(ctx, 'MISSING_VALUE', 'a value is required here') : reader(v, ctx)));
  const optional = <T>(reader: Reader<T>) => cell.transform((v, ctx) => (v === undefined ? undefined : reader(v, ctx)));
  return {
    text: required(read.text),
    optionalText: cell,
    nonNegative: required(read.number),
    optionalNonNegative: optional(read.number),
    months: required(read.months),
    optionalMonths: optional(read.months),
    countryCode: required(read.country),
    systemCode: required(read.code),
    optionalCode: optional(read.code),
    selector: required(read.selector('group:core')),
    optionalSelector: optional(read.selector('category:air-defence')),
    optionalShare: optional(read.share),
    optionalFactor: optional(read.factor),
    positive: required(read.positive),
    month: required(read.month),
    optionalMonth: optional(read.month),
    status: optional(read.status),
    monthOrYear: required(read.monthOrYear),
    basis: optional(read.basis),
    publishedDate: optional(read.date),
  };
}
