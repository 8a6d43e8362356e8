import type { DataSet } from '../inputs/parse-data-folder.js';
import type { RawSetting } from './scenario-settings.js';

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
        origin: { kind: 'file' as const, file: 'scenarios.csv', line: r.line, columns: { setting: col('setting'), target: col('target'), value: col('value') } },
      })),
  };
}

/** Names of the scenarios in scenarios.csv, in order of first appearance. */
export function scenarioNames(data: DataSet): string[] {
  return [...new Set(data.scenarios.map((r) => r.row.scenario))];
}
