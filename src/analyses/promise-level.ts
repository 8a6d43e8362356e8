import { buildRampUpModel } from '../model/build-ramp-up-model.js';
import type { LinearProgram } from '../model/linear-program.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import { solveOnce } from '../solve/solve-lexicographic.js';

/**
 * model.md's promise level from month index `from` (Version 2, g_s(m) and G(m)): the largest g
 * in [0,1] such that `delivered >= g x need` for recipient `recipient` in every month from
 * `from` on, for every need of `systems` at once; earlier months, other recipients and other
 * systems free, money as in the scenario (its own guarantee floors dropped). Undefined when
 * those systems need nothing from `from` on.
 *
 * One function, so that the shared promise-curve code of issue 15 can replace it: it reuses
 * buildRampUpModel's maximiseGuaranteeOf and frees the floor rows it does not keep.
 */
export async function promiseLevel(input: PlanInput, systems: ReadonlySet<string>, from: number, recipient: string, ctx: SolveContext): Promise<number | undefined> {
  const keep = input.needs.map((n) => systems.has(n.system) && n.recipient === recipient && n.t >= from && n.quantity > 0);
  if (!keep.includes(true)) return undefined;
  const model = buildRampUpModel({ ...input, needs: input.needs.map((n) => ({ ...n, guarantee: 0 })) }, { maximiseGuaranteeOf: systems });
  const lp = freeFloorRows(model.lp, model.guaranteeColumn, model.index.deliver, keep);
  const result = await solveOnce(lp, ctx.adapter, ctx.options);
  return Math.min(1, Math.max(0, result.columnValues[model.guaranteeColumn]!));
}

/**
 * The program with the floor rows `deliver[k] - g x need[k] >= 0` of the needs not kept made
 * free: found by their entry on g, and told apart by their delivery column, so nothing depends
 * on the order in which the builder makes rows.
 */
function freeFloorRows(lp: LinearProgram, g: number, deliver: Int32Array, keep: readonly boolean[]): LinearProgram {
  const needOfColumn = new Map<number, number>();
  deliver.forEach((column, k) => needOfColumn.set(column, k));
  const rowLower = Float64Array.from(lp.rowLower);
  const { starts, indices } = lp.matrix;
  for (let i = 0; i < lp.numRows; i++) {
    let onG = false;
    let need = -1;
    for (let p = starts[i]!; p < starts[i + 1]!; p++) {
      if (indices[p] === g) onG = true;
      else need = needOfColumn.get(indices[p]!) ?? need;
    }
    if (onG && need >= 0 && !keep[need]) rowLower[i] = -Infinity;
  }
  return { ...lp, rowLower };
}
