import type { InputWarning } from '../base/input-issue.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import { formatMonth } from '../inputs/periods.js';
import type { LinearProgram } from '../model/linear-program.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { ScenarioSettings } from '../scenario/scenario-settings.js';
import { TOOL_NAME, TOOL_VERSION } from '../base/version.js';
import type { Plan } from './plan.js';

/** An input file as read: its name in the data folder and the sha256 of its bytes. */
export interface InputFileHash {
  readonly file: string;
  readonly sha256: string;
}

export interface Manifest {
  readonly tool: { readonly name: string; readonly version: string };
  /** `run`: the name of the run's folder (the scenario and its --set flags, or --name). */
  readonly scenario: { readonly run: string; readonly name: string; readonly description: string; readonly settings: ScenarioSettings['applied'] };
  readonly data: { readonly latestSourceDate: string | null; readonly months: { readonly first: string; readonly last: string } };
  readonly inputs: readonly InputFileHash[];
  /** What looks like a mistake in the data or the scenario but did not stop the plan. */
  readonly warnings: readonly InputWarning[];
  /** The engine, and the tie-break stage as applied (soonest, none, or not available with this engine). */
  /** The engine, and the later stages as applied: the tie-break (soonest, none, not available) and the spread (proportional, none, not available), each with why it was not applied where it failed. */
  readonly solver: { readonly name: string; readonly version: string; readonly tieBreak: string; readonly spread?: string };
  readonly model: { readonly variables: number; readonly constraints: number; readonly nonzeros: number };
  readonly status: 'optimal';
  /** The stages' optima: 1 (weighted shortfall), 2 (money spent), 4 (the spread, where it ran: sum of spent^2 / money, EUR); and the lines' cost. */
  readonly objectives: { readonly weightedShortfall: number; readonly moneySpentEur: number; readonly totalCostEur: number; readonly spreadObjective?: number };
}

/**
 * What a plan was made from and how: manifest.json. It holds no wall-clock figure, so that the same
 * inputs give the same bytes; the timings of a run go to timings.json beside it.
 */
export function buildManifest(parts: {
  data: DataSet;
  inputs: readonly InputFileHash[];
  settings: ScenarioSettings;
  input: PlanInput;
  lp: LinearProgram;
  plan: Plan;
  solver: { name: string; version: string; tieBreak: string; spread?: string };
  warnings: readonly InputWarning[];
  run: string;
}): Manifest {
  const { data, input, lp, plan, settings } = parts;
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    scenario: { run: parts.run, name: settings.name, description: settings.description, settings: settings.applied },
    data: {
      latestSourceDate: data.sources.map((s) => s.published ?? '').sort().at(-1) || null,
      months: { first: formatMonth(input.months[0]!), last: formatMonth(input.months.at(-1)!) },
    },
    inputs: parts.inputs,
    warnings: parts.warnings,
    solver: parts.solver,
    model: { variables: lp.numCols, constraints: lp.numRows, nonzeros: lp.matrix.indices.length },
    status: 'optimal',
    objectives: {
      weightedShortfall: plan.weightedShortfall,
      moneySpentEur: plan.moneySpentEur,
      totalCostEur: plan.totalCostEur,
      ...(plan.spreadObjectiveEur !== undefined ? { spreadObjective: plan.spreadObjectiveEur } : {}),
    },
  };
}
