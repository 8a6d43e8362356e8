import { buildRampUpModel } from '../model/build-ramp-up-model.js';
import type { LinearProgram } from '../model/linear-program.js';
import type { PlanInput } from '../scenario/plan-input.js';
import { SolveError } from '../errors.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { SolveResult } from '../solve/solver-adapter.js';
import { solveOnce } from '../solve/solve-lexicographic.js';

/** Promise levels from one month: every system's alone (the others free) and all at once; undefined where nothing is needed. */
export interface PromiseLevels {
  readonly joint: number | undefined;
  readonly bySystem: ReadonlyMap<string, number | undefined>;
}

/** The needs a promise from month `from` to `recipient` covers: that recipient's, from that month on. */
const covered = (input: PlanInput, systems: ReadonlySet<string>, from: number, recipient: string) =>
  input.needs.map((n) => systems.has(n.system) && n.recipient === recipient && n.t >= from && n.quantity > 0);

const clamp = (g: number) => Math.min(1, Math.max(0, g));

/**
 * model.md's promise level from month index `from` (Version 2, g_s(m) and G(m)): the largest g
 * in [0,1] such that `delivered >= g x need` for recipient `recipient` in every month from
 * `from` on, for every need of `systems` at once; earlier months, other recipients and other
 * systems free, money as in the scenario (its own guarantee floors dropped). Undefined when
 * those systems need nothing from `from` on. It reuses buildRampUpModel's maximiseGuaranteeOf
 * and frees the floor rows it does not keep, so the shared promise-curve code of issue 15 can
 * replace it.
 */
export async function promiseLevel(input: PlanInput, systems: ReadonlySet<string>, from: number, recipient: string, ctx: SolveContext): Promise<number | undefined> {
  const keep = covered(input, systems, from, recipient);
  if (!keep.includes(true)) return undefined;
  const model = buildRampUpModel({ ...input, needs: input.needs.map((n) => ({ ...n, guarantee: 0 })) }, { maximiseGuaranteeOf: systems });
  const { lp } = floorsBySystem(model.lp, model.guaranteeColumn, model.index.deliver, keep, () => -1);
  const result = await solveOnce(lp, ctx.adapter, ctx.options);
  return clamp(result.columnValues[model.guaranteeColumn]!);
}

/**
 * promiseLevel for every system of `systems` alone and for all at once. With an engine that
 * keeps its state between solves (HiGHS), in one session: each system's floor rows get a level
 * column g_s of their own, tied to the joint level G by rows `g_s >= G`; maximising G is the
 * joint promise, then maximising each g_s in turn is that system's, the others free since
 * their g and G may fall to 0. Each of those solves changes only the objective and starts from
 * the previous basis, instead of building and solving a model per system (twice as fast on the
 * bundled data). Other engines solve a fresh model per system.
 */
export async function promiseLevels(input: PlanInput, systems: readonly string[], from: number, recipient: string, ctx: SolveContext): Promise<PromiseLevels> {
  const keep = covered(input, new Set(systems), from, recipient);
  const promised = [...new Set(input.needs.filter((_, k) => keep[k]).map((n) => n.system))].filter((s) => systems.includes(s));
  const bySystem = new Map<string, number | undefined>(systems.map((s) => [s, undefined]));
  if (promised.length === 0) return { joint: undefined, bySystem };
  if (!ctx.adapter.features.warmStart) {
    for (const s of promised) bySystem.set(s, await promiseLevel(input, new Set([s]), from, recipient, ctx));
    return { joint: await promiseLevel(input, new Set(promised), from, recipient, ctx), bySystem };
  }
  const model = buildRampUpModel({ ...input, needs: input.needs.map((n) => ({ ...n, guarantee: 0 })) }, { maximiseGuaranteeOf: new Set(promised) });
  const G = model.guaranteeColumn;
  const own = new Map(promised.map((s, i) => [s, model.lp.numCols + i]));
  const { lp } = floorsBySystem(model.lp, G, model.index.deliver, keep, (k) => own.get(input.needs[k]!.system)!, promised);
  const session = await ctx.adapter.open(lp, ctx.options);
  try {
    const solve = async () => optimal(await session.solve(), lp, ctx);
    const joint = clamp((await solve())[G]!);
    for (const s of promised) {
      // Every system alone can promise at least what all can at once: 100 % needs no solve.
      if (joint >= 1 - 1e-9) {
        bySystem.set(s, 1);
        continue;
      }
      const j = own.get(s)!;
      const cost = new Float64Array(lp.numCols);
      cost[j] = -1;
      // A session changes its objective with a row: `g_s <= 1`, which its bounds already say.
      session.addRowAndSetObjective({ name: `promise_at_most_all(${s})`, lower: -Infinity, upper: 1, indices: Int32Array.of(j), values: Float64Array.of(1) }, cost, 0);
      bySystem.set(s, clamp((await solve())[j]!));
    }
    return { joint, bySystem };
  } finally {
    session.dispose();
  }
}

