import { InputError } from '../errors.js';
import { sortInputIssues } from '../inputs/input-issue.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import { applyScenario } from './apply-scenario.js';
import type { PlanInput } from './plan-input.js';
import { resolveScenario } from './resolve-scenario.js';
import { scenarioNames, scenarioRows } from './scenario-rows.js';
import type { ScenarioSettings } from './scenario-settings.js';
import { parseSetFlags } from './set-flag.js';

/** The scenario that always exists: the data as it stands. */
export const BASELINE = 'baseline';

/** Resolves a scenario (its rows, then the --set flags) into the model's input, or throws InputError. */
export function prepareScenario(data: DataSet, name: string = BASELINE, set: readonly string[] = []): { settings: ScenarioSettings; input: PlanInput } {
  const rows = scenarioRows(data, name);
  const flags = parseSetFlags(set);
  if (!rows.found && name !== BASELINE) {
    const known = scenarioNames(data).filter((k) => k !== BASELINE);
    throw new InputError([{ flag: '--scenario', value: name, code: 'UNKNOWN_SCENARIO', message: `no scenario named "${name}"; the scenarios are ${[BASELINE, ...known].join(', ')}` }]);
  }
  const resolved = resolveScenario(data, name, rows.description, [...rows.settings, ...flags.settings]);
  const issues = [...flags.issues, ...resolved.issues];
  if (!resolved.settings || issues.length > 0) throw new InputError(sortInputIssues(issues));
  const applied = applyScenario(data, resolved.settings);
  if (!applied.input) throw new InputError(applied.issues);
  return { settings: resolved.settings, input: applied.input };
}
