import { withColumns } from './edit-program.js';
import type { ExtraColumns } from './linear-program.js';
import { COLUMN_FAMILIES } from './families.js';
import { familyName } from './name-model.js';
import { TOP_UP_WEIGHT, type RampUpModel } from './ramp-up-model.js';

/**
 * The unlimited-money variant of a built model by adding columns rather than building anew:
 * a top-up column (EUR millions, >= 0, weighing nothing in stage 1 and TOP_UP_WEIGHT in the
 * cost stage) on every budget row, as `buildRampUpModel(input, { unlimitedMoney: true })`
 * makes them, but appended after the model's own columns. A solver session that has solved
 * `model` takes `columns` (addColumns) and goes on from its basis: top-ups at 0 keep that
 * basis feasible.
 */
export function withTopUpColumns(model: RampUpModel): { model: RampUpModel; columns: ExtraColumns } {
  const { lp, index, input } = model;
  const H = input.months.length;
  const rows: number[] = [];
  const keys: number[] = [];
  index.budgetRow.forEach((row, k) => {
    if (row >= 0 && index.topUp[k]! < 0) {
      rows.push(row);
      keys.push(k);
    }
  });
  const count = rows.length;
  const name = familyName(input);
  const columns: ExtraColumns = {
    count,
    cost: new Float64Array(count),
    lower: new Float64Array(count),
    upper: new Float64Array(count).fill(Infinity),
    starts: Int32Array.from({ length: count + 1 }, (_, k) => k),
    indices: Int32Array.from(rows),
    values: new Float64Array(count).fill(-1),
    name: (k) => name(COLUMN_FAMILIES.topUp, Math.floor(keys[k]! / H), keys[k]! % H),
  };
  const topUp = index.topUp.slice();
  keys.forEach((key, k) => (topUp[key] = lp.numCols + k));
  const costObjective = new Float64Array(lp.numCols + count);
  costObjective.set(model.costObjective);
  costObjective.fill(TOP_UP_WEIGHT, lp.numCols);
  const lineCost = new Float64Array(lp.numCols + count);
  lineCost.set(model.lineCost);
  return { model: { ...model, lp: withColumns(lp, columns), costObjective, lineCost, index: { ...index, topUp } }, columns };
}
