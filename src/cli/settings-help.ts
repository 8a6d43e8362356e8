import { settingRows } from '../scenario/setting-words.js';

/** The settings --set takes, for the help of every command that takes --set. */
export function settingsHelp(): string {
  const rows = settingRows();
  const width = Math.max(...rows.map((r) => r.setting.length));
  const targetWidth = Math.max(...rows.map((r) => r.targets.length));
  return [
    'Settings for --set KEY=VALUE or --set KEY:TARGET=VALUE (later flags win; rampup list settings',
    'shows the countries, groups, systems and categories of a data folder):',
    ...rows.map((r) => `  ${r.setting.padEnd(width)}  ${r.targets.padEnd(targetWidth)}  ${r.value}`),
  ].join('\n');
}
