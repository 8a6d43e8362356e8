import { readNumber } from '../inputs/cells.js';
import type { InputIssue, IssueCode } from '../base/input-issue.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import { didYouMean } from '../inputs/closest-name.js';
import { formatMonth, monthHint, parseMonth } from '../inputs/periods.js';
import { SETTINGS, SETTING_NAMES, type RawSetting, type ScenarioSettings, type Target, type TargetedValue, type ValueKind } from './scenario-settings.js';
import { describeTargets, parseTarget } from './targets.js';

/** A problem with one raw setting, located where it was written: a cell of scenarios.csv or its flag. */
export function settingIssue(r: RawSetting, part: 'setting' | 'target' | 'value', code: IssueCode, message: string): InputIssue {
  const o = r.origin;
  if (o.kind === 'flag') return { flag: o.flag, value: o.text, code, message };
  return { file: o.file, line: o.line, column: o.columns[part], code, message };
}

function originText(r: RawSetting): string {
  return r.origin.kind === 'file' ? `${r.origin.file}:${r.origin.line}` : `${r.origin.flag}:${r.origin.index}`;
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
  const known = {
    countries: new Set(data.countries.map((c) => c.country)),
    funds: new Set(data.funds.map((f) => f.fund)),
    systems: new Set(data.systems.map((s) => s.system)),
    materials: new Set(data.materials.map((m) => m.material)),
    channels: new Set(data.channels.map((c) => c.row.channel)),
    groups: new Set([...data.countries, ...data.funds].flatMap((c) => (c.group ? [c.group] : []))),
    categories: new Set(data.systems.map((s) => s.category)),
  };

  let financing: ScenarioSettings['financing'];
  let fairShare: number | undefined;
  let workShare: number | undefined;
  let start: number | undefined;
  let end: number | undefined;
  let shareLine: RawSetting | undefined;
  let startLine: RawSetting | undefined;
  let endLine: RawSetting | undefined;
  const scenarioDelimiter = data.locations?.['scenarios.csv']?.delimiter ?? ',';
  const lists = {
    budget_scale: [] as TargetedValue[],
    budget_gdp_pct: [] as TargetedValue[],
    need_scale: [] as TargetedValue[],
    capacity_scale: [] as TargetedValue[],
    guarantee: [] as TargetedValue[],
    channel_share: [] as TargetedValue[],
    commitment_scale: [] as TargetedValue[],
    priority_scale: [] as TargetedValue[],
  };
  const exclude: Target[] = [];
  const includeOnly: Target[] = [];
  const applied: ScenarioSettings['applied'][number][] = [];

  for (const r of raw) {
    const problem = (part: 'setting' | 'target' | 'value', code: IssueCode, message: string) => issues.push(settingIssue(r, part, code, message));
    const spec = SETTINGS[r.setting];
    if (!spec) {
      problem('setting', 'UNKNOWN_SETTING', `unknown setting "${r.setting}"${didYouMean(r.setting, SETTING_NAMES)}; the settings are ${SETTING_NAMES.join(', ')}`);
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
        problem('target', 'UNKNOWN_TARGET', `${r.setting} takes no target, found "${targetText}"`);
        continue;
      }
    } else {
      const parsed = targetText === '' && !spec.targets.includes('all') ? 'a target is required' : parseTarget(targetText === '' ? '*' : targetText, spec.targets, known);
      if (typeof parsed === 'string') {
        problem('target', 'UNKNOWN_TARGET', `${r.setting}: ${parsed}; allowed: ${describeTargets(spec.targets)}`);
        continue;
      }
      target = parsed;
    }
    applied.push({ setting: r.setting, target: targetText, value: valueText, from: originText(r) });
    const number = () => {
      // A `;` scenarios.csv comes from a European-locale spreadsheet: its decimal comma is read.
      const n = readNumber(valueText, r.origin.kind === 'file' ? scenarioDelimiter : ',');
      if (typeof n !== 'number') {
        problem('value', 'BAD_SETTING_VALUE', `${r.setting}: ${valueText === '' ? 'a value is required' : `${n.message}${numberHint(valueText, spec.value)}`}`);
        return undefined;
      }
      return n;
    };
    switch (spec.value) {
      case 'financing':
        if (valueText === 'channels' && data.channels.length === 0) problem('value', 'BAD_SETTING_VALUE', 'financing=channels needs channels.csv in the data folder: without it no money can move (use national or pooled)');
        else if (valueText === 'national' || valueText === 'pooled' || valueText === 'channels') financing = valueText;
        else problem('value', 'BAD_SETTING_VALUE', `financing: expected channels, national or pooled, found "${valueText}"`);
        break;
      case 'month': {
        const m = parseMonth(valueText);
        if (m === undefined) problem('value', 'BAD_SETTING_VALUE', `${r.setting}: expected a month YYYY-MM, found "${valueText}"${monthHint(valueText)}`);
        else if (r.setting === 'start') (start = m), (startLine = r);
        else (end = m), (endLine = r);
        break;
      }
      case 'none':
        if (valueText !== '') problem('value', 'BAD_SETTING_VALUE', `${r.setting} takes no value, found "${valueText}"`);
        else (r.setting === 'exclude' ? exclude : includeOnly).push(target);
        break;
      case 'share': {
        const n = number();
        if (n === undefined) break;
        if (n < 0 || n > 1) {
          problem('value', 'BAD_SETTING_VALUE', `${r.setting}: expected a share between 0 and 1, found ${valueText}`);
          break;
        }
        if (r.setting === 'fair_share') (fairShare = n), (shareLine = r);
        else if (r.setting === 'work_share') (workShare = n), (shareLine = r);
        else lists[r.setting as 'guarantee' | 'channel_share'].push({ target, value: n });
        break;
      }
      case 'multiplier':
      case 'percent': {
        const n = number();
        if (n === undefined) break;
        if (n < 0) {
          problem('value', 'BAD_SETTING_VALUE', `${r.setting}: expected a value >= 0, found ${valueText}`);
          break;
        }
        lists[r.setting as keyof typeof lists].push({ target, value: n });
        break;
      }
    }
  }
  if (shareLine && financing !== 'pooled') {
    issues.push(settingIssue(shareLine, 'setting', 'BAD_SETTING_VALUE', `${shareLine.setting} applies to pooled financing only; add the setting financing=pooled`));
  }
  const channelShareLine = raw.find((r) => r.setting === 'channel_share');
  if (channelShareLine && (financing === 'national' || financing === 'pooled')) {
    issues.push(settingIssue(channelShareLine, 'setting', 'BAD_SETTING_VALUE', `channel_share applies to channels financing only, and this scenario sets financing=${financing}`));
  } else if (channelShareLine && data.channels.length === 0) {
    issues.push(settingIssue(channelShareLine, 'setting', 'BAD_SETTING_VALUE', 'channel_share applies to channels financing only, and there is no channels.csv in the data folder'));
  }
  if (start !== undefined && end !== undefined && end < start) {
    issues.push(settingIssue(endLine!, 'value', 'EMPTY_HORIZON', `end ${endLine!.value} is before start`));
  } else issues.push(...outsideNeeds(data, startLine, start, endLine, end));
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
      channelShare: lists.channel_share,
      commitmentScale: lists.commitment_scale,
      priorityScale: lists.priority_scale,
      exclude,
      includeOnly,
      applied,
    },
    issues: [],
  };
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
