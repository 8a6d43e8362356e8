import type { InputIssue } from '../inputs/input-issue.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import { parseMonth, type MonthIndex } from '../inputs/periods.js';
import { readNumber } from '../inputs/cells.js';

/** What a multiplier or share applies to. */
export type Target =
  | { kind: 'all' }
  | { kind: 'country'; code: string }
  | { kind: 'system'; code: string }
  | { kind: 'group'; name: string }
  | { kind: 'category'; name: string };

export interface TargetedValue {
  readonly target: Target;
  readonly value: number;
}

/** One scenario, every setting resolved and checked against the data. */
export interface ScenarioSettings {
  readonly name: string;
  readonly description: string;
  readonly financing: 'national' | 'pooled';
  /** phi in [0,1]: each payer's share of the pool at least phi x its GDP share. */
  readonly fairShare?: number;
  /** rho in [0,1]: each payer's own industry gets at least rho x what it paid. */
  readonly workShare?: number;
  readonly start?: MonthIndex;
  readonly end?: MonthIndex;
  /** Later entries override earlier ones for the entities they both match. */
  readonly budgetScale: readonly TargetedValue[];
  readonly budgetGdpPct: readonly TargetedValue[];
  readonly needScale: readonly TargetedValue[];
  readonly capacityScale: readonly TargetedValue[];
  readonly guarantee: readonly TargetedValue[];
  readonly exclude: readonly Target[];
  readonly includeOnly: readonly Target[];
  /** The settings as written, for the manifest. */
  readonly applied: readonly { setting: string; target: string; value: string; from: string }[];
}

/** A setting as written: in scenarios.csv or as `--set key[:target]=value`. */
export interface RawSetting {
  readonly setting: string;
  readonly target: string;
  readonly value: string;
  /** Where it came from, for error messages: file, line and columns. */
  readonly file: string;
  readonly line: number;
  readonly columns: { setting: number; target: number; value: number };
}

type TargetKinds = readonly ('all' | 'country' | 'system' | 'group' | 'category')[];

const SETTINGS: Record<string, { targets: TargetKinds; value: 'multiplier' | 'share' | 'percent' | 'none' | 'financing' | 'month' }> = {
  financing: { targets: [], value: 'financing' },
  budget_scale: { targets: ['all', 'country', 'group'], value: 'multiplier' },
  budget_gdp_pct: { targets: ['all', 'country', 'group'], value: 'percent' },
  need_scale: { targets: ['all', 'system', 'category'], value: 'multiplier' },
  capacity_scale: { targets: ['all', 'country', 'system', 'category'], value: 'multiplier' },
  exclude: { targets: ['country', 'group'], value: 'none' },
  include_only: { targets: ['country', 'group'], value: 'none' },
  fair_share: { targets: [], value: 'share' },
  work_share: { targets: [], value: 'share' },
  guarantee: { targets: ['all', 'system', 'category'], value: 'share' },
  start: { targets: [], value: 'month' },
  end: { targets: [], value: 'month' },
};

export const SETTING_NAMES = Object.keys(SETTINGS);

/** Parses `--set key=value` and `--set key:target=value` into raw settings. */
export function parseSetFlags(flags: readonly string[]): { settings: RawSetting[]; issues: InputIssue[] } {
  const settings: RawSetting[] = [];
  const issues: InputIssue[] = [];
  flags.forEach((flag, index) => {
    const eq = flag.indexOf('=');
    const line = index + 1;
    if (eq < 0) {
      issues.push({ file: '--set', line, column: 1, code: 'BAD_SETTING_VALUE', message: `"${flag}" is not of the form key=value or key:target=value` });
      return;
    }
    const left = flag.slice(0, eq).trim();
    const colon = left.indexOf(':');
    settings.push({
      setting: colon < 0 ? left : left.slice(0, colon),
      target: colon < 0 ? '' : left.slice(colon + 1),
      value: flag.slice(eq + 1).trim(),
      file: '--set',
      line,
      columns: { setting: 1, target: 1, value: 1 },
    });
  });
  return { settings, issues };
}

