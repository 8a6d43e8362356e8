import { readNumber } from '../inputs/cells.js';
import type { InputIssue, IssueCode } from '../base/input-issue.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import { didYouMean } from '../inputs/closest-name.js';
import { formatMonth, monthHint, parseMonth } from '../inputs/periods.js';
import { SETTINGS, SETTING_NAMES, settingSpec, type RawSetting, type ScenarioSettings, type SettingSpec, type Target, type TargetedValue, type ValueKind } from './scenario-settings.js';
import { describeTargets, parseTarget, type KnownTargets } from './targets.js';

/** A problem with one raw setting, located where it was written: a cell of scenarios.csv or its flag. */
export function settingIssue(r: RawSetting, part: 'setting' | 'target' | 'value', code: IssueCode, message: string): InputIssue {
  const o = r.origin;
  if (o.kind === 'flag') return { flag: o.flag, value: o.text, code, message };
  return { file: o.file, line: o.line, column: o.columns[part], code, message };
}

function originText(r: RawSetting): string {
  return r.origin.kind === 'file' ? `${r.origin.file}:${r.origin.line}` : `${r.origin.flag}:${r.origin.index}`;
}

/** A value as read, or why it is not one. */
type Read = { readonly value: number | string | true } | { readonly problem: string };

/** How each kind of value is read (a `;` scenarios.csv comes from a European-locale spreadsheet: its decimal comma is read). */
function readValue(setting: string, kind: ValueKind, text: string, delimiter: ',' | ';', data: DataSet): Read {
  const number = (check: (n: number) => string | undefined): Read => {
    const n = readNumber(text, delimiter);
    if (typeof n !== 'number') return { problem: `${setting}: ${text === '' ? 'a value is required' : `${n.message}${numberHint(text, kind)}`}` };
    const wrong = check(n);
    return wrong === undefined ? { value: n } : { problem: wrong };
  };
  switch (kind) {
    case 'financing':
      if (text === 'channels' && data.channels.length === 0) return { problem: 'financing=channels needs channels.csv in the data folder: without it no money can move (use national or pooled)' };
      return text === 'national' || text === 'pooled' || text === 'channels' ? { value: text } : { problem: `financing: expected channels, national or pooled, found "${text}"` };
    case 'month': {
      const m = parseMonth(text);
      return m === undefined ? { problem: `${setting}: expected a month YYYY-MM, found "${text}"${monthHint(text)}` } : { value: m };
    }
    case 'none':
      return text !== '' ? { problem: `${setting} takes no value, found "${text}"` } : { value: true };
    case 'share':
      return number((n) => (n < 0 || n > 1 ? `${setting}: expected a share between 0 and 1, found ${text}` : undefined));
    case 'multiplier':
    case 'percent':
      return number((n) => (n < 0 ? `${setting}: expected a value >= 0, found ${text}` : undefined));
  }
}

/** The entities of the data that targets may name. */
function knownTargets(data: DataSet): KnownTargets {
  return {
    countries: new Set(data.countries.map((c) => c.country)),
    funds: new Set(data.funds.map((f) => f.fund)),
    systems: new Set(data.systems.map((s) => s.system)),
    materials: new Set(data.materials.map((m) => m.material)),
    channels: new Set(data.channels.map((c) => c.row.channel)),
    channelGroups: groupChannels(data),
    options: new Set(data.options.map((o) => o.option)),
    groups: new Set([...data.countries, ...data.funds].flatMap((c) => (c.group ? [c.group] : []))),
    categories: new Set(data.systems.map((s) => s.category)),
  };
}

/** The channels of each group of channels.csv, in file order. */
function groupChannels(data: DataSet): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { row } of data.channels) if (row.group) groups.set(row.group, [...(groups.get(row.group) ?? []), row.channel]);
  return groups;
}

/** A raw setting's target, or why it takes none of what was written. `exclude=US` on the command line: the value names the target. */
function targetOf(r: RawSetting, spec: SettingSpec, known: KnownTargets): { target: Target; targetText: string; valueText: string } | { part: 'target'; problem: string } {
  const moved = spec.value === 'none' && r.target === '' && r.value !== '';
  const targetText = moved ? r.value : r.target;
  const valueText = moved ? '' : r.value;
  if (spec.targets.length === 0) return targetText !== '' ? { part: 'target', problem: `${r.setting} takes no target, found "${targetText}"` } : { target: { kind: 'all' }, targetText, valueText };
  const parsed = targetText === '' && !spec.targets.includes('all') ? 'a target is required' : parseTarget(targetText === '' ? '*' : targetText, spec.targets, known);
  if (typeof parsed === 'string') return { part: 'target', problem: `${r.setting}: ${parsed}; allowed: ${describeTargets(spec.targets)}` };
  return { target: parsed, targetText, valueText };
}

/**
 * Resolves raw settings into a scenario, checking every name, target and value against
 * the data. A typo is an error listing what is allowed, never silently ignored. Each value
 * goes where its entry of SETTINGS says.
 */
