import { SETTINGS, SETTING_NAMES, type ValueKind } from './scenario-settings.js';
import { describeTargets } from './targets.js';

/** What each kind of value is, in words and with an example, for --help and `rampup list settings`. */
export const VALUE_WORDS: Readonly<Record<ValueKind, string>> = {
  multiplier: 'a multiplier >= 0, e.g. 1.5 (not 150%)',
  share: 'a share from 0 to 1, e.g. 0.5 (not 50%)',
  percent: 'per cent of GDP a year, e.g. 0.25',
  none: 'no value: the target is the value, e.g. SETTING=US',
  financing: 'channels (the default when channels.csv exists), national or pooled',
  month: 'a month YYYY-MM, e.g. 2026-07',
};

/** One line per setting: its name, the targets it takes, and its value. */
export function settingRows(): { setting: string; targets: string; value: string }[] {
  return SETTING_NAMES.map((name) => {
    const spec = SETTINGS[name];
    // The example names the setting itself: include_only=US, not exclude=US.
    return { setting: name, targets: spec.targets.length > 0 ? describeTargets(spec.targets) : '(none)', value: VALUE_WORDS[spec.value].replace('SETTING', name) };
  });
}
