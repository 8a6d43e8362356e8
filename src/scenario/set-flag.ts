import type { FlagIssue } from '../base/input-issue.js';
import type { RawSetting } from './scenario-settings.js';

/**
 * The one grammar of a setting on the command line: `KEY=VALUE` or `KEY:TARGET=VALUE`, split
 * at the first `=` (a target may hold `:`, as in `budget_scale:group:core=2`); a sweep's
 * value is a range `FROM:TO:STEP`.
 */
export function parseSetFlag(text: string, index: number, flag = '--set'): RawSetting | FlagIssue {
  const eq = text.indexOf('=');
  if (eq < 0) return { flag, value: text, code: 'BAD_SETTING_VALUE', message: 'expected KEY=VALUE or KEY:TARGET=VALUE' };
  const left = text.slice(0, eq).trim();
  const colon = left.indexOf(':');
  return {
    setting: colon < 0 ? left : left.slice(0, colon),
    target: colon < 0 ? '' : left.slice(colon + 1),
    value: text.slice(eq + 1).trim(),
    origin: { kind: 'flag', flag, text, index },
  };
}

export function parseSetFlags(flags: readonly string[]): { settings: RawSetting[]; issues: FlagIssue[] } {
  const settings: RawSetting[] = [];
  const issues: FlagIssue[] = [];
  flags.forEach((text, i) => {
    const parsed = parseSetFlag(text, i + 1);
    if ('flag' in parsed) issues.push(parsed);
    else settings.push(parsed);
  });
  return { settings, issues };
}

const RANGE = /^(-?[\d.]+):(-?[\d.]+):(-?[\d.]+)$/;

/** Whether a `--set` flag's value is a sweep range FROM:TO:STEP. */
export function isRangeFlag(text: string): boolean {
  const eq = text.indexOf('=');
  return eq >= 0 && RANGE.test(text.slice(eq + 1).trim());
}

/** `KEY=FROM:TO:STEP` as the setting (with its target) and its values, TO included; or why not. */
export function parseRange(text: string): { key: string; values: number[]; range: { from: number; to: number; step: number } } | string {
  const eq = text.indexOf('=');
  if (eq < 0) return `"${text}" is not of the form KEY=FROM:TO:STEP`;
  const key = text.slice(0, eq).trim();
  const parts = text.slice(eq + 1).trim().split(':').map(Number);
  if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p))) return `"${text.slice(eq + 1)}" is not FROM:TO:STEP (three numbers)`;
  const [from, to, step] = parts as [number, number, number];
  if (step <= 0 || to < from) return `the range ${from}:${to}:${step} is empty (need FROM <= TO and STEP > 0)`;
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > 1_000_000) return `the range has ${count} values; at most 1,000,000`;
  // Rounded so 0.1 steps print as 0.3, not 0.30000000000000004.
  return { key, values: Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(10))), range: { from, to, step } };
}