export function resolveScenario(data: DataSet, name: string, description: string, raw: readonly RawSetting[]): { settings?: ScenarioSettings; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const known = knownTargets(data);
  const delimiter = data.locations?.['scenarios.csv']?.delimiter ?? ',';
  const fields: Record<string, unknown> = Object.fromEntries(SETTING_NAMES.filter((s) => SETTINGS[s].collect !== 'one').map((s) => [SETTINGS[s].into, []]));
  const written = new Map<string, RawSetting>(); // the last row of each setting that took effect
  const applied: ScenarioSettings['applied'][number][] = [];
  for (const r of raw) {
    const spec = settingSpec(r.setting);
    if (!spec) {
      issues.push(settingIssue(r, 'setting', 'UNKNOWN_SETTING', `unknown setting "${r.setting}"${didYouMean(r.setting, SETTING_NAMES)}; the settings are ${SETTING_NAMES.join(', ')}`));
      continue;
    }
    const target = targetOf(r, spec, known);
    if ('problem' in target) {
      issues.push(settingIssue(r, target.part, 'UNKNOWN_TARGET', target.problem));
      continue;
    }
    applied.push({ setting: r.setting, target: target.targetText, value: target.valueText, from: originText(r) });
    const read = readValue(r.setting, spec.value, target.valueText, r.origin.kind === 'file' ? delimiter : ',', data);
    if ('problem' in read) {
      issues.push(settingIssue(r, 'value', 'BAD_SETTING_VALUE', read.problem));
      continue;
    }
    written.set(r.setting, r);
    if (spec.collect === 'one') fields[spec.into] = read.value;
    else if (spec.collect === 'targets') (fields[spec.into] as Target[]).push(target.target);
    else (fields[spec.into] as TargetedValue[]).push({ target: target.target, value: read.value as number });
  }
  const settings = { name, description, applied, ...fields } as unknown as ScenarioSettings;
  issues.push(...settingConflicts(data, settings, raw, written));
  return issues.length > 0 ? { issues } : { settings, issues: [] };
}

/** Settings that read on their own but not together: shares without a pool, channel shares without channels, an empty horizon. */
function settingConflicts(data: DataSet, settings: ScenarioSettings, raw: readonly RawSetting[], written: ReadonlyMap<string, RawSetting>): InputIssue[] {
  const issues: InputIssue[] = [];
  const { financing, start, end } = settings;
  const shares = [written.get('fair_share'), written.get('work_share')].filter((r): r is RawSetting => r !== undefined);
  const shareLine = shares.sort((a, b) => raw.indexOf(a) - raw.indexOf(b)).at(-1);
  if (shareLine && financing !== 'pooled') {
    issues.push(settingIssue(shareLine, 'setting', 'BAD_SETTING_VALUE', `${shareLine.setting} applies to pooled financing only; add the setting financing=pooled`));
  }
  const channelShareLine = raw.find((r) => r.setting === 'channel_share');
  if (channelShareLine && (financing === 'national' || financing === 'pooled')) {
    issues.push(settingIssue(channelShareLine, 'setting', 'BAD_SETTING_VALUE', `channel_share applies to channels financing only, and this scenario sets financing=${financing}`));
  } else if (channelShareLine && data.channels.length === 0) {
    issues.push(settingIssue(channelShareLine, 'setting', 'BAD_SETTING_VALUE', 'channel_share applies to channels financing only, and there is no channels.csv in the data folder'));
  }
  const startLine = written.get('start');
  const endLine = written.get('end');
  if (start !== undefined && end !== undefined && end < start) {
    issues.push(settingIssue(endLine!, 'value', 'EMPTY_HORIZON', `end ${endLine!.value} is before start`));
  } else issues.push(...outsideNeeds(data, startLine, start, endLine, end));
  return issues;
}

/** How to write a number that did not read: 50% is 0.5 as a share, 0,5 is 0.5 on the command line. */
function numberHint(text: string, kind: ValueKind): string {
  const percent = /^([+-]?\d+(?:[.,]\d+)?)\s*%$/.exec(text);
  if (percent) {
    const p = Number(percent[1]!.replace(',', '.'));
    if (kind === 'percent') return `; this setting is in per cent already: write ${p}`;
    return `; write a ${kind === 'share' ? 'share from 0 to 1' : 'multiplier'}: ${p}% is ${Number((p / 100).toFixed(10))}`;
  }
  if (/^[+-]?\d+,\d+$/.test(text)) return `; write a decimal point: ${text.replace(',', '.')}`;
  return '';
}

/** A start after the last month of needs.csv, or an end before its first, leaves no horizon: blame the setting. */
function outsideNeeds(data: DataSet, startLine: RawSetting | undefined, start: number | undefined, endLine: RawSetting | undefined, end: number | undefined): InputIssue[] {
  if (data.needs.length === 0) return [];
  let first = Infinity;
  let last = -Infinity;
  for (const n of data.needs) (first = Math.min(first, n.period)), (last = Math.max(last, n.period));
  const span = `needs.csv runs from ${formatMonth(first)} to ${formatMonth(last)}`;
  const issues: InputIssue[] = [];
  if (startLine && start !== undefined && end === undefined && start > last) issues.push(settingIssue(startLine, 'value', 'EMPTY_HORIZON', `start ${startLine.value} leaves no month to plan: ${span}`));
  if (endLine && end !== undefined && start === undefined && end < first) issues.push(settingIssue(endLine, 'value', 'EMPTY_HORIZON', `end ${endLine.value} leaves no month to plan: ${span}`));
  return issues;
}
