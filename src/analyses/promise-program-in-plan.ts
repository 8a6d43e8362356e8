import type { RampUpModel } from '../model/build-ramp-up-model.js';
import type { ExtraRow } from '../model/linear-program.js';
import { COLUMN_FAMILIES, ROW_FAMILIES } from '../model/families.js';
import { familyName } from '../model/name-model.js';
import type { OpenScenario } from '../pipeline/solve-scenario.js';

/**
 * The promise program, as buildRampUpModel(withoutFloors(input), { maximiseGuaranteeOf:
 * systems, guaranteeRecipient }) builds it, made in a solved plan's session by edits: the
 * stages' rows dropped, the scenario's floors lifted, g (objective -g) and a floor row
 * `deliver - need x g >= 0` per need appended. The columns keep their order, so the plan's
 * stage-1 basis, primal feasible at g = 0, is where the engine starts: a sweep run's joint
 * promise took 110-160 ms from a fresh model and 25-30 ms from there (bundled data). Columns
 * added after the plan's own (cost to close's top-ups) are held at 0: promises are made with
 * the scenario's money. The session stays the plan's, edited.
 */
export function promiseProgramInPlan(plan: OpenScenario, systems: ReadonlySet<string>, recipient?: string): RampUpModel {
  const { session, solution, model } = plan;
  const { input, index } = model;
  const name = familyName(input);
  session.removeRowsFrom(solution.firstStageRow);
  const deliver = input.needs.map((need, k) => ({ column: index.deliver[k]!, upper: need.quantity })).sort((a, b) => a.column - b.column);
  const extra = Array.from({ length: session.program.numCols - model.lp.numCols }, (_, i) => model.lp.numCols + i);
  session.setColumnBounds(
    Int32Array.from([...deliver.map((d) => d.column), ...extra]),
    new Float64Array(deliver.length + extra.length),
    Float64Array.from([...deliver.map((d) => d.upper), ...extra.map(() => 0)]),
  );
  const g = session.addColumns({
    count: 1,
    cost: Float64Array.of(-1),
    lower: Float64Array.of(0),
    upper: Float64Array.of(1),
    starts: Int32Array.of(0, 0),
    indices: new Int32Array(0),
    values: new Float64Array(0),
    name: () => name(COLUMN_FAMILIES.guarantee, 0, 0),
  });
  const floorRow = new Int32Array(input.needs.length).fill(-1);
  const rows: ExtraRow[] = [];
  input.needs.forEach((need, k) => {
    if (!systems.has(need.system) || need.quantity <= 0 || (recipient !== undefined && need.recipient !== recipient)) return;
    floorRow[k] = session.program.numRows + rows.length;
    const column = index.deliver[k]!;
    rows.push({ name: name(ROW_FAMILIES.guaranteeFloor, k, 0), lower: 0, upper: Infinity, indices: Int32Array.of(column, g), values: Float64Array.of(1, -need.quantity) });
  });
  session.addRows(rows);
  const cost = new Float64Array(session.program.numCols);
  cost[g] = -1;
  session.setObjective(cost, 0);
  if (solution.firstStageStart) session.restoreStart(solution.firstStageStart);
  const costObjective = new Float64Array(session.program.numCols);
  costObjective.set(model.costObjective);
  return { ...model, lp: session.program, costObjective, guaranteeColumn: g, index: { ...index, floorRow } };
}