function optimal(result: SolveResult, lp: LinearProgram, ctx: SolveContext): Float64Array {
  if (result.status === 'optimal') return result.columnValues;
  if (result.status === 'time-limit') {
    return fail(`no promise level within the time limit of ${ctx.options.timeLimitSeconds ?? '?'} s (${lp.numCols} columns, ${lp.numRows} rows)`, 'time-limit');
  }
  return fail(`${result.message} (a promise level)`, result.status);
}

const fail = (message: string, status: string): never => {
  throw new SolveError(message, status);
};

/**
 * The program with the floor rows `deliver[k] - g x need[k] >= 0` rewritten: a floor of a need
 * not kept is made free; a kept one is put on the level column `column(k)` (-1: g itself). With
 * `systems`, one column per system is appended (in [0,1], no cost) and a row `g_s - g >= 0` per
 * system. Floor rows are found by their entry on g and told apart by their delivery column, so
 * nothing depends on the order in which the builder makes rows.
 */
function floorsBySystem(lp: LinearProgram, g: number, deliver: Int32Array, keep: readonly boolean[], column: (k: number) => number, systems: readonly string[] = []): { lp: LinearProgram } {
  const needOfColumn = new Map<number, number>();
  deliver.forEach((c, k) => needOfColumn.set(c, k));
  const rowLower = Array.from(lp.rowLower);
  const rowUpper = Array.from(lp.rowUpper);
  const indices = Array.from(lp.matrix.indices);
  const values = Array.from(lp.matrix.values);
  const starts = Array.from(lp.matrix.starts);
  const { starts: s0 } = lp.matrix;
  for (let i = 0; i < lp.numRows; i++) {
    let onG = -1;
    let need = -1;
    for (let p = s0[i]!; p < s0[i + 1]!; p++) {
      if (indices[p] === g) onG = p;
      else need = needOfColumn.get(indices[p]!) ?? need;
    }
    if (onG < 0 || need < 0) continue;
    if (!keep[need]) rowLower[i] = -Infinity;
    else if (column(need) >= 0) indices[onG] = column(need);
  }
  const n = lp.numCols;
  systems.forEach((_, i) => {
    indices.push(n + i, g);
    values.push(1, -1);
    starts.push(indices.length);
    rowLower.push(0);
    rowUpper.push(Infinity);
  });
  const grow = (a: Float64Array, v: number) => Float64Array.from([...a, ...systems.map(() => v)]);
  return {
    lp: {
      ...lp,
      numCols: n + systems.length,
      numRows: lp.numRows + systems.length,
      colCost: grow(lp.colCost, 0),
      colLower: grow(lp.colLower, 0),
      colUpper: grow(lp.colUpper, 1),
      rowLower: Float64Array.from(rowLower),
      rowUpper: Float64Array.from(rowUpper),
      matrix: { starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
      colName: (j) => (j < n ? lp.colName(j) : `promise_level(${systems[j - n]})`),
      rowName: (r) => (r < lp.numRows ? lp.rowName(r) : `joint_promise_at_most(${systems[r - lp.numRows]})`),
    },
  };
}
