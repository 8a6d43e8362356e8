import type { ScenarioSettings } from './scenario-settings.js';

type Applied = ScenarioSettings['applied'][number];

/** A setting as written on the command line: `key[:target][=value]`. */
export function settingText(s: Applied): string {
  return `${s.setting}${s.target ? `:${s.target}` : ''}${s.value ? `=${s.value}` : ''}`;
}

/** The scenario's own settings (its rows of scenarios.csv) apart from those applied on top of it (--set). */
export function splitApplied(settings: ScenarioSettings): { readonly fromScenario: string[]; readonly onTop: string[] } {
  const onTop = (s: Applied) => !s.from.startsWith('scenarios.csv');
  return { fromScenario: settings.applied.filter((s) => !onTop(s)).map(settingText), onTop: settings.applied.filter(onTop).map(settingText) };
}
