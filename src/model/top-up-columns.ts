import { withColumns } from './edit-program.js';
import type { ExtraColumns } from './linear-program.js';
import { COLUMN_FAMILIES } from './families.js';
import { familyName } from './name-model.js';
import { TOP_UP_WEIGHT, type RampUpModel } from './ramp-up-model.js';

/**
 * The unlimited-money variant of a built model by adding columns rather than building anew:
 * a top-up column (EUR millions, >= 0, weighing nothing in stage 1 and TOP_UP_WEIGHT in the
 * cost stage) on every budget row, as `buildRampUpModel(input, { unlimitedMoney: true })`
 * makes them, but appended after the model's own columns. A top-up adds to its payer's money,
 * so the caps of its payer's channels, shares of that money, grow with it (model.md, "Price of
 * a promise"). A solver session that has solved `model` takes `columns` (addColumns) and goes
 * on from its basis: top-ups at 0 keep that basis feasible.
 */
export function withTopUpColumns(model: RampUpModel): { model: RampUpModel; columns: ExtraColumns } {
  const { lp, index, input } = model;
  const H = input.months.length;
  const keys: number[] = [];
  index.budgetRow.forEach((row, k) => {
    if (row >= 0 && index.topUp[k]! < 0) keys.push(k);
  });
  const caps = capRowsOfPayers(model);
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const k of keys) {
    indices.push(index.budgetRow[k]!);
    values.push(-1);
    for (const cap of caps[Math.floor(k / H)]!) indices.push(cap.row), values.push(-cap.share);
    starts.push(indices.length);
  }
  const count = keys.length;
  const name = familyName(input);
  const columns: ExtraColumns = {
    count,
    cost: new Float64Array(count),
    lower: new Float64Array(count),
    upper: new Float64Array(count).fill(Infinity),
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
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

/** [payer] the cap rows of its capped channels, each with the channel's share of the payer's money. */
export function capRowsOfPayers(model: RampUpModel): { row: number; share: number }[][] {
  const { input, index } = model;
  const out = input.payers.map(() => [] as { row: number; share: number }[]);
  if (input.financing.kind !== 'channels') return out;
  const payerIndex = new Map(input.payers.map((p, i) => [p.code, i]));
  input.financing.channels.forEach((ch, k) => {
    const row = index.channelCapRow[k]!;
    if (row >= 0) out[payerIndex.get(ch.payer)!]!.push({ row, share: ch.maxShare });
  });
  return out;
}
