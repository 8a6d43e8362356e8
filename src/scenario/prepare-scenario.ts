import { InputError } from '../base/errors.js';
import { didYouMean } from '../inputs/closest-name.js';
import { sortInputIssues, type InputWarning } from '../base/input-issue.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import { applyScenario } from './apply-scenario.js';
import type { PlanInput } from './plan-input.js';
import { resolveScenario } from './resolve-scenario.js';
import { scenarioNames, scenarioRows } from './scenario-rows.js';
import { scenarioWarnings } from './scenario-warnings.js';
import type { ScenarioSettings } from './scenario-settings.js';
import { parseSetFlags } from './set-flag.js';

/** The scenario that always exists: the data as it stands. */
export const BASELINE = 'baseline';

/**
 * Resolves a scenario (its rows, then the --set flags) into the model's input, or throws
 * InputError; `warnings` are the scenario's own (the data set carries those of the files).
 */
/** A scenario resolved against its data: its settings, the model's input, and the scenario's own warnings. */
export interface PreparedScenario {
  readonly settings: ScenarioSettings;
  readonly input: PlanInput;
  readonly warnings: InputWarning[];
}

export function prepareScenario(data: DataSet, name: string = BASELINE, set: readonly string[] = []): PreparedScenario {
  const rows = scenarioRows(data, name);
  const flags = parseSetFlags(set);
  if (!rows.found && name !== BASELINE) {
    const known = scenarioNames(data).filter((k) => k !== BASELINE);
    const all = [BASELINE, ...known];
    throw new InputError([{ flag: '--scenario', value: name, code: 'UNKNOWN_SCENARIO', message: `no scenario named "${name}"${didYouMean(name, all)}; the scenarios are ${all.join(', ')}` }]);
  }
  const resolved = resolveScenario(data, name, rows.description, [...rows.settings, ...flags.settings]);
  const issues = [...flags.issues, ...resolved.issues];
  if (!resolved.settings || issues.length > 0) throw new InputError(sortInputIssues(issues));
  const applied = applyScenario(data, resolved.settings);
  if (!applied.input) throw new InputError(applied.issues);
  return { settings: resolved.settings, input: applied.input, warnings: scenarioWarnings(data, applied.input) };
}