/** The rows of scenarios.csv that belong to one scenario, as raw settings. */
export function scenarioRows(data: DataSet, name: string): { found: boolean; description: string; settings: RawSetting[] } {
  const rows = data.scenarios.filter((r) => r.row.scenario === name);
  const col = (c: string) => data.scenarioColumns[c] ?? 1;
  return {
    found: rows.length > 0,
    description: rows.find((r) => r.row.description)?.row.description ?? '',
    settings: rows
      .filter((r) => r.row.setting !== undefined)
      .map((r) => ({
        setting: r.row.setting ?? '',
        target: r.row.target ?? '',
        value: r.row.value ?? '',
        file: 'scenarios.csv',
        line: r.line,
        columns: { setting: col('setting'), target: col('target'), value: col('value') },
      })),
  };
}

/** Names of the scenarios in scenarios.csv, in order of first appearance. */
export function scenarioNames(data: DataSet): string[] {
  return [...new Set(data.scenarios.map((r) => r.row.scenario))];
}

/**
 * Resolves raw settings into a scenario, checking every name, target and value against
 * the data. A typo is an error listing what is allowed, never silently ignored.
 */
export function resolveScenario(
  data: DataSet,
  name: string,
  description: string,
  raw: readonly RawSetting[],
): { settings?: ScenarioSettings; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const countries = new Set(data.countries.map((c) => c.country));
  const systems = new Set(data.systems.map((s) => s.system));
  const groups = new Set(data.countries.flatMap((c) => (c.group ? [c.group] : [])));
  const categories = new Set(data.systems.map((s) => s.category));

  let financing: 'national' | 'pooled' = 'national';
  let fairShare: number | undefined;
  let workShare: number | undefined;
  let start: number | undefined;
  let end: number | undefined;
  let shareLine: RawSetting | undefined;
  let endLine: RawSetting | undefined;
  const lists = {
    budget_scale: [] as TargetedValue[],
    budget_gdp_pct: [] as TargetedValue[],
    need_scale: [] as TargetedValue[],
    capacity_scale: [] as TargetedValue[],
    guarantee: [] as TargetedValue[],
  };
  const exclude: Target[] = [];
  const includeOnly: Target[] = [];
  const applied: ScenarioSettings['applied'][number][] = [];

  for (const r of raw) {
    const problem = (column: number, code: InputIssue['code'], message: string) =>
      issues.push({ file: r.file, line: r.line, column, code, message });
    const spec = SETTINGS[r.setting];
    if (!spec) {
      problem(r.columns.setting, 'UNKNOWN_SETTING', `unknown setting "${r.setting}"; the settings are ${SETTING_NAMES.join(', ')}`);
      continue;
    }
    // exclude=US on the command line: the value names the target.
    let targetText = r.target;
    let valueText = r.value;
    if (spec.value === 'none' && targetText === '' && valueText !== '') {
      targetText = valueText;
      valueText = '';
    }
    let target: Target = { kind: 'all' };
    if (spec.targets.length === 0) {
      if (targetText !== '') {
        problem(r.columns.target, 'UNKNOWN_TARGET', `${r.setting} takes no target, found "${targetText}"`);
        continue;
      }
    } else {
      const parsed = targetText === '' && !spec.targets.includes('all')
        ? 'a target is required'
        : parseTarget(targetText === '' ? '*' : targetText, spec.targets, { countries, systems, groups, categories });
      if (typeof parsed === 'string') {
        problem(r.columns.target, 'UNKNOWN_TARGET', `${r.setting}: ${parsed}; allowed: ${describeTargets(spec.targets)}`);
        continue;
      }
      target = parsed;
    }
    applied.push({ setting: r.setting, target: targetText, value: valueText, from: `${r.file}:${r.line}` });
    const number = () => {
      const n = readNumber(valueText, ',');
      if (typeof n !== 'number') {
        problem(r.columns.value, 'BAD_SETTING_VALUE', `${r.setting}: ${valueText === '' ? 'a value is required' : n.message}`);
        return undefined;
      }
      return n;
    };
    switch (spec.value) {
      case 'financing':
        if (valueText === 'national' || valueText === 'pooled') financing = valueText;
        else problem(r.columns.value, 'BAD_SETTING_VALUE', `financing: expected national or pooled, found "${valueText}"`);
        break;
      case 'month': {
        const m = parseMonth(valueText);
        if (m === undefined) problem(r.columns.value, 'BAD_SETTING_VALUE', `${r.setting}: expected a month YYYY-MM, found "${valueText}"`);
        else if (r.setting === 'start') start = m;
        else (end = m), (endLine = r);
        break;
      }
      case 'none':
        if (valueText !== '') problem(r.columns.value, 'BAD_SETTING_VALUE', `${r.setting} takes no value, found "${valueText}"`);
        else (r.setting === 'exclude' ? exclude : includeOnly).push(target);
        break;
      case 'share': {
        const n = number();
        if (n === undefined) break;
        if (n < 0 || n > 1) {
          problem(r.columns.value, 'BAD_SETTING_VALUE', `${r.setting}: expected a share between 0 and 1, found ${valueText}`);
          break;
        }
        if (r.setting === 'fair_share') (fairShare = n), (shareLine = r);
        else if (r.setting === 'work_share') (workShare = n), (shareLine = r);
        else lists.guarantee.push({ target, value: n });
        break;
      }
      case 'multiplier':
      case 'percent': {
        const n = number();
        if (n === undefined) break;
        if (n < 0) {
          problem(r.columns.value, 'BAD_SETTING_VALUE', `${r.setting}: expected a value >= 0, found ${valueText}`);
          break;
        }
        lists[r.setting as keyof typeof lists].push({ target, value: n });
        break;
      }
    }
  }
  if (shareLine && financing !== 'pooled') {
    issues.push({
      file: shareLine.file,
      line: shareLine.line,
      column: shareLine.columns.setting,
      code: 'BAD_SETTING_VALUE',
      message: `${shareLine.setting} applies to pooled financing only; add the setting financing=pooled`,
    });
  }
  if (start !== undefined && end !== undefined && end < start) {
    issues.push({ file: endLine!.file, line: endLine!.line, column: endLine!.columns.value, code: 'EMPTY_HORIZON', message: `end ${endLine!.value} is before start` });
  }
  if (issues.length > 0) return { issues };
  return {
    settings: {
      name,
      description,
      financing,
      ...(fairShare !== undefined ? { fairShare } : {}),
      ...(workShare !== undefined ? { workShare } : {}),
      ...(start !== undefined ? { start } : {}),
      ...(end !== undefined ? { end } : {}),
      budgetScale: lists.budget_scale,
      budgetGdpPct: lists.budget_gdp_pct,
      needScale: lists.need_scale,
      capacityScale: lists.capacity_scale,
      guarantee: lists.guarantee,
      exclude,
      includeOnly,
      applied,
    },
    issues: [],
  };
}

function describeTargets(kinds: TargetKinds): string {
  const words: Record<string, string> = { all: '*', country: 'a country code', system: 'a system code', group: 'group:NAME', category: 'category:NAME' };
  return kinds.map((k) => words[k]).join(', ');
}

function parseTarget(
  text: string,
  kinds: TargetKinds,
  known: { countries: Set<string>; systems: Set<string>; groups: Set<string>; categories: Set<string> },
): Target | string {
  const list = (set: Set<string>) => [...set].sort().join(', ') || '(none)';
  if (text === '*') return kinds.includes('all') ? { kind: 'all' } : '"*" is not allowed here';
  if (text.startsWith('group:')) {
    const name = text.slice(6);
    if (!kinds.includes('group')) return `"${text}": groups are not a target here`;
    return known.groups.has(name) ? { kind: 'group', name } : `no country has group "${name}" (groups: ${list(known.groups)})`;
  }
  if (text.startsWith('category:')) {
    const name = text.slice(9);
    if (!kinds.includes('category')) return `"${text}": categories are not a target here`;
    return known.categories.has(name) ? { kind: 'category', name } : `no system has category "${name}" (categories: ${list(known.categories)})`;
  }
  if (kinds.includes('country') && known.countries.has(text)) return { kind: 'country', code: text };
  if (kinds.includes('system') && known.systems.has(text)) return { kind: 'system', code: text };
  return `"${text}" is not a known ${kinds.filter((k) => k === 'country' || k === 'system').join(' or ') || 'target'}`;
}

export function targetMatchesCountry(target: Target, country: { country: string; group?: string | undefined }): boolean {
  return target.kind === 'all' || (target.kind === 'country' && target.code === country.country) || (target.kind === 'group' && target.name === country.group);
}

export function targetMatchesSystem(target: Target, system: { system: string; category: string }): boolean {
  return target.kind === 'all' || (target.kind === 'system' && target.code === system.system) || (target.kind === 'category' && target.name === system.category);
}

/** The value of the last entry that matches, or the fallback. */
export function lastMatch<T>(entries: readonly TargetedValue[], matches: (t: Target) => boolean, fallback: T): number | T {
  let value: number | T = fallback;
  for (const e of entries) if (matches(e.target)) value = e.value;
  return value;
}
